"""Linux parsing details that the scenario fixtures do not isolate."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from bmnn.hostcheck.api import run_check
from bmnn.hostcheck.fsutil import Tree
from bmnn.hostcheck.linux.current import _ipv4_addresses
from bmnn.hostcheck.linux.logs import collect_logs
from bmnn.hostcheck.linux.profiles import _dhclient_leases
from bmnn.hostcheck.model import Collection, Kind, SourceState
from bmnn.hostcheck.policy import Policy
from bmnn.hostcheck.tests.fixtures.common import NOW, write


def _logs(root: Path) -> Collection:
    coll = Collection()
    collect_logs(Tree(root), coll, UTC)
    return coll


def test_a_usb_keyboard_is_not_usb_storage(tmp_path: Path) -> None:
    write(
        tmp_path,
        "var/log/kern.log",
        "2026-01-01T08:00:00+00:00 pc kernel: usb 1-2: New USB device found, "
        "idVendor=046d, idProduct=c31c\n2026-01-01T08:00:00+00:00 pc kernel: usb 1-2: SerialNumber: KB1\n",
    )
    assert not [e for e in _logs(tmp_path).evidence if e.kind == Kind.USB_STORAGE]


def test_a_december_line_in_a_january_file_belongs_to_the_previous_year(tmp_path: Path) -> None:
    lines = (
        "Dec 31 23:59:00 pc kernel: e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps\n"
        "Jan  2 08:00:00 pc kernel: e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps\n"
    )
    write(tmp_path, "var/log/kern.log", lines, mtime=datetime(2026, 1, 3, tzinfo=UTC).timestamp())
    link = next(e for e in _logs(tmp_path).evidence if e.kind == Kind.LINK_LOG)
    assert link.attr("first_utc") == "2025-12-31T23:59:00Z" and link.attr("count") == "2"


def test_virtual_interfaces_are_not_network_history(tmp_path: Path) -> None:
    write(
        tmp_path,
        "var/log/syslog",
        "2026-01-01T08:00:00+00:00 pc kernel: IPv6: ADDRCONF(NETDEV_CHANGE): "
        "veth12ab: link becomes ready\n2026-01-01T08:00:00+00:00 pc kernel: docker0: Link is Up\n",
    )
    assert not [e for e in _logs(tmp_path).evidence if e.kind == Kind.LINK_LOG]


def test_a_corrupt_rotated_log_is_unreadable_and_history_unknown(fixtures_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(fixtures_dir / "linux_clean" / "root", root)
    write(root, "var/log/syslog.2.gz", b"\x1f\x8bnot really gzip")
    result = run_check(policy=Policy(), root=root, now=NOW)
    assert any(
        s.state == SourceState.UNREADABLE and s.path.endswith("syslog.2.gz") for s in result.facts.sources
    )
    assert {v.code: v.status.value for v in result.verdicts}["network_history"] == "UNKNOWN"


def test_a_corrupt_browser_database_is_cannot_verify_not_clean(fixtures_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(fixtures_dir / "linux_clean" / "root", root)
    write(root, "home/canbo/.config/chromium/Default/History", b"SQLite format 3\0" + b"\xff" * 200)
    result = run_check(policy=Policy(), root=root, now=NOW)
    assert {v.code: v.status.value for v in result.verdicts}["internet_history"] == "UNKNOWN"


def test_dhclient_lease_blocks_are_parsed() -> None:
    leases = _dhclient_leases(
        'lease {\n interface "eth0";\n fixed-address 10.1.2.3;\n option routers 10.1.2.1;\n'
        " option domain-name-servers 10.1.2.1, 8.8.4.4;\n renew 1 2026/01/05 10:00:00;\n}\n"
    )
    assert leases == [
        {
            "iface": "eth0",
            "ip": "10.1.2.3",
            "gateway": "10.1.2.1",
            "dns": "10.1.2.1 8.8.4.4",
            "renew": "2026/01/05 10:00:00",
            "expire": "",
        }
    ]


def test_local_ipv4_addresses_come_from_fib_trie() -> None:
    text = (
        "Main:\n  +-- 0.0.0.0/0 3 0 5\n     |-- 192.168.1.7\n        /32 host LOCAL\n     |-- 192.168.1.255\n"
        "        /32 link BROADCAST\n"
    )
    assert _ipv4_addresses(text) == ["192.168.1.7"]


def test_a_gzip_rotated_log_is_read(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress(
        b"2026-01-01T08:00:00+00:00 pc dhclient[1]: DHCPACK of 192.168.9.9 from 192.168.9.1\n"
    )
    write(tmp_path, "var/log/syslog.3.gz", data)
    found = [e for e in _logs(tmp_path).evidence if e.kind == Kind.DHCP_LOG]
    assert found and found[0].attr("ip") == "192.168.9.9"
    assert (tmp_path / "var/log/syslog.3.gz").exists()


def test_journal_json_lines_become_log_lines() -> None:
    from bmnn.hostcheck.linux.logsource import _journal_lines

    output = (
        b'{"__REALTIME_TIMESTAMP":"1770793200000000","SYSLOG_IDENTIFIER":"kernel",'
        b'"MESSAGE":"usb 1-1: SerialNumber: X1"}\n'
        b'{"__REALTIME_TIMESTAMP":"1770793201000000","_COMM":"dhclient","MESSAGE":[68,72,67,80]}\nnot json\n'
    )
    lines = list(_journal_lines(output, "/var/log/journal"))
    assert [(ln.ident, ln.message) for ln in lines] == [
        ("kernel", "usb 1-1: SerialNumber: X1"),
        ("dhclient", "DHCP"),
    ]
    assert lines[0].time == datetime(2026, 2, 11, 7, 0, tzinfo=UTC)


def test_a_journal_without_journalctl_is_unreadable_not_clean(tmp_path: Path, monkeypatch) -> None:
    from bmnn.hostcheck.linux import logsource

    write(tmp_path, "var/log/journal/abc/system.journal", b"LPKSHHRH")
    monkeypatch.setattr(logsource.shutil, "which", lambda name: None)
    coll = Collection()
    assert list(logsource.read_journal(Tree(tmp_path), coll)) == []
    assert [s.state for s in coll.sources] == [SourceState.UNREADABLE]
