import datetime as dt

import pytest

from bmnn.assets import rules
from bmnn.assets.hostreport import parse_report, schema_errors
from bmnn.assets.tests.reports import as_bytes, make_report


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff"),
        ("aabb.ccdd.eeff", "aa:bb:cc:dd:ee:ff"),
        (" 00:11:22:33:44:55 ", "00:11:22:33:44:55"),
        ("00:11:22:33:44", None),
        ("zz:11:22:33:44:55", None),
    ],
)
def test_mac_addresses_are_normalised_or_refused(raw, expected):
    assert rules.normalise_mac(raw) == expected


@pytest.mark.parametrize(
    ("purpose", "network", "on", "codes"),
    [
        ("drafting", "standalone", dt.date(2025, 6, 1), []),
        ("drafting", "networked", dt.date(2025, 6, 1), ["drafting_networked"]),
        ("drafting", "networked", dt.date(2026, 6, 1), ["drafting_networked"]),
        ("drafting", "independent_lan", dt.date(2026, 2, 28), ["independent_lan_before_2025"]),
        ("drafting", "independent_lan", dt.date(2026, 3, 1), []),
        ("drafting", "none", dt.date(2026, 3, 1), ["network_undeclared"]),
        ("ordinary", "networked", dt.date(2025, 6, 1), []),
    ],
)
def test_a_drafting_device_may_only_be_offline_or_on_an_independent_lan_after_2026(
    purpose, network, on, codes
):
    assert [v.code for v in rules.check_network_for_purpose(purpose, network, on)] == codes


def test_registration_reports_every_duplicate_at_once():
    data = rules.DeviceInput(
        kind="desktop",
        asset_tag="TS-01",
        purpose="drafting",
        network_status="networked",
        macs=("AA:BB:CC:DD:EE:FF", "bad"),
        serials=("s1",),
        taken_tags=frozenset({"TS-01"}),
        taken_macs=frozenset({"aa:bb:cc:dd:ee:ff"}),
        taken_serials=frozenset({"S1"}),
    )
    codes = {v.code for v in rules.check_register_device(data)}
    assert codes == {
        "asset_tag_duplicate",
        "mac_duplicate",
        "mac_invalid",
        "serial_duplicate",
        "drafting_networked",
    }


@pytest.mark.parametrize(
    ("number", "used", "in_use", "codes"),
    [
        ("T-100", frozenset(), True, []),
        ("t-100", frozenset({"T-100"}), True, ["seal_reused"]),
        ("", frozenset(), True, ["seal_missing"]),
        ("T-101", frozenset(), False, ["device_retired"]),
    ],
)
def test_a_seal_number_is_used_once_ever(number, used, in_use, codes):
    assert [v.code for v in rules.check_seal(number=number, used_numbers=used, device_in_use=in_use)] == codes


@pytest.mark.parametrize(
    ("purpose", "wiped", "codes"),
    [("drafting", False, ["wipe_missing"]), ("drafting", True, []), ("ordinary", False, [])],
)
def test_repurposing_a_drafting_device_needs_a_recorded_wipe(purpose, wiped, codes):
    assert [
        v.code for v in rules.check_retire(purpose=purpose, has_unused_wipe=wiped, device_in_use=True)
    ] == codes


DEVICE = rules.DeviceIdentity(hostname="x", macs=frozenset({"aa:bb:cc:dd:ee:ff"}), serials=frozenset({"SN1"}))


@pytest.mark.parametrize(
    ("macs", "serials", "codes"),
    [
        (("aa:bb:cc:dd:ee:ff",), (), []),
        ((), ("SN1",), []),
        (("aa:bb:cc:dd:ee:00",), ("SN1",), ["report_mac_unknown"]),
        ((), ("OTHER",), ["report_identity_mismatch"]),
        ((), (), ["report_identity_mismatch"]),
    ],
)
def test_a_report_matches_a_device_only_by_its_macs_or_serials(macs, serials, codes):
    report = rules.ReportIdentity(hostname="x", macs=macs, serials=serials)
    assert [v.code for v in rules.check_report_matches(report, DEVICE)] == codes


@pytest.mark.parametrize(
    ("last", "today", "overdue"),
    [
        (None, dt.date(2026, 5, 1), True),
        (dt.date(2025, 5, 2), dt.date(2026, 5, 1), False),
        (dt.date(2025, 5, 1), dt.date(2026, 5, 1), True),
    ],
)
def test_a_check_older_than_the_setting_is_overdue(last, today, overdue):
    assert rules.check_is_overdue(last, today, 12) is overdue


def test_a_generated_report_is_accepted_and_its_identity_read():
    parsed, problems = parse_report(as_bytes(make_report(macs=["AA-BB-CC-DD-EE-FF"], serial="sn1")))
    assert problems == [] and parsed is not None
    assert parsed.identity.macs == ("aa:bb:cc:dd:ee:ff",) and parsed.identity.serials == ("SN1",)
    assert parsed.overall == "FAIL"


def test_a_report_breaking_the_schema_names_every_path():
    report = make_report(macs=[])
    report["overall"] = "BAD"
    del report["machine"]["hostname"]
    errors = schema_errors(report, __import__("bmnn.assets.hostreport", fromlist=["x"]).report_schema())
    assert any("$.overall" in e for e in errors) and any("hostname" in e for e in errors)
    _, problems = parse_report(as_bytes(report))
    assert [p.code for p in problems] == ["report_schema"]


def test_a_report_edited_after_generation_is_refused():
    report = make_report(macs=["aa:bb:cc:dd:ee:ff"])
    report["overall"] = "PASS"
    _, problems = parse_report(as_bytes(report))
    assert [p.code for p in problems] == ["report_tampered"]


def test_non_json_is_refused():
    _, problems = parse_report(b"\xff not json")
    assert [p.code for p in problems] == ["report_not_json"]


@pytest.mark.parametrize(
    ("checked", "codes"), [(dt.date(2026, 5, 4), []), (dt.date(2026, 5, 5), ["report_in_future"])]
)
def test_a_check_cannot_be_dated_after_today(checked, codes):
    assert [v.code for v in rules.check_not_future(checked, dt.date(2026, 5, 4))] == codes
