"""Inspection acts: new state and exactly one ledger entry each; refusals change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from bmnn.audit.models import LedgerEntry
from bmnn.incidents import services as incidents
from bmnn.inspections import facts, services
from bmnn.inspections.models import ChecklistAnswer, Finding
from bmnn.inspections.rules.findings import PlanInput
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation

pytestmark = pytest.mark.django_db


def plan(actor, **kw):
    data = PlanInput(
        title=kw.get("title", "Tự kiểm tra công tác bảo vệ BMNN năm 2026"),
        mode=kw.get("mode", "self"),
        inspecting_body="",
        starts_on=kw.get("starts_on", clock.today()),
        ends_on=None,
        scope="Sổ sách, máy tính, cán bộ",
        team="Cán bộ bảo mật; kiểm tra viên",
    )
    return services.plan_inspection(actor=actor, data=data)


def answer(inspection, code):
    return ChecklistAnswer.objects.get(inspection=inspection, code=code)


def test_opening_generates_the_checklist_and_evaluates_automatic_items(org, item_factory):
    item_factory(level="secret", ends=clock.today() - dt.timedelta(days=1))  # past its protection period
    inspection = plan(org["users"]["security"])
    before = LedgerEntry.objects.count()
    services.open_inspection(actor=org["users"]["inspector"], inspection=inspection)
    inspection.refresh_from_db()
    assert inspection.status == "in_progress" and inspection.checklist_version.startswith("2025")
    expired = answer(inspection, "A3")
    assert expired.status == "fail" and expired.details[0].startswith("Mục #")
    assert expired.evidence[0]["url"] == "/items/due/"
    assert answer(inspection, "A8").status == "pass"  # no incident yet
    assert answer(inspection, "M1").status == "unanswered"
    assert LedgerEntry.objects.count() == before + 1


def test_an_incident_reported_late_fails_the_incident_check(org, item_factory):
    incidents.report_incident(
        actor=org["users"]["security"],
        kind="leak",
        description="Lộ nội dung qua điện thoại",
        how_found="Phản ánh",
        discovered_at=clock.now() - dt.timedelta(days=3),
        item_ids=[item_factory().pk],
    )
    inspection = plan(org["users"]["security"])
    services.open_inspection(actor=org["users"]["security"], inspection=inspection)
    a8 = answer(inspection, "A8")
    assert a8.status == "fail" and "chưa báo cáo Công an" in a8.details[0]


def test_an_app_that_cannot_answer_gives_unknown_never_pass(org, monkeypatch):
    def missing(*args, **kwargs):
        raise LookupError("App 'assets' doesn't have a 'Device' model.")

    monkeypatch.setattr(facts, "computer_facts", missing)
    monkeypatch.setattr(facts, "register_facts", lambda agency: apps.get_model("registers", "NoSuchModel"))
    inspection = plan(org["users"]["head"])
    services.open_inspection(actor=org["users"]["head"], inspection=inspection)
    for code in ("A1", "A4"):
        row = answer(inspection, code)
        assert row.status == "unknown" and row.summary.startswith("Không đánh giá được")


def test_a_finding_goes_through_fix_recheck_and_closure_then_the_inspection_closes(org):
    users = org["users"]
    inspection = plan(users["inspector"])
    services.open_inspection(actor=users["inspector"], inspection=inspection)
    open_codes = ChecklistAnswer.objects.filter(inspection=inspection, status__in=["unanswered", "unknown"])
    services.answer_checklist(
        actor=users["inspector"], inspection=inspection, answers={a.code: ("pass", "") for a in open_codes}
    )
    finding = services.record_finding(
        actor=users["inspector"],
        inspection=inspection,
        description="Máy MT-01 chưa dán tem",
        severity="high",
        responsible_unit=org["unit_a"],
        due_on=clock.today() + dt.timedelta(days=10),
    )
    with pytest.raises(RuleViolation):
        services.close_inspection(actor=users["inspector"], inspection=inspection, conclusion="Đạt")
    steps = [
        lambda: services.mark_finding_fixed(
            actor=users["security"], finding=finding, remediation="Đã dán tem số 0457"
        ),
        lambda: services.recheck_finding(
            actor=users["inspector"], finding=finding, passed=True, note="Đã xem tem 0457"
        ),
        lambda: services.close_finding(actor=users["inspector"], finding=finding),
        lambda: services.close_inspection(
            actor=users["inspector"], inspection=inspection, conclusion="Cơ bản đạt"
        ),
    ]
    for step in steps:
        before = LedgerEntry.objects.count()
        step()
        assert LedgerEntry.objects.count() == before + 1
    finding.refresh_from_db()
    inspection.refresh_from_db()
    assert finding.status == "closed" and inspection.status == "closed"


def test_a_failed_recheck_reopens_the_finding(org):
    users = org["users"]
    inspection = plan(users["inspector"])
    services.open_inspection(actor=users["inspector"], inspection=inspection)
    finding = services.record_finding(
        actor=users["inspector"],
        inspection=inspection,
        description="Sổ đi thiếu chữ ký nhận",
        severity="medium",
        responsible_unit=org["unit_a"],
        due_on=clock.today(),
    )
    services.mark_finding_fixed(actor=users["security"], finding=finding, remediation="Đã bổ sung")
    with pytest.raises(RuleViolation):  # the fixer does not re-check their own fix
        services.recheck_finding(actor=users["security"], finding=finding, passed=True, note="x")
    services.recheck_finding(actor=users["inspector"], finding=finding, passed=False, note="Còn 2 dòng thiếu")
    finding.refresh_from_db()
    assert finding.status == "open" and finding.recheck_note == "Còn 2 dòng thiếu"


def test_a_refused_finding_changes_nothing(org):
    users = org["users"]
    inspection = plan(users["inspector"])
    services.open_inspection(actor=users["inspector"], inspection=inspection)
    before = (LedgerEntry.objects.count(), Finding.objects.count())
    with pytest.raises(RuleViolation) as exc:
        services.record_finding(
            actor=users["inspector"],
            inspection=inspection,
            description="",
            severity="x",
            responsible_unit=None,
            due_on=None,
        )
    assert {v.code for v in exc.value.violations} == {
        "description_required",
        "severity_invalid",
        "unit_required",
        "due_required",
    }
    assert (LedgerEntry.objects.count(), Finding.objects.count()) == before


def test_overriding_an_automatic_result_needs_a_reason(org, item_factory):
    item_factory(ends=clock.today() - dt.timedelta(days=3))
    users = org["users"]
    inspection = plan(users["inspector"])
    services.open_inspection(actor=users["inspector"], inspection=inspection)
    with pytest.raises(RuleViolation):
        services.answer_checklist(
            actor=users["inspector"], inspection=inspection, answers={"A3": ("pass", "")}
        )
    services.answer_checklist(
        actor=users["inspector"],
        inspection=inspection,
        answers={"A3": ("pass", "Đã có quyết định giải mật giấy")},
    )
    assert answer(inspection, "A3").status == "pass"


def test_staff_and_clerks_cannot_plan_inspections(org):
    for name in ("drafter", "clerk", "admin"):
        with pytest.raises(RuleViolation):
            plan(org["users"][name])
