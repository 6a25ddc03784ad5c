"""Acts of an inspection: plan, open (generate the checklist), answer.

Each is one transaction with one ledger entry (events ``inspections.*``, counted by the period
report). Inspections carry no secrecy level of their own, so their ledger payloads have no ``level``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.inspections import checklist, facts
from bmnn.inspections.models import (
    AnswerStatus,
    ChecklistAnswer,
    Inspection,
    InspectionStatus,
)
from bmnn.inspections.queries import may_conduct
from bmnn.inspections.rules import automatic
from bmnn.inspections.rules import findings as rules
from bmnn.inspections.rules.checks import CheckContext
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise RuleViolation([Violation("not_allowed", message, rules.BASIS_INSPECTION)])


def _ledger(event: str, actor: Any, subject: Any, **payload: Any) -> None:
    record(event=event, actor=actor, subject=subject, subject_repr=str(subject)[:200], payload=payload)


@transaction.atomic
def plan_inspection(*, actor: Any, data: rules.PlanInput, inspected_unit: Any = None) -> Inspection:
    _require(may_conduct(actor), "Chỉ lãnh đạo, cán bộ bảo mật, kiểm tra viên lập kế hoạch kiểm tra.")
    found = rules.check_plan(data)
    if inspected_unit is not None and inspected_unit.agency_id != actor.agency_id:
        found.append(
            Violation("unit_foreign", "Đơn vị được kiểm tra: không thuộc cơ quan.", rules.BASIS_INSPECTION)
        )
    if found:
        raise RuleViolation(found)
    assert data.starts_on is not None
    inspection = Inspection.objects.create(
        agency_id=actor.agency_id,
        title=data.title.strip(),
        mode=data.mode,
        inspecting_body=data.inspecting_body.strip(),
        inspected_unit=inspected_unit,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        scope=data.scope.strip(),
        team=data.team.strip(),
        lead=actor,
    )
    _ledger("inspections.inspection_planned", actor, inspection, mode=data.mode, starts_on=data.starts_on)
    return inspection


def _evaluate_all(agency: Any) -> dict[str, Any]:
    ctx = CheckContext(today=clock.today(), now=clock.now(), facts=facts.gather(agency, clock.today()))
    return {code: automatic.evaluate(code, ctx) for code in automatic.EVALUATORS}


def _apply(answer: ChecklistAnswer, result: Any, at: dt.datetime) -> None:
    answer.auto_status = result.status
    answer.status = result.status
    answer.summary = result.summary
    answer.details = list(result.details)
    answer.evidence = [asdict(e) for e in result.evidence]
    answer.evaluated_at = at


@transaction.atomic
def open_inspection(*, actor: Any, inspection: Inspection) -> Inspection:
    """Generate the checklist from the version in force on the start date and evaluate the
    automatic items from bmnn's own data."""
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra mở đợt kiểm tra.")
    if inspection.status != InspectionStatus.PLANNED:
        raise RuleViolation([Violation("already_open", "Đợt kiểm tra đã được mở.", rules.BASIS_CONTROL)])
    version = checklist.for_date(inspection.starts_on)
    results, now = _evaluate_all(inspection.agency), clock.now()
    for q in version.questions:
        answer = ChecklistAnswer(
            inspection=inspection, code=q.code, group=q.group, question=q.question, basis=q.basis, auto=q.auto
        )
        if q.auto:
            _apply(
                answer,
                results.get(q.auto) or automatic.evaluate(q.auto, CheckContext(clock.today(), now)),
                now,
            )
        answer.save()
    inspection.status, inspection.checklist_version, inspection.opened_at = (
        InspectionStatus.IN_PROGRESS,
        version.version,
        now,
    )
    inspection.save(update_fields=["status", "checklist_version", "opened_at"])
    counts = Counter(a.status for a in inspection.answers.all())
    _ledger(
        "inspections.inspection_opened", actor, inspection, checklist=version.version, results=dict(counts)
    )
    return inspection


@transaction.atomic
def refresh_automatic_checks(*, actor: Any, inspection: Inspection) -> Inspection:
    """Evaluate the automatic items again (after fixes); answers the inspector overrode keep theirs."""
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra đánh giá lại.")
    if inspection.status != InspectionStatus.IN_PROGRESS:
        raise RuleViolation(
            [
                Violation(
                    "not_in_progress", "Chỉ đánh giá lại khi đợt kiểm tra đang diễn ra.", rules.BASIS_CONTROL
                )
            ]
        )
    results, now = _evaluate_all(inspection.agency), clock.now()
    for answer in inspection.answers.exclude(auto=""):
        overridden = answer.answered_by_id is not None and answer.status != answer.auto_status
        result = (
            results[answer.auto]
            if answer.auto in results
            else automatic.evaluate(answer.auto, CheckContext(clock.today(), now))
        )
        status = answer.status
        _apply(answer, result, now)
        if overridden:
            answer.status = status
        answer.save()
    counts = Counter(a.status for a in inspection.answers.all())
    _ledger("inspections.checklist_refreshed", actor, inspection, results=dict(counts))
    return inspection


DEFINITE = frozenset({AnswerStatus.PASS, AnswerStatus.FAIL})  # an automatic result that was evaluated
ANSWERABLE = frozenset(
    {AnswerStatus.PASS, AnswerStatus.FAIL, AnswerStatus.NOT_APPLICABLE, AnswerStatus.UNANSWERED}
)


@transaction.atomic
def answer_checklist(*, actor: Any, inspection: Inspection, answers: dict[str, tuple[str, str]]) -> int:
    """The inspector's answers ``{code: (status, note)}``. Overriding an automatic result needs a note."""
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra ghi kết quả.")
    rows = {a.code: a for a in inspection.answers.all()}
    found = []
    if inspection.status != InspectionStatus.IN_PROGRESS:
        found.append(
            Violation(
                "not_in_progress", "Chỉ ghi kết quả khi đợt kiểm tra đang diễn ra.", rules.BASIS_CONTROL
            )
        )
    for code, (status, note) in answers.items():
        row = rows.get(code)
        if row is None or status not in ANSWERABLE:
            found.append(
                Violation("answer_invalid", f"Nội dung {code}: kết quả không hợp lệ.", rules.BASIS_INSPECTION)
            )
        elif (
            row.auto
            and row.auto_status in DEFINITE
            and status not in (row.auto_status, AnswerStatus.UNANSWERED)
            and not note.strip()
        ):
            found.append(
                Violation(
                    "override_note",
                    f"Nội dung {code}: ghi rõ lý do khi khác kết quả tự động.",
                    rules.BASIS_CONTROL,
                )
            )
    if found:
        raise RuleViolation(found)
    changed = 0
    for code, (status, note) in answers.items():
        row = rows[code]
        if row.auto and status == AnswerStatus.UNANSWERED:
            status = row.auto_status  # the automatic result stands unless overridden
        if (row.status, row.note) != (status, note.strip()):
            row.status, row.note, row.answered_by = status, note.strip(), actor
            row.save(update_fields=["status", "note", "answered_by"])
            changed += 1
    _ledger("inspections.checklist_answered", actor, inspection, changed=changed)
    return changed
