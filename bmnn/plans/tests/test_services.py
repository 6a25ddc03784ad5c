"""Plan acts: new state and exactly one ledger entry; a refusal writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import make_agency, make_unit, make_user
from bmnn.plans import services
from bmnn.plans.flatten import flatten_tasks
from bmnn.plans.models import LegalReference, Plan, Task, TaskEvidence, TaskStatus

pytestmark = pytest.mark.django_db


def _events(name: str) -> int:
    return LedgerEntry.objects.filter(event=name).count()


def test_saving_a_reviewed_import_stores_sections_tasks_and_references_with_one_entry(
    agency, officer, office, parsed_2024
):
    flat = flatten_tasks(parsed_2024)
    before = LedgerEntry.objects.count()
    header = services.header_from_parsed(parsed_2024)
    plan = services.save_imported_plan(
        actor=officer,
        agency=agency,
        parsed=parsed_2024,
        header=header,
        task_edits={0: services.TaskEdit(lead_unit=office, deadline_date=dt.date(2024, 6, 30))},
        source_name="ke-hoach.txt",
    )
    assert LedgerEntry.objects.count() == before + 1
    assert _events("plans.plan_imported") == 1
    assert plan.sections.count() == len(parsed_2024["sections"]) == 3
    assert plan.tasks.count() == len(flat)
    first = plan.tasks.get(order=0)
    assert first.lead_unit == office and first.deadline_date == dt.date(2024, 6, 30)
    assert plan.legal_refs.count() == len(parsed_2024["legal_refs"])
    assert plan.raw_parse["title"] == parsed_2024["title"]
    assert plan.year == 2024


def test_sub_tasks_keep_their_parent_in_the_tree(imported):
    children = Task.objects.filter(plan=imported, parent__isnull=False)
    assert children.exists()
    assert all(c.parent.plan_id == imported.pk for c in children)


def test_a_unit_of_another_agency_is_refused_and_nothing_is_written(agency, officer, parsed_2024):
    foreign = make_unit(make_agency("Sở Khác"), code="X", name="Phòng X")
    before = LedgerEntry.objects.count()
    with pytest.raises(ValidationError):
        services.save_imported_plan(
            actor=officer,
            agency=agency,
            parsed=parsed_2024,
            header=services.header_from_parsed(parsed_2024),
            task_edits={0: services.TaskEdit(lead_unit=foreign)},
        )
    assert Plan.objects.count() == 0 and Task.objects.count() == 0
    assert LedgerEntry.objects.count() == before


def test_a_plan_without_title_is_refused(agency, officer):
    before = LedgerEntry.objects.count()
    with pytest.raises(ValidationError):
        services.create_plan(actor=officer, agency=agency, header=services.PlanHeader(title="  "))
    assert Plan.objects.count() == 0 and LedgerEntry.objects.count() == before


def test_a_2026_plan_citing_decree_26_2020_is_flagged_with_its_replacement(agency, officer, parsed_2024):
    header = services.header_from_parsed(parsed_2024)
    header = services.PlanHeader(**{**vars(header), "issued_on": dt.date(2026, 6, 1)})
    plan = services.save_imported_plan(
        actor=officer, agency=agency, parsed=parsed_2024, header=header, task_edits={}
    )
    decree = [r for r in plan.legal_refs.all() if r.number.startswith("26/2020")]
    assert decree and any(f["code"] == "legal.not_in_force" for f in decree[0].flags)


def test_a_2024_plan_citing_decree_26_2020_is_not_flagged(agency, officer, parsed_2024):
    header = services.header_from_parsed(parsed_2024)
    header = services.PlanHeader(**{**vars(header), "issued_on": dt.date(2024, 3, 1)})
    imported = services.save_imported_plan(
        actor=officer, agency=agency, parsed=parsed_2024, header=header, task_edits={}
    )
    refs = [r for r in LegalReference.objects.filter(plan=imported) if r.number.startswith("26/2020")]
    assert refs and not any(f["code"] == "legal.not_in_force" for r in refs for f in r.flags)


def test_updating_a_task_changes_unit_deadline_and_status_with_one_entry(imported, officer, office):
    task = imported.tasks.first()
    before = LedgerEntry.objects.count()
    services.update_task(
        actor=officer,
        task=task,
        lead_unit=office,
        deadline_date=dt.date(2024, 10, 15),
        assignee=officer,
        status=TaskStatus.IN_PROGRESS,
        progress=40,
    )
    task.refresh_from_db()
    assert (task.lead_unit, task.status, task.progress) == (office, "in_progress", 40)
    assert LedgerEntry.objects.count() == before + 1 and _events("plans.task_updated") == 1


def test_a_task_cannot_be_set_done_or_overdue_by_update(imported, officer):
    task = imported.tasks.first()
    before = LedgerEntry.objects.count()
    for status in ("done", "overdue"):
        with pytest.raises(ValidationError):
            services.update_task(
                actor=officer,
                task=task,
                lead_unit=None,
                deadline_date=None,
                assignee=None,
                status=status,
                progress=0,
            )
    task.refresh_from_db()
    assert task.status == "todo" and LedgerEntry.objects.count() == before


def test_staff_of_another_unit_may_not_update_the_task(agency, imported, office, other_unit):
    task = imported.tasks.first()
    task.lead_unit = office
    task.save()
    stranger = make_user(agency, "nguoikhac", unit=other_unit)
    with pytest.raises(PermissionDenied):
        services.add_evidence(actor=stranger, task=task, note="đã làm")
    assert TaskEvidence.objects.count() == 0


def test_staff_of_the_lead_unit_may_add_evidence(agency, imported, office):
    task = imported.tasks.first()
    task.lead_unit = office
    task.save()
    member = make_user(agency, "chuyenvien", unit=office)
    before = LedgerEntry.objects.count()
    evidence = services.add_evidence(
        actor=member, task=task, note="Đã tổ chức hội nghị", link_text="CV 12/VP"
    )
    assert evidence.task == task and LedgerEntry.objects.count() == before + 1
    assert _events("plans.evidence_added") == 1


def test_empty_evidence_is_refused(imported, officer):
    with pytest.raises(ValidationError):
        services.add_evidence(actor=officer, task=imported.tasks.first(), note=" ")
    assert TaskEvidence.objects.count() == 0


def test_marking_done_without_evidence_or_note_is_refused(imported, officer):
    task = imported.tasks.first()
    before = LedgerEntry.objects.count()
    with pytest.raises(ValidationError):
        services.mark_task_done(actor=officer, task=task)
    task.refresh_from_db()
    assert task.status == "todo" and LedgerEntry.objects.count() == before


def test_marking_done_with_a_note_keeps_the_note_as_evidence(imported, officer):
    task = imported.tasks.first()
    before = LedgerEntry.objects.count()
    services.mark_task_done(actor=officer, task=task, note="Đã ban hành quyết định")
    task.refresh_from_db()
    assert task.status == "done" and task.progress == 100 and task.done_on is not None
    assert task.evidence.get().note == "Đã ban hành quyết định"
    assert LedgerEntry.objects.count() == before + 1 and _events("plans.task_done") == 1


def test_an_unfinished_task_past_its_deadline_is_overdue():
    task = Task(status="in_progress", deadline_date=dt.date(2024, 6, 30))
    assert task.status_on(dt.date(2024, 7, 1)) == "overdue"
    assert task.status_on(dt.date(2024, 6, 30)) == "in_progress"
    task.status = "done"
    assert task.status_on(dt.date(2025, 1, 1)) == "done"


def test_next_years_plan_copies_the_structure_and_shifts_the_year(imported, officer, office):
    task = imported.tasks.first()
    task.lead_unit, task.deadline_date = office, dt.date(2024, 10, 15)
    task.save()
    before = LedgerEntry.objects.count()
    new = services.copy_plan_for_next_year(actor=officer, plan=imported)
    assert new.year == 2025 and "2025" in new.title and new.status == "draft"
    assert new.tasks.count() == imported.tasks.count()
    assert new.sections.count() == imported.sections.count()
    copied = new.tasks.get(order=task.order)
    assert copied.lead_unit == office and copied.deadline_date == dt.date(2025, 10, 15)
    assert copied.status == "todo"
    assert new.legal_refs.count() == imported.legal_refs.count()
    assert LedgerEntry.objects.count() == before + 1 and _events("plans.plan_copied") == 1
    decree = [r for r in new.legal_refs.all() if r.number.startswith("26/2020")]
    assert decree and not decree[0].flags  # still in force throughout 2025


def test_next_years_plan_for_2026_flags_the_replaced_decree(agency, officer, parsed_2024):
    header = services.PlanHeader(**{**vars(services.header_from_parsed(parsed_2024)), "year": 2025})
    plan = services.save_imported_plan(
        actor=officer, agency=agency, parsed=parsed_2024, header=header, task_edits={}
    )
    new = services.copy_plan_for_next_year(actor=officer, plan=plan)
    decree = [r for r in new.legal_refs.all() if r.number.startswith("26/2020")]
    assert decree and any("thay thế" in f["message"] for f in decree[0].flags)
    (proposed,) = [
        r for r in new.legal_refs.all() if r.flags and r.flags[0]["code"] == "proposed_replacement"
    ]
    assert "26/2020/NĐ-CP" in proposed.text and proposed.number != decree[0].number
    assert proposed.kind_vi == "nghị định"


def test_a_plan_by_hand_gets_numbered_tasks(agency, officer, office):
    plan = services.create_plan(
        actor=officer, agency=agency, header=services.PlanHeader(title="KH 2026", year=2026)
    )
    first = services.add_task(actor=officer, plan=plan, text="Tuyên truyền", lead_unit=office)
    sub = services.add_task(actor=officer, plan=plan, text="Hội nghị", parent=first)
    assert (first.number, sub.number) == ("1", "1.1")
    assert _events("plans.plan_created") == 1 and _events("plans.task_added") == 2
