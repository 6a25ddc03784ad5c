"""Evidence in Linux logs: DHCP, Wi-Fi association, link up, VPN, profile activation, USB storage,
and signs of cleanup (no logs at all, clock set back)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from .. import timeutil
from ..fsutil import Tree
from ..model import Collection, Evidence, Kind, attrs
from .logsource import LogLine, read_journal, read_text_log, text_log_paths

_VIRTUAL = re.compile(r"^(lo|docker|veth|br-|virbr|vnet|tun|tap|wg|ifb|dummy)")
_NET_PATTERNS: tuple[tuple[Kind, re.Pattern[str], tuple[str, ...]], ...] = (
    (Kind.DHCP_LOG, re.compile(r"DHCPACK of ([\d.]+) from ([\d.]+)"), ("ip", "server")),
    (
        Kind.DHCP_LOG,
        re.compile(r"(\S+): DHCPv4 address ([\d.]+)/\d+(?:,? (?:via|gateway) ([\d.]+))?"),
        ("iface", "ip", "gateway"),
    ),
    (Kind.DHCP_LOG, re.compile(r"dhcp4 \((\S+)\):.*?address[= ]'?([\d.]+)"), ("iface", "ip")),
    (
        Kind.WIFI_LOG,
        re.compile(r"(\S+): CTRL-EVENT-CONNECTED - Connection to ([0-9a-fA-F:]{17}) completed"),
        ("iface", "bssid"),
    ),
    (Kind.WIFI_LOG, re.compile(r"SSID='([^']*)'"), ("ssid",)),
    (Kind.WIFI_LOG, re.compile(r"Connected to wireless network ['\"]([^'\"]*)['\"]"), ("ssid",)),
    (Kind.WIFI_LOG, re.compile(r"(\w+): associated$"), ("iface",)),
    (Kind.LINK_LOG, re.compile(r"(\w[\w.-]*): (?:NIC )?Link is [Uu]p"), ("iface",)),
    (Kind.LINK_LOG, re.compile(r"ADDRCONF\(NETDEV_CHANGE\): (\S+): link becomes ready"), ("iface",)),
    (Kind.VPN_LOG, re.compile(r"(Initialization Sequence Completed)"), ("event",)),
    (Kind.VPN_LOG, re.compile(r"VPN connection: \(IP Config Get\) (complete)"), ("event",)),
    (Kind.VPN_LOG, re.compile(r"IKE_SA (\S+) established"), ("event",)),
    (
        Kind.NET_EVENT,
        re.compile(r"Activation: starting connection '([^']*)' \(([0-9a-f-]{36})\)"),
        ("name", "uuid"),
    ),
)
_SUMMARY = {
    Kind.DHCP_LOG: "Nhật ký DHCP: máy đã nhận địa chỉ IP từ mạng",
    Kind.WIFI_LOG: "Nhật ký Wi-Fi: máy đã kết nối mạng không dây",
    Kind.LINK_LOG: "Nhật ký nhân: cổng mạng có tín hiệu liên kết (đã cắm vào mạng)",
    Kind.VPN_LOG: "Nhật ký VPN: đã thiết lập kết nối VPN",
    Kind.NET_EVENT: "Nhật ký NetworkManager: đã kích hoạt hồ sơ kết nối",
}
_USB_NEW = re.compile(r"usb (\S+): New USB device found, idVendor=(\w+), idProduct=(\w+)")
_USB_STR = re.compile(r"usb (\S+): (Product|Manufacturer|SerialNumber): (.*)$")
_USB_STORAGE = re.compile(r"(?:usb-storage|uas) (\d+-[\d.]+):\d+\.\d+: ")
_USB_GONE = re.compile(r"usb (\S+): USB disconnect")
CLOCK_BACK_TOLERANCE = timedelta(hours=1)


@dataclass
class Group:
    kind: Kind
    source: str
    raw: str
    values: dict[str, str]
    first: datetime | None = None
    last: datetime | None = None
    count: int = 0

    def see(self, when: datetime | None) -> None:
        self.count += 1
        if when:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)


@dataclass
class LogState:
    groups: dict[tuple[str, ...], Group] = field(default_factory=dict)
    ports: dict[str, dict[str, str]] = field(default_factory=dict)
    arrivals: dict[str, datetime | None] = field(default_factory=dict)
    first_time: datetime | None = None
    lines: int = 0

    def group(self, key: tuple[str, ...], kind: Kind, line: LogLine, values: dict[str, str]) -> None:
        item = self.groups.setdefault(key, Group(kind, line.source, line.raw, values))
        item.see(line.time)


def _match_network(state: LogState, line: LogLine) -> None:
    for kind, pattern, names in _NET_PATTERNS:
        match = pattern.search(line.message)
        if not match:
            continue
        values = {n: v for n, v in zip(names, match.groups(), strict=True) if v}
        if _VIRTUAL.match(values.get("iface", "")):
            return
        identity = values.get("ssid") or values.get("bssid") or values.get("ip") or values.get("uuid") or ""
        state.group((kind.value, identity, values.get("iface", "")), kind, line, values)
        return


def _match_usb(state: LogState, line: LogLine) -> None:
    if match := _USB_NEW.search(line.message):
        state.ports[match.group(1)] = {"vid": match.group(2), "pid": match.group(3), "raw": line.raw}
        state.arrivals[match.group(1)] = line.time  # the insertion time, not the later driver message
    elif (match := _USB_STR.search(line.message)) and match.group(1) in state.ports:
        state.ports[match.group(1)][match.group(2).lower()] = match.group(3).strip()
    elif (match := _USB_STORAGE.search(line.message)) and match.group(1) in state.ports:
        port = state.ports[match.group(1)]
        serial = port.get("serialnumber", "")
        key = ("usb", serial or f"{port['vid']}:{port['pid']}:{port.get('product', '')}")
        values = {k: port.get(k, "") for k in ("vid", "pid", "manufacturer", "product")} | {"serial": serial}
        arrival = state.arrivals.get(match.group(1)) or line.time
        state.group(key, Kind.USB_STORAGE, LogLine(arrival, "", "", line.source, port["raw"]), values)
    elif match := _USB_GONE.search(line.message):
        state.ports.pop(match.group(1), None)


def _clock_check(coll: Collection, line: LogLine, previous: LogLine | None) -> None:
    same_file = previous is not None and previous.source == line.source
    if (
        same_file
        and previous
        and previous.time
        and line.time
        and line.time < previous.time - CLOCK_BACK_TOLERANCE
    ):
        coll.add(
            Evidence(
                Kind.CLOCK_BACK,
                line.source,
                f"{previous.raw}\n{line.raw}",
                "Thời gian trong nhật ký bị lùi lại (đồng hồ máy có thể đã bị chỉnh lùi)",
                line.time,
                attrs(before_utc=timeutil.iso_utc(previous.time)),
            )
        )


def _group_evidence(group: Group) -> Evidence:
    if group.kind == Kind.USB_STORAGE:
        v = group.values
        summary = (
            f"Thiết bị lưu trữ USB {v.get('manufacturer', '')} {v.get('product', '')} "
            f"(VID {v['vid']}, PID {v['pid']}, số serial {v['serial'] or 'không có'}) đã được cắm "
            f"{group.count} lần"
        ).replace("  ", " ")
    else:
        details = ", ".join(f"{k}={v}" for k, v in sorted(group.values.items()))
        summary = f"{_SUMMARY[group.kind]} ({details}); {group.count} lần"
    return Evidence(
        group.kind,
        group.source,
        group.raw,
        summary,
        group.last,
        attrs(first_utc=timeutil.iso_utc(group.first), count=group.count, used="yes", **group.values),
    )


def collect_logs(tree: Tree, coll: Collection, zone: tzinfo) -> None:
    state = LogState()
    previous: LogLine | None = None
    paths = text_log_paths(tree)
    lines = [ln for p in paths for ln in read_text_log(tree, coll, p, zone)]
    for line in [*lines, *read_journal(tree, coll)]:
        state.lines += 1
        if line.time:
            state.first_time = min(state.first_time or line.time, line.time)
        _clock_check(coll, line, previous)
        previous = line
        _match_network(state, line)
        if line.ident == "kernel" or "kernel:" in line.raw[:80]:
            _match_usb(state, line)
    for _key, group in sorted(state.groups.items()):
        coll.add(_group_evidence(group))
    coll.identity["log_first_utc"] = timeutil.iso_utc(state.first_time)
    if state.lines == 0:
        coll.add(
            Evidence(
                Kind.LOG_MISSING,
                "/var/log",
                f"{len(paths)} tệp, 0 dòng",
                "Không có nhật ký hệ thống nào (syslog, kern.log, journal) — có thể đã bị xóa "
                "hoặc bị tắt; không kiểm chứng được lịch sử kết nối và USB",
            )
        )
