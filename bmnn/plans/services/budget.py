"""Budget lines (kinh phí) of a plan: optional, added and removed by plan managers, ledgered."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.vntext import nfc
from bmnn.plans.models import BudgetLine, Plan, PlanStatus

MAX_AMOUNT = 10**15  # đồng; anything larger is a typing mistake, not a BMNN budget


@transaction.atomic
def add_budget_line(
    *, actor: Any, plan: Plan, item: str, amount: int, source: str = "", note: str = ""
) -> BudgetLine:
    errors: dict[str, str] = {}
    if not nfc(item).strip():
        errors["item"] = "Nội dung chi: cần ghi nội dung."
    if amount <= 0 or amount > MAX_AMOUNT:
        errors["amount"] = "Số tiền: phải là số đồng lớn hơn 0."
    if plan.status == PlanStatus.CLOSED:
        errors["item"] = "Kế hoạch đã kết thúc, không thêm kinh phí được nữa."
    if errors:
        raise ValidationError(errors)
    line = BudgetLine.objects.create(
        plan=plan,
        order=plan.budget_lines.count() + 1,
        item=nfc(item).strip()[:500],
        amount=amount,
        source=nfc(source).strip()[:300],
        note=nfc(note).strip()[:500],
        added_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        event="plans.budget_line_added",
        actor=actor,
        subject=plan,
        payload={"line": line.pk, "item": line.item, "amount": amount, "source": line.source},
    )
    return line


def budget_total(plan: Plan) -> int:
    return sum(plan.budget_lines.values_list("amount", flat=True))
