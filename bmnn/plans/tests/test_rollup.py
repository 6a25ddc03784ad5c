"""Roll-up by signed package: export below, register the key once above, import with every check."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.lib.testing import make_agency, make_user
from bmnn.plans import services
from bmnn.plans.models import ReceivedPackage, Subordinate
from bmnn.plans.rollup import keys
from bmnn.plans.rollup.queries import consolidation

pytestmark = pytest.mark.django_db
START, END = dt.date(2025, 12, 15), dt.date(2026, 12, 14)
PARTS = {"part_a": "Ổn định", "part_b": "Đã tập huấn", "part_c": "Không có vụ lộ, mất", "part_d": "Đề xuất"}


def _final_report(agency, user, *, start=START, end=END, stats=None):
    report = services.create_report(
        actor=user,
        agency=agency,
        title="Báo cáo năm",
        period_start=start,
        period_end=end,
        deadline=dt.date(2026, 12, 20),
        recipient="Công an tỉnh",
    )
    if stats is not None:
        report.statistics = stats
        report.save()
    report.parts_ready = True
    report.part_a, report.part_b, report.part_c, report.part_d = PARTS.values()
    report.status = "final"
    report.save()
    return report


STATS = {
    "events": {"registry.item_classified": 3},
    "acts": {"registry.item_classified": {"confidential": 2, "secret": 1}},
    "tasks": {"total": 10, "done": 7, "overdue": 1},
}


@pytest.fixture
def world():
    upper = make_agency("Công an tỉnh Thử")
    lower = make_agency("Sở Y tế tỉnh Thử")
    boss = make_user(upper, "pa03", role="security_officer", clearance="secret")
    clerk = make_user(lower, "syt", role="security_officer", clearance="secret")
    return upper, lower, boss, clerk


def _package(lower, clerk, **kwargs):
    return services.export_package(actor=clerk, report=_final_report(lower, clerk, stats=STATS, **kwargs))


def _register(upper, lower, boss):
    line = keys.public_key_info(lower.pk, lower.name).line()
    return services.register_subordinate(actor=boss, agency=upper, public_key_text=line)


def test_the_private_key_is_created_on_first_use_owner_only(world):
    upper = world[0]
    keys.key_path(upper.pk).unlink(missing_ok=True)
    info = keys.public_key_info(upper.pk, upper.name)
    mode = stat.S_IMODE(keys.key_path(upper.pk).stat().st_mode)
    assert mode == 0o600
    assert keys.public_key_info(upper.pk, upper.name).fingerprint == info.fingerprint
    assert len(info.display.split("-")) == 8


def test_registering_a_key_is_ledgered_once_and_refused_twice(world):
    upper, lower, boss, _ = world
    before = LedgerEntry.objects.count()
    subordinate = _register(upper, lower, boss)
    assert subordinate.name == "Sở Y tế tỉnh Thử"
    assert LedgerEntry.objects.count() == before + 1
    assert LedgerEntry.objects.last().event == "plans.subordinate_registered"
    with pytest.raises(RuleViolation) as info:
        _register(upper, lower, boss)
    assert [v.code for v in info.value.violations] == ["key_registered"]


def test_a_malformed_public_key_is_refused_with_its_shape(world):
    upper, _, boss, _ = world
    with pytest.raises(RuleViolation) as info:
        services.register_subordinate(actor=boss, agency=upper, public_key_text="ssh-rsa AAAA")
    assert "bmnn-ed25519" in info.value.violations[0].message_vi


def test_a_good_package_is_imported_and_consolidated(world):
    upper, lower, boss, clerk = world
    data = _package(lower, clerk)
    _register(upper, lower, boss)
    mine = _final_report(upper, boss, stats={"acts": {"registry.item_classified": {"secret": 4}}})
    before = LedgerEntry.objects.count()
    received = services.import_package(actor=boss, report=mine, data=data)
    assert received.sender_name == "Sở Y tế tỉnh Thử"
    assert LedgerEntry.objects.count() == before + 1
    view = consolidation(mine, dt.date(2026, 12, 16))
    assert [row.state for row in view.rows] == ["on_time"] or view.rows[0].state == "late"
    assert view.totals["acts"]["registry.item_classified"] == {"confidential": 2, "secret": 5}
    assert view.totals["tasks"]["done"] == 7
    assert view.level_totals == (2, 5, 0)
    assert view.by_agency_level == [("Tỉnh", 1, 3)]
    assert "<svg" in view.level_chart and "style=" not in view.level_chart


def _refused(boss, report, data) -> list[str]:
    before = (LedgerEntry.objects.count(), ReceivedPackage.objects.count())
    with pytest.raises(RuleViolation) as info:
        services.import_package(actor=boss, report=report, data=data)
    assert (LedgerEntry.objects.count(), ReceivedPackage.objects.count()) == before
    return [v.code for v in info.value.violations]


def test_a_package_signed_by_an_unknown_key_is_refused_and_nothing_saved(world):
    upper, lower, boss, clerk = world
    data = _package(lower, clerk)
    assert _refused(boss, _final_report(upper, boss), data) == ["unknown_key"]


def test_a_package_altered_after_signing_is_refused(world):
    upper, lower, boss, clerk = world
    document = json.loads(_package(lower, clerk))
    document["payload"]["statistics"]["tasks"]["done"] = 10
    _register(upper, lower, boss)
    assert _refused(boss, _final_report(upper, boss), json.dumps(document).encode()) == ["bad_signature"]


def test_a_package_of_another_period_is_refused(world):
    upper, lower, boss, clerk = world
    data = _package(lower, clerk, start=dt.date(2024, 12, 15), end=dt.date(2025, 12, 14))
    _register(upper, lower, boss)
    assert _refused(boss, _final_report(upper, boss), data) == ["wrong_period"]


def test_a_package_imported_twice_is_refused_the_second_time(world):
    upper, lower, boss, clerk = world
    data = _package(lower, clerk)
    _register(upper, lower, boss)
    mine = _final_report(upper, boss)
    services.import_package(actor=boss, report=mine, data=data)
    assert _refused(boss, mine, data) == ["duplicate"]
    second = services.export_package(actor=clerk, report=_final_report(lower, clerk, stats={"events": {}}))
    assert _refused(boss, mine, second) == ["already_reported"]


def test_a_file_that_is_not_a_package_is_refused(world):
    upper, _, boss, _ = world
    assert _refused(boss, _final_report(upper, boss), b"%PDF-1.4 garbage") == ["not_a_package"]


def test_a_deactivated_key_is_unknown(world):
    upper, lower, boss, clerk = world
    data = _package(lower, clerk)
    Subordinate.objects.filter(pk=_register(upper, lower, boss).pk).update(is_active=False)
    assert _refused(boss, _final_report(upper, boss), data) == ["unknown_key"]


def test_a_draft_report_is_not_exported(world):
    _, lower, _, clerk = world
    report = services.create_report(
        actor=clerk, agency=lower, title="BC", period_start=START, period_end=END, deadline=None, recipient=""
    )
    with pytest.raises(Exception, match="đã hoàn thành"):
        services.export_package(actor=clerk, report=report)


def test_a_consolidated_package_carries_totals_to_the_level_above(world):
    upper, lower, boss, clerk = world
    top = make_agency("Bộ Công an (thử)", level="central")
    minister = make_user(top, "a02", role="security_officer", clearance="secret")
    _register(upper, lower, boss)
    mine = _final_report(upper, boss, stats={"acts": {"registry.item_classified": {"secret": 4}}})
    services.import_package(actor=boss, report=mine, data=_package(lower, clerk))
    upward = services.export_package(actor=boss, report=mine)
    _register(top, upper, minister)
    theirs = _final_report(top, minister, stats={})
    services.import_package(actor=minister, report=theirs, data=upward)
    view = consolidation(theirs, dt.date(2026, 12, 1))
    assert view.totals["acts"]["registry.item_classified"] == {"confidential": 2, "secret": 5}
    assert view.totals["units"] == 3
    assert [row.name for row in view.rows] == ["Công an tỉnh Thử"]


def test_titles_and_summaries_never_leave_unless_allowed(world, settings):
    _, lower, _, clerk = world
    stats = {**STATS, "incidents": [{"number": "01", "summary": "trích yếu mật", "title": "X"}]}
    report = _final_report(lower, clerk, stats=stats)
    payload = json.loads(services.export_package(actor=clerk, report=report))["payload"]
    assert payload["statistics"]["incidents"] == [{"number": "01"}]
    assert payload["secret_text_included"] is False
    settings.BMNN_ROLLUP_INCLUDE_SECRET_TEXT = True
    payload = json.loads(services.export_package(actor=clerk, report=report))["payload"]
    assert payload["statistics"]["incidents"][0]["summary"] == "trích yếu mật"


def test_the_consolidated_report_document_carries_the_totals(world):
    from bmnn.plans.report_document import report_document

    upper, lower, boss, clerk = world
    _register(upper, lower, boss)
    mine = _final_report(upper, boss, stats={"acts": {"registry.item_classified": {"secret": 4}}})
    services.import_package(actor=boss, report=mine, data=_package(lower, clerk))
    document = report_document(mine)
    (row,) = list(document.table.rows)
    assert row.cells["secret"] == "5" and row.cells["total"] == "7"
    assert any("tổng hợp 2 cơ quan" in line for line in document.body)


def test_a_package_imported_by_someone_else_meanwhile_is_refused_cleanly(world):
    from bmnn.plans.services import rollup

    upper, lower, boss, clerk = world
    data = _package(lower, clerk)
    _register(upper, lower, boss)
    mine = _final_report(upper, boss)
    stale = rollup._Known.of(mine)  # read before the other import committed
    services.import_package(actor=boss, report=mine, data=data)
    with pytest.raises(RuleViolation) as info:
        rollup._import_guarded(boss, mine, data, stale)
    assert [v.code for v in info.value.violations] == ["duplicate"]
    assert ReceivedPackage.objects.count() == 1
