import datetime as dt

import pytest

from bmnn.assets import queries, services
from bmnn.assets.models import Device, DeviceInspection, Seal, StorageAllocation
from bmnn.assets.tests.reports import as_bytes, make_report
from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation

MAC = "AA:BB:CC:DD:EE:01"
TODAY = dt.date(2026, 5, 4)


def register(org, **extra):
    data = {
        "actor": org["users"]["security"],
        "agency": org["agency"],
        "kind": "desktop",
        "asset_tag": "TS-01",
        "purpose": "drafting",
        "network_status": "standalone",
        "macs": [MAC],
        "serials": ["SN-1"],
        "on": TODAY,
    } | extra
    return services.register_device(**data)


def refused(codes, call):
    before = (
        LedgerEntry.objects.count(),
        Device.objects.count(),
        Seal.objects.count(),
        DeviceInspection.objects.count(),
    )
    with pytest.raises(RuleViolation) as exc:
        call()
    after = (
        LedgerEntry.objects.count(),
        Device.objects.count(),
        Seal.objects.count(),
        DeviceInspection.objects.count(),
    )
    assert before == after
    assert {v.code for v in exc.value.violations} == set(codes)


def test_registering_a_drafting_computer_stores_normalised_identifiers_and_one_ledger_entry(org):
    before = LedgerEntry.objects.count()
    device = register(org)
    assert set(device.identifiers.values_list("value", flat=True)) == {"aa:bb:cc:dd:ee:01", "SN-1"}
    assert LedgerEntry.objects.count() == before + 1
    assert LedgerEntry.objects.latest("seq").event == "assets.device_registered"


def test_a_duplicate_asset_tag_mac_or_serial_is_refused_and_nothing_changes(org):
    register(org)
    refused(
        {"asset_tag_duplicate", "mac_duplicate", "serial_duplicate"},
        lambda: register(org, macs=["aa-bb-cc-dd-ee-01"], serials=["sn-1"]),
    )


def test_a_networked_drafting_computer_is_refused(org):
    refused({"drafting_networked"}, lambda: register(org, network_status="networked"))


def test_a_seal_number_can_never_be_reused_even_on_another_device(org):
    first = register(org)
    second = register(org, asset_tag="TS-02", macs=["aa:bb:cc:dd:ee:02"], serials=[])
    actor = org["users"]["security"]
    services.seal_device(actor=actor, device=first, number="T-1", sealed_on=TODAY, sealed_by="PA03")
    services.seal_device(actor=actor, device=first, number="T-2", sealed_on=TODAY, sealed_by="PA03")
    assert list(first.seals.values_list("number", "status")) == [
        ("T-2", "active"),
        ("T-1", "replaced"),
    ] or set(first.seals.values_list("number", "status")) == {("T-2", "active"), ("T-1", "replaced")}
    refused(
        {"seal_reused"},
        lambda: services.seal_device(
            actor=actor, device=second, number="t-1", sealed_on=TODAY, sealed_by="PA03"
        ),
    )


def test_a_failing_hostcheck_report_is_stored_with_its_verdicts_and_raises_alerts(org):
    device = register(org)
    before = LedgerEntry.objects.count()
    inspection = services.upload_hostcheck(
        actor=org["users"]["security"], device=device, raw=as_bytes(make_report(macs=[MAC]))
    )
    assert inspection.result == "FAIL" and inspection.from_hostcheck
    assert inspection.checked_on == dt.date(2026, 5, 4)
    assert inspection.verdicts[0]["code"] == "internet_history"
    assert LedgerEntry.objects.count() == before + 1
    codes = {a.code for a in queries.alerts(org["agency"], TODAY)}
    assert codes == {"assets.hostcheck_failed", "assets.drafting_unsealed"}


def test_a_report_from_another_machine_is_refused_with_the_reason(org):
    device = register(org)
    refused(
        {"report_mac_unknown"},
        lambda: services.upload_hostcheck(
            actor=org["users"]["security"],
            device=device,
            raw=as_bytes(make_report(macs=["00:11:22:33:44:55"])),
        ),
    )


def test_a_report_not_matching_the_schema_is_refused(org):
    device = register(org)
    report = make_report(macs=[MAC])
    report["verdicts"][0]["status"] = "MAYBE"
    refused(
        {"report_schema"},
        lambda: services.upload_hostcheck(
            actor=org["users"]["security"], device=device, raw=as_bytes(report)
        ),
    )


def test_repurposing_needs_a_recorded_wipe_and_consumes_it(org):
    device = register(org)
    actor = org["users"]["security"]
    refused(
        {"wipe_missing"},
        lambda: services.retire_device(actor=actor, device=device, new_status="repurposed", on=TODAY),
    )
    services.record_wipe(
        actor=actor, device=device, wiped_on=TODAY, method="Ghi đè 3 lần", performed_by="Cán bộ A"
    )
    before = LedgerEntry.objects.count()
    services.retire_device(actor=actor, device=device, new_status="repurposed", on=TODAY)
    device.refresh_from_db()
    assert device.status == "repurposed" and device.wipes.get().consumed
    assert LedgerEntry.objects.count() == before + 1


def test_an_overdue_usb_raises_an_alert_until_returned(org):
    actor = org["users"]["security"]
    usb = services.register_storage(actor=actor, agency=org["agency"], serial="usb-9")
    services.allocate_storage(
        actor=actor, storage=usb, holder=org["users"]["staff"], on=TODAY, due_on=TODAY + dt.timedelta(days=7)
    )
    refused(
        {"storage_out"},
        lambda: services.allocate_storage(actor=actor, storage=usb, holder=org["users"]["head"], on=TODAY),
    )
    later = TODAY + dt.timedelta(days=8)
    assert [a.code for a in queries.alerts(org["agency"], later)] == ["assets.usb_not_returned"]
    services.return_storage(actor=actor, storage=usb, on=later)
    assert queries.alerts(org["agency"], later) == []
    assert StorageAllocation.objects.get().returned_on == later


def test_a_duplicate_usb_serial_is_refused(org):
    actor = org["users"]["security"]
    services.register_storage(actor=actor, agency=org["agency"], serial="usb-9")
    with pytest.raises(RuleViolation) as exc:
        services.register_storage(actor=actor, agency=org["agency"], serial=" USB-9 ")
    assert exc.value.violations[0].code == "serial_duplicate"


def test_an_old_check_is_overdue_after_the_setting(org, settings):
    settings.BMNN_HOSTCHECK_MAX_AGE_MONTHS = 6
    device = register(org)
    actor = org["users"]["security"]
    services.seal_device(actor=actor, device=device, number="T-9", sealed_on=TODAY, sealed_by="PA03")
    services.record_inspection(actor=actor, device=device, checked_on=TODAY, result="PASS", inspector="PA03")
    assert queries.alerts(org["agency"], TODAY + dt.timedelta(days=150)) == []
    codes = [a.code for a in queries.alerts(org["agency"], TODAY + dt.timedelta(days=190))]
    assert codes == ["assets.hostcheck_overdue"]


def test_a_report_produced_by_the_hostcheck_library_is_accepted_and_matched(org, tmp_path):
    from datetime import UTC, datetime

    from bmnn.hostcheck.api import run_check
    from bmnn.hostcheck.policy import Policy
    from bmnn.hostcheck.report import dumps
    from bmnn.hostcheck.tests.fixtures import linux_trees

    root = tmp_path / "root"
    root.mkdir()
    linux_trees.internet(root)
    report = run_check(policy=Policy(), root=root, now=datetime(2026, 5, 4, tzinfo=UTC)).report
    device = register(org, macs=["3C-52-82-AA-BB-CC"], serials=[])
    inspection = services.upload_hostcheck(
        actor=org["users"]["security"], device=device, raw=dumps(report).encode("utf-8")
    )
    assert inspection.result == "FAIL"
    assert "internet_history" in [v["code"] for v in inspection.verdicts if v["status"] == "FAIL"]


def test_a_report_dated_in_the_future_is_refused(org):
    device = register(org)
    refused(
        {"report_in_future"},
        lambda: services.upload_hostcheck(
            actor=org["users"]["security"],
            device=device,
            raw=as_bytes(make_report(macs=[MAC], check_time="2099-01-01T00:00:00Z")),
        ),
    )


def test_updating_a_drafting_computer_to_networked_is_refused_and_new_macs_stay_unique(org):
    device = register(org)
    other = register(org, asset_tag="TS-02", macs=["aa:bb:cc:dd:ee:02"], serials=[])
    actor = org["users"]["security"]
    refused(
        {"drafting_networked", "mac_duplicate"},
        lambda: services.update_device(
            actor=actor, device=device, network_status="networked", add_macs=["aa:bb:cc:dd:ee:02"]
        ),
    )
    services.update_device(
        actor=actor,
        device=other,
        network_status="standalone",
        holder=org["users"]["staff"],
        add_macs=["AA:BB:CC:DD:EE:03"],
    )
    assert set(other.identifiers.values_list("value", flat=True)) == {
        "aa:bb:cc:dd:ee:02",
        "aa:bb:cc:dd:ee:03",
    }


def test_a_mac_saved_by_someone_else_in_the_same_moment_is_refused_with_the_rule_not_a_crash(
    org, monkeypatch
):
    register(org)
    # The other clerk's row is not yet visible to the duplicate check: only the database sees it.
    monkeypatch.setattr(services.devices, "_taken", lambda kind: frozenset())
    refused({"identifier_taken"}, lambda: register(org, asset_tag="TS-09", serials=["SN-9"]))


def test_a_seal_number_taken_in_the_same_moment_is_refused_and_the_old_seal_stays_active(org, monkeypatch):
    device = register(org)
    actor = org["users"]["security"]
    services.seal_device(actor=actor, device=device, number="T-1", sealed_on=TODAY, sealed_by="PA03")
    monkeypatch.setattr(services.devices.rules, "check_seal", lambda **kw: [])
    refused(
        {"seal_used"},
        lambda: services.seal_device(
            actor=actor, device=device, number="T-1", sealed_on=TODAY, sealed_by="X"
        ),
    )
    assert list(device.seals.values_list("number", "status")) == [("T-1", "active")]
