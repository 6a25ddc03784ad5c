"""Creating plans: from a reviewed import, or by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.vntext import nfc
from bmnn.org.models import Agency, Unit
from bmnn.plans import legalcheck
from bmnn.plans.flatten import FlatTask, deadline_of, flatten_tasks, lead_text
from bmnn.plans.models import DeadlineKind, LegalReference, Plan, PlanSection, PlanStatus, Task


@dataclass(frozen=True)
class PlanHeader:
    title: str
    number: str = ""
    issued_on: dt.date | None = None
    issuer: str = ""
    governing_body: str = ""
    place: str = ""
    year: int | None = None
    signer: str = ""
    signer_title: str = ""


@dataclass(frozen=True)
class TaskEdit:
    """What the reviewer chose for one task of the parse (by its index in ``flatten_tasks``)."""

    lead_unit: Unit | None = None
    deadline_date: dt.date | None = None


def header_from_parsed(parsed: Mapping[str, Any]) -> PlanHeader:
    issued = parsed.get("issued_on")
    return PlanHeader(
        title=parsed.get("title") or "",
        number=parsed.get("number") or "",
        issued_on=dt.date.fromisoformat(issued) if issued else None,
        issuer=parsed.get("issuer") or "",
        governing_body=parsed.get("governing_body") or "",
        place=parsed.get("place") or "",
        year=parsed.get("plan_year") or (dt.date.fromisoformat(issued).year if issued else None),
        signer=parsed.get("signer") or "",
        signer_title=parsed.get("signer_title") or "",
    )


def _check_units(agency: Agency, units: list[Unit | None]) -> None:
    if any(u is not None and u.agency_id != agency.pk for u in units):
        raise ValidationError({"lead_unit": "Đơn vị chủ trì không thuộc cơ quan của kế hoạch."})


def _new_plan(*, actor: Any, agency: Agency, header: PlanHeader, parent: Plan | None, **extra: Any) -> Plan:
    if parent is not None and parent.agency_id != agency.pk and parent.agency_id != agency.parent_id:
        raise ValidationError({"parent": "Kế hoạch cấp trên phải của cơ quan này hoặc cơ quan cấp trên."})
    plan = Plan(
        agency=agency,
        parent=parent,
        created_by=actor if getattr(actor, "pk", None) else None,
        **{k: nfc(v).strip() if isinstance(v, str) else v for k, v in vars(header).items()},
        **extra,
    )
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def save_imported_plan(
    *,
    actor: Any,
    agency: Agency,
    parsed: dict[str, Any],
    header: PlanHeader,
    task_edits: Mapping[int, TaskEdit],
    source_name: str = "",
    parent: Plan | None = None,
) -> Plan:
    """Store a parse the user reviewed. Nothing read is dropped: unparsed text and raw JSON are kept."""
    flat = flatten_tasks(parsed)
    _check_units(agency, [edit.lead_unit for edit in task_edits.values()])
    plan = _new_plan(
        actor=actor,
        agency=agency,
        header=header,
        parent=parent,
        source_name=source_name[:300],
        raw_parse=parsed,
        recipients=list(parsed.get("recipients") or []),
        unparsed=list(parsed.get("unparsed") or []),
    )
    sections = _save_sections(plan, parsed)
    _save_tasks(plan, sections, flat, task_edits)
    flagged = _save_refs(plan, parsed.get("legal_refs") or [])
    record(
        event="plans.plan_imported",
        actor=actor,
        subject=plan,
        payload={
            "number": plan.number,
            "title": plan.title,
            "source": plan.source_name,
            "tasks": len(flat),
            "legal_refs": len(parsed.get("legal_refs") or []),
            "flagged_refs": flagged,
            "units_assigned": sum(1 for e in task_edits.values() if e.lead_unit is not None),
        },
    )
    return plan


def _save_sections(plan: Plan, parsed: dict[str, Any]) -> list[PlanSection]:
    return [
        PlanSection.objects.create(
            plan=plan,
            order=i,
            numeral=(s.get("numeral") or "")[:10],
            title=nfc(s.get("title") or "")[:500],
            intro="\n".join(s.get("intro") or ()),
        )
        for i, s in enumerate(parsed.get("sections") or ())
    ]


def _save_tasks(
    plan: Plan, sections: list[PlanSection], flat: list[FlatTask], edits: Mapping[int, TaskEdit]
) -> None:
    saved: dict[int, Task] = {}
    for item in flat:
        edit = edits.get(item.index, TaskEdit())
        deadline = deadline_of(item.data)
        kind = deadline.get("kind") or ""
        parsed_date = dt.date.fromisoformat(deadline["date"]) if deadline.get("date") else None
        task = Task(
            plan=plan,
            section=sections[item.section_index],
            parent=saved.get(item.parent_index) if item.parent_index is not None else None,
            order=item.index,
            number=item.number[:50],
            text=nfc(item.data.get("text") or ""),
            lead_unit=edit.lead_unit,
            lead_unit_text=lead_text(item.data)[:500],
            supporting_units_text="; ".join(item.data.get("supporting_units") or ())[:1000],
            deadline_kind=kind if kind in DeadlineKind.values else DeadlineKind.UNKNOWN,
            deadline_date=edit.deadline_date if edit.deadline_date is not None else parsed_date,
            deadline_text=(deadline.get("text") or "")[:500],
        )
        task.save()
        saved[item.index] = task


def _save_refs(plan: Plan, refs: list[dict[str, Any]]) -> int:
    """Flags are recomputed on the reviewed date: the parse may have had none or a wrong one."""
    flagged = 0
    for i, ref in enumerate(refs):
        flags = legalcheck.flags_on(ref, plan.issued_on)
        flagged += bool(flags)
        LegalReference.objects.create(
            plan=plan,
            order=i,
            kind=(ref.get("kind") or "")[:30],
            kind_vi=(ref.get("kind_vi") or "")[:50],
            number=(ref.get("number") or "")[:100],
            date=dt.date.fromisoformat(ref["date"]) if ref.get("date") else None,
            article=(ref.get("article") or "")[:200],
            title=(ref.get("title") or "")[:500],
            text=ref.get("text") or "",
            flags=flags,
            library=legalcheck.library_labels(ref, plan.issued_on),
        )
    return flagged


@transaction.atomic
def create_plan(*, actor: Any, agency: Agency, header: PlanHeader, parent: Plan | None = None) -> Plan:
    """A plan written by hand (no source file); tasks are added with ``add_task``."""
    if not header.title.strip():
        raise ValidationError({"title": "Cần nhập tiêu đề kế hoạch."})
    plan = _new_plan(actor=actor, agency=agency, header=header, parent=parent)
    record(
        event="plans.plan_created",
        actor=actor,
        subject=plan,
        payload={"number": plan.number, "title": plan.title, "year": plan.year},
    )
    return plan


@transaction.atomic
def add_task(
    *,
    actor: Any,
    plan: Plan,
    text: str,
    parent: Task | None = None,
    lead_unit: Unit | None = None,
    deadline_date: dt.date | None = None,
    deadline_text: str = "",
) -> Task:
    if not text.strip():
        raise ValidationError({"text": "Cần nhập nội dung nhiệm vụ."})
    _check_units(plan.agency, [lead_unit])
    if parent is not None and parent.plan_id != plan.pk:
        raise ValidationError({"parent": "Việc cha không thuộc kế hoạch này."})
    siblings = Task.objects.filter(plan=plan, parent=parent).count()
    number = f"{parent.number}.{siblings + 1}" if parent else str(siblings + 1)
    task = Task(
        plan=plan,
        parent=parent,
        section=parent.section if parent else None,
        order=Task.objects.filter(plan=plan).count(),
        number=number,
        text=nfc(text).strip(),
        lead_unit=lead_unit,
        lead_unit_text=lead_unit.name if lead_unit else "",
        deadline_kind=DeadlineKind.ON_DATE if deadline_date else DeadlineKind.NONE,
        deadline_date=deadline_date,
        deadline_text=nfc(deadline_text).strip(),
    )
    task.full_clean()
    task.save()
    record(event="plans.task_added", actor=actor, subject=task, payload={"plan": plan.pk, "number": number})
    return task


@transaction.atomic
def set_plan_status(*, actor: Any, plan: Plan, status: str) -> Plan:
    if status not in PlanStatus.values:
        raise ValidationError({"status": f"Trạng thái “{status}” không hợp lệ."})
    before = plan.status
    plan.status = status
    plan.save(update_fields=["status"])
    record(
        event="plans.plan_status_changed",
        actor=actor,
        subject=plan,
        payload={"before": before, "after": status},
    )
    return plan
