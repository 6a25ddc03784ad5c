"""Handling an incident: head notified, report to Công an, steps, conclusions, closure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.incidents import rules
from bmnn.incidents.models import HandlingStep, Incident, IncidentStatus, IncidentTask, TaskKind
from bmnn.incidents.queries import HANDLER_ROLES
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation


def _locked(incident: Incident) -> Incident:
    return Incident.objects.select_for_update().get(pk=incident.pk)


def _require_handler(actor: Any, *, roles: frozenset[str] = HANDLER_ROLES) -> None:
    if getattr(actor, "role", "") not in roles:
        raise RuleViolation(
            [
                Violation(
                    "not_handler", "Chỉ người đứng đầu hoặc cán bộ bảo mật xử lý sự cố.", rules.BASIS_HEAD
                )
            ]
        )


def _require_open(incident: Incident) -> None:
    if incident.status == IncidentStatus.CLOSED:
        raise RuleViolation([Violation("closed", "Sự cố đã kết thúc: không ghi thêm.", rules.BASIS_HEAD)])


def _finish_task(incident: Incident, kind: str, actor: Any, note: str, at: dt.datetime) -> None:
    IncidentTask.objects.filter(incident=incident, kind=kind, done_at__isnull=True).update(
        done_at=at, done_by=actor, note=note[:300]
    )


def _ledger(event: str, actor: Any, incident: Incident, **payload: Any) -> None:
    record(
        event=event,
        actor=actor,
        subject=incident,
        subject_repr=str(incident),
        payload={"level": incident.level, **payload},
    )


@transaction.atomic
def acknowledge_head_notice(*, actor: Any, incident: Incident) -> Incident:
    """The head confirms being told of the incident (khoản 3 Điều 25 Luật 29/2018/QH14)."""
    incident = _locked(incident)
    _require_handler(actor, roles=frozenset({"head"}))
    task = IncidentTask.objects.filter(incident=incident, kind=TaskKind.NOTIFY_HEAD).first()
    if task is None or task.done_at is not None:
        raise RuleViolation(
            [Violation("already_notified", "Người đứng đầu đã xác nhận được báo cáo.", rules.BASIS_HEAD)]
        )
    now = clock.now()
    _finish_task(incident, TaskKind.NOTIFY_HEAD, actor, "Người đứng đầu xác nhận đã nhận báo cáo", now)
    _ledger("incidents.head_notified", actor, incident)
    return incident


@transaction.atomic
def record_police_report(
    *, actor: Any, incident: Incident, reference: str, reported_at: dt.datetime | None, recipient: str = ""
) -> Incident:
    """The ad-hoc report to Công an was sent (điểm b khoản 1 Điều 8 NĐ 26/2020/NĐ-CP)."""
    incident = _locked(incident)
    _require_handler(actor)
    _require_open(incident)
    now = clock.now()
    found = rules.check_police_report(
        already=incident.police_reported_at is not None,
        reference=reference,
        reported_at=reported_at,
        discovered_at=incident.discovered_at,
        now=now,
    )
    if found:
        raise RuleViolation(found)
    assert reported_at is not None
    incident.police_reported_at = reported_at
    incident.police_report_ref = reference.strip()
    incident.police_recipient = recipient.strip() or incident.police_recipient
    incident.save(update_fields=["police_reported_at", "police_report_ref", "police_recipient"])
    _finish_task(
        incident, TaskKind.POLICE_REPORT, actor, f"Văn bản {incident.police_report_ref}", reported_at
    )
    in_time = rules.reported_in_time(incident.police_report_due, reported_at, now)
    _ledger(
        "incidents.police_reported", actor, incident, reference=incident.police_report_ref, in_time=in_time
    )
    return incident


@transaction.atomic
def add_handling_step(
    *, actor: Any, incident: Incident, on: dt.date | None, description: str, notified_classifier: bool = False
) -> HandlingStep:
    """A step taken; ``notified_classifier`` when the step is the notice to the classifying body
    (điểm c khoản 2 Điều 26 Luật 29/2018/QH14), which completes that task."""
    incident = _locked(incident)
    _require_handler(actor)
    _require_open(incident)
    found = []
    if on is None or on > clock.today():
        found.append(Violation("on_invalid", "Ngày: bắt buộc và không được ở tương lai.", rules.BASIS_INPUT))
    if not description.strip():
        found.append(Violation("description_required", "Việc đã làm: bắt buộc.", rules.BASIS_INPUT))
    if found:
        raise RuleViolation(found)
    assert on is not None
    step = HandlingStep.objects.create(
        incident=incident, on=on, description=description.strip(), recorded_by=actor, recorded_at=clock.now()
    )
    if notified_classifier:
        _finish_task(incident, TaskKind.NOTIFY_CLASSIFIER, actor, description, clock.now())
    _ledger("incidents.step_recorded", actor, incident, step=step.pk)
    return step


@transaction.atomic
def record_conclusions(
    *, actor: Any, incident: Incident, causes: str, remediation: str, discipline: str
) -> Incident:
    incident = _locked(incident)
    _require_handler(actor)
    _require_open(incident)
    incident.causes, incident.remediation, incident.discipline = (
        causes.strip(),
        remediation.strip(),
        discipline.strip(),
    )
    incident.save(update_fields=["causes", "remediation", "discipline"])
    _ledger("incidents.conclusions_recorded", actor, incident)
    return incident


@transaction.atomic
def close_incident(*, actor: Any, incident: Incident) -> Incident:
    incident = _locked(incident)
    _require_handler(actor)
    head_task = IncidentTask.objects.filter(incident=incident, kind=TaskKind.NOTIFY_HEAD).first()
    found = rules.check_close(
        rules.CloseInput(
            status=incident.status,
            head_notified=head_task is None or head_task.done_at is not None,
            police_reported=incident.police_reported_at is not None,
            causes=incident.causes,
            remediation=incident.remediation,
            discipline=incident.discipline,
        )
    )
    if found:
        raise RuleViolation(found)
    incident.status = IncidentStatus.CLOSED
    incident.closed_on = clock.today()
    incident.closed_by = actor
    incident.save(update_fields=["status", "closed_on", "closed_by"])
    _ledger("incidents.incident_closed", actor, incident)
    return incident
