"""EVTX interpretation. Realistic EVTX files cannot be produced here (binary XML templates) and
python-evtx ships no sample logs, so events are tested as the XML python-evtx yields per record."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmnn.hostcheck.fsutil import Tree
from bmnn.hostcheck.model import Collection, Kind, SourceState
from bmnn.hostcheck.windows import events

NS = "http://schemas.microsoft.com/win/2004/08/events/event"


def xml(provider: str, event_id: int, data: dict[str, str], user_data: str = "") -> str:
    items = "".join(f'<Data Name="{k}">{v}</Data>' for k, v in data.items())
    body = f"<UserData>{user_data}</UserData>" if user_data else f"<EventData>{items}</EventData>"
    return (
        f'<Event xmlns="{NS}"><System><Provider Name="{provider}"/><EventID>{event_id}</EventID>'
        f'<TimeCreated SystemTime="2026-02-11 07:00:00.123456"/></System>{body}</Event>'
    )


@pytest.mark.parametrize(
    ("record", "kind", "attr", "value"),
    [
        (
            xml("Microsoft-Windows-NetworkProfile", 10000, {"Name": "CafeWiFi", "Category": "0"}),
            Kind.NET_EVENT,
            "name",
            "CafeWiFi",
        ),
        (
            xml("Microsoft-Windows-WLAN-AutoConfig", 8001, {"SSID": "Home-WiFi"}),
            Kind.WIFI_LOG,
            "ssid",
            "Home-WiFi",
        ),
        (
            xml(
                "Microsoft-Windows-Partition",
                1006,
                {"BusType": "7", "SerialNumber": "4c53000123 ", "Model": "Cruzer"},
            ),
            Kind.USB_STORAGE,
            "serial",
            "4C53000123",
        ),
        (
            xml(
                "Microsoft-Windows-Eventlog",
                1102,
                {},
                '<LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/'
                'windows/eventlog"><SubjectUserName>canbo</SubjectUserName></LogFileCleared>',
            ),
            Kind.LOG_CLEARED,
            "user",
            "canbo",
        ),
        (
            xml("Microsoft-Windows-Eventlog", 104, {"Channel": "System"}),
            Kind.LOG_CLEARED,
            "channel",
            "System",
        ),
        (
            xml(
                "Microsoft-Windows-Security-Auditing",
                4616,
                {"PreviousTime": "2026-02-11T07:00:00Z", "NewTime": "2026-02-01T07:00:00Z"},
            ),
            Kind.CLOCK_BACK,
            "before_utc",
            "2026-02-11T07:00:00Z",
        ),
    ],
)
def test_events_that_matter_become_evidence(record: str, kind: Kind, attr: str, value: str) -> None:
    item = events.interpret(record, "/Logs/x.evtx")
    assert item is not None and item.kind == kind and item.attr(attr) == value
    assert item.time_utc is not None and item.time_utc.isoformat().startswith("2026-02-11T07:00:00")


@pytest.mark.parametrize(
    "record",
    [
        xml("Microsoft-Windows-Partition", 1006, {"BusType": "11", "SerialNumber": "SATA1"}),  # internal disk
        xml(
            "Microsoft-Windows-Security-Auditing",
            4616,
            {"PreviousTime": "2026-02-01T07:00:00Z", "NewTime": "2026-02-01T07:00:05Z"},
        ),  # NTP step forward
        xml("Service Control Manager", 7036, {"param1": "x"}),
        "<not xml",
    ],
)
def test_ordinary_events_are_ignored(record: str) -> None:
    assert events.interpret(record, "/Logs/x.evtx") is None


def test_records_of_each_log_file_are_interpreted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    logs = tmp_path / events.EVTX_DIR
    logs.mkdir(parents=True)
    (logs / "System.evtx").write_bytes(b"x")
    monkeypatch.setattr(events, "_records", lambda path: iter([xml("Microsoft-Windows-Eventlog", 104, {})]))
    coll = Collection()
    events.collect_events(Tree(tmp_path, case_insensitive=True), coll)
    assert [e.kind for e in coll.evidence] == [Kind.LOG_CLEARED]


def test_a_file_that_is_not_evtx_is_unreadable_not_clean(tmp_path: Path) -> None:
    logs = tmp_path / events.EVTX_DIR
    logs.mkdir(parents=True)
    (logs / "System.evtx").write_bytes(b"garbage" * 1000)
    coll = Collection()
    events.collect_events(Tree(tmp_path, case_insensitive=True), coll)
    states = {s.path.rsplit("/", 1)[-1]: s.state for s in coll.sources}
    assert states["System.evtx"] == SourceState.UNREADABLE
