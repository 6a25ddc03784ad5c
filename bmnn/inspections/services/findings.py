"""Findings of an inspection through remediation, re-check and closure; closing the inspection."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from bmnn.audit.ledger import record
from bmnn.inspections.models import (
    AnswerStatus,
    ChecklistAnswer,
    Finding,
    FindingStatus,
    Inspection,
    InspectionStatus,
)
from bmnn.inspections.queries import may_conduct, may_fix
from bmnn.inspections.rules import findings as rules
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise RuleViolation([Violation("not_allowed", message, rules.BASIS_INSPECTION)])


def _refuse(found: list[Violation]) -> None:
    if found:
        raise RuleViolation(found)


def _ledger(event: str, actor: Any, finding: Finding, **payload: Any) -> None:
    record(
        event=event,
        actor=actor,
        subject=finding,
        subject_repr=f"Phát hiện #{finding.pk} — {finding.inspection}"[:200],
        payload={"inspection": finding.inspection_id, "severity": finding.severity, **payload},
    )


@transaction.atomic
def record_finding(
    *,
    actor: Any,
    inspection: Inspection,
    description: str,
    severity: str,
    responsible_unit: Any,
    due_on: dt.date | None,
    answer: ChecklistAnswer | None = None,
) -> Finding:
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra ghi phát hiện.")
    today = clock.today()
    found = rules.check_finding(
        rules.FindingInput(
            description=description,
            severity=severity,
            has_responsible_unit=responsible_unit is not None
            and responsible_unit.agency_id == inspection.agency_id,
            due_on=due_on,
            found_on=today,
            inspection_closed=inspection.status == InspectionStatus.CLOSED,
        )
    )
    if inspection.status == InspectionStatus.PLANNED:
        found.append(Violation("not_open", "Mở đợt kiểm tra trước khi ghi phát hiện.", rules.BASIS_CONTROL))
    if answer is not None and answer.inspection_id != inspection.pk:
        found.append(
            Violation(
                "answer_foreign", "Nội dung kiểm tra liên quan: không thuộc đợt này.", rules.BASIS_CONTROL
            )
        )
    _refuse(found)
    assert due_on is not None
    finding = Finding.objects.create(
        inspection=inspection,
        answer=answer,
        description=description.strip(),
        severity=severity,
        responsible_unit=responsible_unit,
        found_on=today,
        due_on=due_on,
        recorded_by=actor,
    )
    _ledger("inspections.finding_recorded", actor, finding, due_on=due_on)
    return finding


def _locked(finding: Finding) -> Finding:
    return Finding.objects.select_for_update().select_related("inspection").get(pk=finding.pk)


@transaction.atomic
def mark_finding_fixed(*, actor: Any, finding: Finding, remediation: str) -> Finding:
    finding = _locked(finding)
    _require(may_fix(actor), "Chỉ lãnh đạo hoặc cán bộ bảo mật báo cáo khắc phục.")
    _refuse(rules.check_mark_fixed(status=finding.status, remediation=remediation))
    finding.status, finding.remediation = FindingStatus.FIXED, remediation.strip()
    finding.fixed_on, finding.fixed_by = clock.today(), actor
    finding.save(update_fields=["status", "remediation", "fixed_on", "fixed_by"])
    _ledger("inspections.finding_fixed", actor, finding)
    return finding


@transaction.atomic
def recheck_finding(*, actor: Any, finding: Finding, passed: bool, note: str) -> Finding:
    """A failed re-check sends the finding back to open, keeping the note."""
    finding = _locked(finding)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra kiểm tra lại.")
    _refuse(
        rules.check_recheck(
            status=finding.status, note=note, rechecker_is_fixer=finding.fixed_by_id == actor.pk
        )
    )
    finding.status = FindingStatus.VERIFIED if passed else FindingStatus.OPEN
    finding.recheck_note, finding.rechecked_on, finding.rechecked_by = note.strip(), clock.today(), actor
    finding.save(update_fields=["status", "recheck_note", "rechecked_on", "rechecked_by"])
    _ledger("inspections.finding_rechecked", actor, finding, passed=passed)
    return finding


@transaction.atomic
def close_finding(*, actor: Any, finding: Finding) -> Finding:
    finding = _locked(finding)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra kết thúc phát hiện.")
    _refuse(rules.check_close_finding(status=finding.status))
    finding.status, finding.closed_on = FindingStatus.CLOSED, clock.today()
    finding.save(update_fields=["status", "closed_on"])
    _ledger("inspections.finding_closed", actor, finding)
    return finding


def _unanswered(inspection: Inspection) -> int:
    """Questions without a result: never answered, or automatic ones nobody could evaluate."""
    return inspection.answers.filter(
        Q(status=AnswerStatus.UNANSWERED) | Q(status=AnswerStatus.UNKNOWN)
    ).count()


@transaction.atomic
def close_inspection(*, actor: Any, inspection: Inspection, conclusion: str) -> Inspection:
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    _require(may_conduct(actor), "Chỉ thành viên đoàn kiểm tra kết thúc đợt kiểm tra.")
    _refuse(
        rules.check_close_inspection(
            rules.CloseInput(
                status=inspection.status,
                conclusion=conclusion,
                unanswered=_unanswered(inspection),
                open_findings=inspection.findings.exclude(status=FindingStatus.CLOSED).count(),
                started=inspection.status != InspectionStatus.PLANNED,
            )
        )
    )
    inspection.status, inspection.conclusion = InspectionStatus.CLOSED, conclusion.strip()
    inspection.closed_on, inspection.closed_by = clock.today(), actor
    inspection.save(update_fields=["status", "conclusion", "closed_on", "closed_by"])
    findings = inspection.findings.count()
    record(
        event="inspections.inspection_closed",
        actor=actor,
        subject=inspection,
        subject_repr=str(inspection)[:200],
        payload={"findings": findings},
    )
    return inspection
