"""Pure verdict rules, one legal situation per case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bmnn.hostcheck.model import Evidence, HostFacts, Kind, SourceRecord, SourceState, Status, attrs
from bmnn.hostcheck.policy import ApprovedLan, Policy
from bmnn.hostcheck.rules import classify, evaluate

NOW = datetime(2026, 3, 1, tzinfo=UTC)
LAN = ApprovedLan(ssids=("LAN-BMNN",), gateway_macs=("00:11:22:33:44:55",), subnets=("10.10.0.0/24",))
AV = Evidence(
    Kind.AV_STATUS, "/av", "", "", datetime(2026, 2, 28, tzinfo=UTC), attrs(present="yes", enabled="yes")
)
OS = Evidence(Kind.OS_UPDATE, "/os", "", "", datetime(2026, 2, 20, tzinfo=UTC))
LOGS = SourceRecord("/var/log/syslog", SourceState.READ, "logs")


def facts(
    *items: Evidence, sources: tuple[SourceRecord, ...] = (LOGS,), observable: bool = True
) -> HostFacts:
    return HostFacts("linux", "offline", (AV, OS, *items), sources, (), observable, None, "UTC")


def verdict(result: list, code: str) -> Status:
    return next(v.status for v in result if v.code == code)


def ev(kind: Kind, **values: str) -> Evidence:
    return Evidence(kind, "/x", "raw", "summary", None, attrs(**values))


@pytest.mark.parametrize(("regime", "expected"), [("2018", Status.FAIL), ("2025", Status.PASS)])
def test_an_approved_independent_lan_is_allowed_only_from_2025(regime: str, expected: Status) -> None:
    result = evaluate(
        facts(ev(Kind.DHCP_LOG, ip="10.10.0.5", used="yes")), Policy(regime=regime, approved_lan=LAN), NOW
    )
    assert verdict(result, "network_history") == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (ev(Kind.NET_PROFILE, ssid="LAN-BMNN", used="yes"), "approved"),
        (ev(Kind.ROUTE_NOW, gateway="10.10.0.1", gateway_mac="00-11-22-33-44-55"), "approved"),
        (ev(Kind.NET_PROFILE, ssid="Cafe", used="yes"), "other"),
        (ev(Kind.NET_PROFILE, ssid="LAN-BMNN", used="yes", internet="yes"), "other"),
        (ev(Kind.VPN_LOG, event="up"), "other"),
        (ev(Kind.LINK_LOG, iface="eno1"), "unidentified"),
        (ev(Kind.NET_PROFILE, ssid="Cafe", used="unknown"), "unidentified"),
    ],
)
def test_network_evidence_is_classified_against_the_approved_lan(item: Evidence, expected: str) -> None:
    assert classify(item, Policy(approved_lan=LAN)) == expected


def test_history_of_another_network_fails_under_2025_by_default_and_warns_when_the_agency_chooses() -> None:
    cafe = facts(ev(Kind.WIFI_LOG, ssid="Cafe", used="yes"))
    assert verdict(evaluate(cafe, Policy(regime="2025"), NOW), "network_history") == Status.FAIL
    lenient = Policy(regime="2025", unapproved_history_2025="WARN")
    assert verdict(evaluate(cafe, lenient, NOW), "network_history") == Status.WARN


def test_a_link_without_any_network_identity_is_a_warning_not_a_pass() -> None:
    assert (
        verdict(evaluate(facts(ev(Kind.LINK_LOG, iface="eno1")), Policy(), NOW), "network_history")
        == Status.WARN
    )


def test_a_connection_now_fails_in_both_regimes_unless_it_is_the_approved_lan() -> None:
    now_on = facts(ev(Kind.ADDRESS_NOW, ip="192.168.1.4"), ev(Kind.INTERFACE_NOW, iface="eno1"))
    for regime in ("2018", "2025"):
        assert (
            verdict(evaluate(now_on, Policy(regime=regime, approved_lan=LAN), NOW), "currently_connected")
            == Status.FAIL
        )
    lan_on = facts(ev(Kind.ADDRESS_NOW, ip="10.10.0.4"), ev(Kind.INTERFACE_NOW, iface="eno1"))
    assert (
        verdict(evaluate(lan_on, Policy(regime="2025", approved_lan=LAN), NOW), "currently_connected")
        == Status.PASS
    )


def test_an_offline_image_cannot_prove_the_current_state() -> None:
    assert verdict(evaluate(facts(observable=False), Policy(), NOW), "currently_connected") == Status.UNKNOWN


@pytest.mark.parametrize("kind", [Kind.LOG_MISSING, Kind.LOG_CLEARED])
def test_missing_or_cleared_logs_never_give_a_pass(kind: Kind) -> None:
    result = evaluate(facts(ev(kind)), Policy(), NOW)
    for code in ("internet_history", "network_history", "usb_storage_history"):
        assert verdict(result, code) == Status.UNKNOWN
    assert verdict(result, "cleanup_signs") == Status.WARN


def test_an_unreadable_log_file_makes_history_unknown() -> None:
    unreadable = (LOGS, SourceRecord("/var/log/syslog.2.gz", SourceState.UNREADABLE, "logs", "BadGzipFile"))
    result = evaluate(facts(sources=unreadable), Policy(), NOW)
    assert verdict(result, "network_history") == Status.UNKNOWN


def test_logs_that_start_after_installation_leave_the_earlier_period_unproven() -> None:
    gap = HostFacts(
        "linux",
        "offline",
        (AV, OS),
        (LOGS,),
        (("install_utc", "2025-01-01T00:00:00+00:00"), ("log_first_utc", "2026-02-01T00:00:00+00:00")),
        True,
        None,
        "UTC",
    )
    assert verdict(evaluate(gap, Policy(), NOW), "network_history") == Status.UNKNOWN


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((), Status.FAIL),
        (
            (
                Evidence(
                    Kind.AV_STATUS, "/av", "", "", datetime(2026, 2, 1, tzinfo=UTC), attrs(present="yes")
                ),
            ),
            Status.FAIL,
        ),
        ((Evidence(Kind.AV_STATUS, "/av", "", "", None, attrs(present="yes")),), Status.UNKNOWN),
        ((Evidence(Kind.AV_STATUS, "/av", "", "", NOW, attrs(present="yes", enabled="no")),), Status.FAIL),
        ((AV,), Status.PASS),
    ],
)
def test_antivirus_must_be_present_enabled_and_fresh(items: tuple[Evidence, ...], expected: Status) -> None:
    bare = HostFacts("linux", "offline", (OS, *items), (LOGS,), (), True, None, "UTC")
    assert verdict(evaluate(bare, Policy(), NOW), "antivirus") == expected


def test_ages_are_unknown_without_a_reference_time() -> None:
    assert verdict(evaluate(facts(), Policy(), None), "antivirus") == Status.UNKNOWN


def test_usb_without_a_serial_can_never_be_an_approved_stick() -> None:
    stick = ev(Kind.USB_STORAGE, serial="", vid="0781")
    assert verdict(evaluate(facts(stick), Policy(), NOW), "usb_storage_history") == Status.FAIL
    approved = ev(Kind.USB_STORAGE, serial="AA01")
    assert (
        verdict(evaluate(facts(approved), Policy(approved_usb_serials=("AA01",)), NOW), "usb_storage_history")
        == Status.PASS
    )


def test_browser_visits_to_public_hosts_are_internet_history() -> None:
    web = ev(Kind.BROWSER, host="vnexpress.net", internet="yes")
    assert verdict(evaluate(facts(web), Policy(), NOW), "internet_history") == Status.FAIL
    intranet = ev(Kind.BROWSER, host="10.10.0.2", internet="no")
    assert verdict(evaluate(facts(intranet), Policy(), NOW), "internet_history") == Status.PASS
