"""“Kế hoạch năm sau”: a new draft plan with last year's structure and re-checked legal bases."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.plans import legalcheck
from bmnn.plans.importing.refs import KINDS
from bmnn.plans.models import LegalReference, Plan, PlanSection, PlanStatus, Task


def _shift_year(text: str, old: int) -> str:
    """Year numbers written in titles and deadlines ("năm 2024", "quý II/2024") move to the next year."""
    return re.sub(rf"(?<!\d){old}(?!\d)", str(old + 1), text)


def _shift_date(day: dt.date | None) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29/02 → 28/02
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def copy_plan_for_next_year(*, actor: Any, plan: Plan) -> Plan:
    old_year = plan.year or (plan.issued_on.year if plan.issued_on else None)
    if old_year is None:
        raise ValidationError({"year": "Kế hoạch gốc chưa có năm; cần ghi năm trước khi sao sang năm sau."})
    new = Plan.objects.create(
        agency=plan.agency,
        parent=None,
        copied_from=plan,
        title=_shift_year(plan.title, old_year),
        year=old_year + 1,
        issuer=plan.issuer,
        governing_body=plan.governing_body,
        place=plan.place,
        signer_title=plan.signer_title,
        status=PlanStatus.DRAFT,
        recipients=plan.recipients,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _copy_tasks(plan, new, old_year)
    flagged = _copy_refs(plan, new, dt.date(old_year + 1, 12, 31))
    record(
        event="plans.plan_copied",
        actor=actor,
        subject=new,
        payload={"from_plan": plan.pk, "year": new.year, "tasks": new.tasks.count(), "flagged_refs": flagged},
    )
    return new


def _copy_tasks(old: Plan, new: Plan, old_year: int) -> None:
    sections = {
        s.pk: PlanSection.objects.create(
            plan=new, order=s.order, numeral=s.numeral, title=s.title, intro=s.intro
        )
        for s in old.sections.all()
    }
    copies: dict[int, Task] = {}
    for task in old.tasks.order_by("order", "pk"):
        copies[task.pk] = Task.objects.create(
            plan=new,
            section=sections.get(task.section_id) if task.section_id else None,
            parent=copies.get(task.parent_id) if task.parent_id else None,
            order=task.order,
            number=task.number,
            text=_shift_year(task.text, old_year),
            lead_unit=task.lead_unit,
            lead_unit_text=task.lead_unit_text,
            supporting_units_text=task.supporting_units_text,
            deadline_kind=task.deadline_kind,
            deadline_date=_shift_date(task.deadline_date),
            deadline_text=_shift_year(task.deadline_text, old_year),
        )


def _copy_refs(old: Plan, new: Plan, on_date: dt.date) -> int:
    """Each basis is re-checked on the last day of the new plan's year.

    The plan runs all year: a text replaced during it (NĐ 26/2020/NĐ-CP on 01/03/2026) should not be
    its basis, so the check date is 31/12 rather than 01/01. Flags carry the successor's number.
    """
    flagged = 0
    proposals: dict[str, tuple[str, Any]] = {}
    refs = list(old.legal_refs.all())
    for ref in refs:
        data = {"kind": ref.kind, "number": ref.number, "date": ref.date, "title": ref.title}
        flags = legalcheck.flags_on(data, on_date)
        flagged += bool(flags)
        LegalReference.objects.create(
            plan=new,
            order=ref.order,
            kind=ref.kind,
            kind_vi=ref.kind_vi,
            number=ref.number,
            date=ref.date,
            article=ref.article,
            title=ref.title,
            text=ref.text,
            flags=flags,
            library=legalcheck.library_labels(data, on_date),
        )
        for cited, successor in legalcheck.successors_on(data, on_date):
            proposals.setdefault(successor.number, (cited, successor))
    cited_numbers = {ref.number for ref in refs}
    order = max((ref.order for ref in refs), default=0)
    for number, (cited, successor) in proposals.items():
        if number in cited_numbers:
            continue
        order += 1
        _propose(new, order, cited, successor, on_date)
    return flagged


def _propose(plan: Plan, order: int, cited: str, successor: Any, on_date: dt.date) -> None:
    """A proposed basis, shown with its own flag so the drafter confirms it before issuing."""
    LegalReference.objects.create(
        plan=plan,
        order=order,
        kind=successor.kind,
        kind_vi=next((vi for vi, code in KINDS.items() if code == successor.kind), ""),
        number=successor.number,
        date=successor.issued_on,
        title=successor.title[:500],
        text=f"Đề xuất căn cứ mới thay cho {cited}",
        flags=[
            {
                "code": "proposed_replacement",
                "message": f"Đề xuất thay cho {cited} (văn bản đó đã được thay thế); "
                "kiểm tra trước khi ban hành.",
                "basis": successor.label(),
            }
        ],
        library=[successor.label()],
    )
