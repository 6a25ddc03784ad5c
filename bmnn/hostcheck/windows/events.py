"""Windows event logs (EVTX) read with python-evtx: network profile connections, WLAN, USB
partitions/PnP, log-cleared (1102/104) and system-time changes (4616).

``interpret`` works on the event XML alone so it is tested without binary EVTX files; ``collect``
only feeds it records from the files.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

from .. import timeutil
from ..fsutil import Tree, parse_xml
from ..model import Collection, Evidence, Kind, SourceState, attrs

EVTX_DIR = "Windows/System32/winevt/Logs"
EVTX_FILES = (
    "System.evtx",
    "Security.evtx",
    "Microsoft-Windows-NetworkProfile%4Operational.evtx",
    "Microsoft-Windows-WLAN-AutoConfig%4Operational.evtx",
    "Microsoft-Windows-Partition%4Diagnostic.evtx",
    "Microsoft-Windows-Kernel-PnP%4Configuration.evtx",
)
_NS = "{http://schemas.microsoft.com/win/2004/08/events/event}"


def _fields(xml: str) -> tuple[int, str, datetime | None, dict[str, str]]:
    root = parse_xml(xml)
    system = root.find(f"{_NS}System")
    event_id = int((system.findtext(f"{_NS}EventID") if system is not None else "0") or 0)
    provider = system.find(f"{_NS}Provider") if system is not None else None
    created = system.find(f"{_NS}TimeCreated") if system is not None else None
    stamp = created.get("SystemTime", "") if created is not None else ""
    data = {el.get("Name", ""): (el.text or "") for el in root.iter() if el.tag in (f"{_NS}Data", "Data")}
    for el in root.iter():  # UserData (1102) has named child elements instead of Data items
        if el.tag.startswith("{") and not el.tag.startswith(_NS) and el.text and el.text.strip():
            data.setdefault(el.tag.split("}")[1], el.text.strip())
    name = provider.get("Name", "") if provider is not None else ""
    return event_id, name, timeutil.parse_iso(stamp, timeutil.get_zone("UTC")), data


Found = tuple[Kind, str, dict[str, str]] | None


def _classify(event_id: int, provider: str, data: dict[str, str]) -> Found:
    """(kind, Vietnamese summary, attributes) for the events that matter, None for the rest."""
    if provider.endswith("NetworkProfile") and event_id == 10000:
        name = data.get("Name", "")
        return Kind.NET_EVENT, f"Sự kiện 10000: đã kết nối mạng '{name}'", {"name": name, "used": "yes"}
    if provider.endswith("WLAN-AutoConfig") and event_id in (8001, 11001):
        ssid = data.get("SSID", "")
        return Kind.WIFI_LOG, f"Sự kiện {event_id}: đã kết nối Wi-Fi '{ssid}'", {"ssid": ssid, "used": "yes"}
    if provider.endswith("Partition") and event_id == 1006 and data.get("BusType") == "7":  # 7 = USB bus
        serial = data.get("SerialNumber", "").strip().upper()
        details = {"serial": serial, "vendor": data.get("Manufacturer", ""), "product": data.get("Model", "")}
        return Kind.USB_STORAGE, f"Sự kiện 1006: ổ USB {details['product']} (serial {serial})", details
    if event_id in (1102, 104) and "Eventlog" in provider:
        details = {"user": data.get("SubjectUserName", ""), "channel": data.get("Channel", "")}
        return Kind.LOG_CLEARED, f"Sự kiện {event_id}: nhật ký sự kiện đã bị xóa", details
    if event_id == 4616:
        previous = timeutil.parse_iso(data.get("PreviousTime", ""), timeutil.get_zone("UTC"))
        new = timeutil.parse_iso(data.get("NewTime", ""), timeutil.get_zone("UTC"))
        if previous and new and new < previous:
            before = timeutil.iso_utc(previous) or ""
            return Kind.CLOCK_BACK, "Sự kiện 4616: đồng hồ hệ thống bị chỉnh lùi", {"before_utc": before}
    return None


def interpret(xml: str, source: str) -> Evidence | None:
    """Evidence for the events that matter, None for the rest."""
    try:
        event_id, provider, when, data = _fields(xml)
    except ElementTree.ParseError:
        return None
    found = _classify(event_id, provider, data)
    if found is None:
        return None
    raw = f"{provider} {event_id} " + "; ".join(f"{k}={v}" for k, v in sorted(data.items()) if k)
    kind, summary, details = found
    return Evidence(kind, source, raw, summary, when, attrs(**details))


def _records(path: Path) -> Iterator[str]:
    from Evtx.Evtx import Evtx  # lazy: python-evtx is only needed for Windows images

    with Evtx(str(path)) as log:
        if not log.get_file_header().check_magic():
            raise ValueError("không phải tệp EVTX (sai chữ ký ElfFile)")
        for record in log.records():
            try:
                yield record.xml()
            except Exception:  # noqa: S112 - one damaged record must not hide the others
                continue


def collect_events(tree: Tree, coll: Collection) -> None:
    directory = tree.path(EVTX_DIR)
    present = 0
    for name in EVTX_FILES:
        path = tree.path(f"{EVTX_DIR}/{name}")
        if not path.is_file():
            coll.source(tree.display(path), SourceState.ABSENT, "events")
            continue
        present += 1
        try:
            found = [item for xml in _records(path) if (item := interpret(xml, tree.display(path)))]
        except Exception as exc:
            coll.source(
                tree.display(path), SourceState.UNREADABLE, "events", f"{type(exc).__name__}: {exc}"[:200]
            )
            continue
        coll.source(tree.display(path), SourceState.READ, "events")
        for item in found:
            coll.add(item)
    if present == 0:
        coll.add(
            Evidence(
                Kind.LOG_MISSING,
                tree.display(directory),
                f"{EVTX_DIR}: 0/{len(EVTX_FILES)} tệp",
                "Không có tệp nhật ký sự kiện Windows (EVTX) nào — có thể đã bị xóa hoặc không được "
                "sao chép; không kiểm chứng được lịch sử kết nối",
            )
        )
