"""Acting on tasks: assign, reschedule, report progress, add evidence, mark done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.vntext import nfc
from bmnn.org.models import Unit
from bmnn.plans.models import Task, TaskEvidence, TaskStatus
from bmnn.plans.permissions import may_update_task

# "done" needs evidence (mark_task_done); "overdue" is computed from the deadline, never set.
_SETTABLE = (TaskStatus.TODO, TaskStatus.IN_PROGRESS)


def _check_actor(actor: Any, task: Task) -> None:
    """``actor=None`` is the system (CLI import, tests); people must be allowed."""
    if actor is not None and not may_update_task(actor, task):
        raise PermissionDenied("Bạn không được cập nhật nhiệm vụ này.")


def _snapshot(task: Task) -> dict[str, Any]:
    return {
        "lead_unit": task.lead_unit_id,
        "deadline": task.deadline_date,
        "assignee": task.assignee_id,
        "status": task.status,
        "progress": task.progress,
    }


@transaction.atomic
def update_task(
    *,
    actor: Any,
    task: Task,
    lead_unit: Unit | None,
    deadline_date: dt.date | None,
    assignee: Any,
    status: str,
    progress: int,
) -> Task:
    _check_actor(actor, task)
    errors: dict[str, str] = {}
    if status not in _SETTABLE:
        errors["status"] = "Chỉ chọn “Chưa thực hiện” hoặc “Đang thực hiện”; hoàn thành cần có minh chứng."
    if lead_unit is not None and lead_unit.agency_id != task.plan.agency_id:
        errors["lead_unit"] = "Đơn vị chủ trì không thuộc cơ quan của kế hoạch."
    if assignee is not None and assignee.agency_id != task.plan.agency_id:
        errors["assignee"] = "Người thực hiện không thuộc cơ quan của kế hoạch."
    if not 0 <= progress <= 100:
        errors["progress"] = "Tiến độ phải từ 0 đến 100%."
    if errors:
        raise ValidationError(errors)
    before = _snapshot(task)
    task.lead_unit, task.deadline_date, task.assignee = lead_unit, deadline_date, assignee
    task.status, task.progress = status, progress
    task.save()
    record(
        event="plans.task_updated",
        actor=actor,
        subject=task,
        payload={"plan": task.plan_id, "before": before, "after": _snapshot(task)},
    )
    return task


@transaction.atomic
def add_evidence(
    *, actor: Any, task: Task, note: str = "", link_text: str = "", file: UploadedFile | None = None
) -> TaskEvidence:
    _check_actor(actor, task)
    if not (note.strip() or link_text.strip() or file):
        raise ValidationError("Minh chứng cần có ghi chú, liên kết hoặc tệp đính kèm.")
    evidence = TaskEvidence(
        task=task,
        note=nfc(note).strip(),
        link_text=nfc(link_text).strip(),
        added_by=actor if getattr(actor, "pk", None) else None,
    )
    if file:
        evidence.file.save(file.name or "minh-chung", file, save=False)
    evidence.save()
    record(
        event="plans.evidence_added",
        actor=actor,
        subject=task,
        payload={
            "plan": task.plan_id,
            "evidence": evidence.pk,
            "file": evidence.file.name if file else "",
            "link": evidence.link_text,
        },
    )
    return evidence


@transaction.atomic
def mark_task_done(*, actor: Any, task: Task, note: str = "") -> Task:
    """Done is a claim reported upward: it needs evidence already attached or a note now."""
    _check_actor(actor, task)
    if task.status == TaskStatus.DONE:
        raise ValidationError("Nhiệm vụ đã được đánh dấu hoàn thành.")
    if not note.strip() and not task.evidence.exists():
        raise ValidationError("Cần có minh chứng hoặc ghi chú kết quả trước khi đánh dấu hoàn thành.")
    if note.strip():
        TaskEvidence.objects.create(
            task=task, note=nfc(note).strip(), added_by=actor if getattr(actor, "pk", None) else None
        )
    task.status, task.progress, task.done_on = TaskStatus.DONE, 100, clock.today()
    task.save(update_fields=["status", "progress", "done_on"])
    record(
        event="plans.task_done",
        actor=actor,
        subject=task,
        payload={"plan": task.plan_id, "done_on": task.done_on, "evidence": task.evidence.count()},
    )
    return task
