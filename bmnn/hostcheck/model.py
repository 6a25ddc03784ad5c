"""Plain data the collectors produce and the rules read.

Everything is a frozen dataclass so the rules stay pure and the report is deterministic:
collectors turn files into ``Evidence`` and ``SourceRecord`` rows; ``rules`` turns those into
``CheckVerdict`` rows; ``report`` serialises both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    PASS = "PASS"  # noqa: S105 - a verdict, not a password
    FAIL = "FAIL"
    WARN = "WARN"
    UNKNOWN = "UNKNOWN"


class SourceState(StrEnum):
    READ = "read"
    ABSENT = "absent"
    UNREADABLE = "unreadable"


class Kind(StrEnum):
    """Stable evidence codes (only ever added, never renamed: they are in signed reports)."""

    INTERFACE_NOW = "net.interface_now"
    ADDRESS_NOW = "net.address_now"
    ROUTE_NOW = "net.default_route_now"
    WIFI_NOW = "wifi.associated_now"
    WIRELESS_HW = "wifi.hardware_present"
    DNS_CONFIG = "net.dns_config"
    NET_PROFILE = "net.profile"
    DHCP_LEASE = "net.dhcp_lease"
    DHCP_LOG = "net.dhcp_log"
    WIFI_LOG = "wifi.association_log"
    LINK_LOG = "net.link_up_log"
    VPN_LOG = "net.vpn_log"
    NET_EVENT = "net.event_log"
    NET_SHARE = "net.share_mounted"
    BROWSER = "browser.web_history"
    USB_STORAGE = "usb.storage"
    USB_DEVICE = "usb.device"
    AV_STATUS = "av.status"
    OS_INFO = "os.info"
    OS_UPDATE = "os.last_update"
    LOG_CLEARED = "cleanup.log_cleared"
    LOG_MISSING = "cleanup.log_missing"
    PROFILE_DELETED = "cleanup.profile_deleted"
    CLOCK_BACK = "cleanup.clock_set_back"


@dataclass(frozen=True)
class Evidence:
    """One observation, traceable to the exact file/key and raw value it came from."""

    kind: Kind
    source: str
    raw: str
    summary_vi: str
    time_utc: datetime | None = None
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str:
        return dict(self.attrs).get(name, "")


def attrs(**values: object) -> tuple[tuple[str, str], ...]:
    """Sorted, string-only attributes: stable order keeps reports byte-identical."""
    return tuple(sorted((k, str(v)) for k, v in values.items() if v not in (None, "")))


@dataclass(frozen=True)
class SourceRecord:
    path: str
    state: SourceState
    category: str
    detail: str = ""


@dataclass(frozen=True)
class CheckVerdict:
    code: str
    title_vi: str
    status: Status
    message_vi: str
    basis: str
    evidence_ids: tuple[int, ...] = ()


@dataclass
class Collection:
    """What one collector run gathered (mutable while collecting, frozen by ``HostFacts``)."""

    evidence: list[Evidence] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    identity: dict[str, Any] = field(default_factory=dict)

    def add(self, item: Evidence) -> None:
        self.evidence.append(item)

    def source(self, path: str, state: SourceState, category: str, detail: str = "") -> None:
        self.sources.append(SourceRecord(path, state, category, detail))

    def merge(self, other: Collection) -> None:
        self.evidence.extend(other.evidence)
        self.sources.extend(other.sources)
        for key, value in other.identity.items():
            self.identity.setdefault(key, value)


@dataclass(frozen=True)
class HostFacts:
    platform: str  # "linux" | "windows"
    mode: str  # "live" | "offline"
    evidence: tuple[Evidence, ...]
    sources: tuple[SourceRecord, ...]
    identity: tuple[tuple[str, Any], ...]
    current_state_observable: bool
    reference_time: datetime | None
    timezone: str
