"""Merger handover: reconcile the whole holding of one agency (or unit), both sides sign, items move."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from bmnn.audit.ledger import record
from bmnn.lib import clock, levels
from bmnn.lib.vntext import nfc
from bmnn.movements import rules
from bmnn.movements.models import (
    CopyPermission,
    DestructionLine,
    ItemCopy,
    MergerHandover,
    MergerStage,
    Recall,
    TakeOutPermit,
)
from bmnn.movements.services.common import refuse_if
from bmnn.registry.models import SecretItem


def holding(from_agency: Any, from_unit: Any | None) -> QuerySet[SecretItem]:
    qs = SecretItem.objects.filter(agency=from_agency)
    return qs.filter(drafting_unit=from_unit) if from_unit is not None else qs


def reconciliation(items: QuerySet[SecretItem]) -> dict[str, Any]:
    """Every item with its copies and open acts; anything not in a plain "held" state is a difference.
    Only numbers, levels and statuses: never a trích yếu."""
    lines, differences = [], []
    for item in items.order_by("pk"):
        copies = ItemCopy.objects.filter(item=item)
        open_acts = _open_acts(item)
        line = {
            "item": item.pk,
            "label": str(item),
            "level": item.level,
            "status": item.status,
            "copies": copies.count(),
            "copies_destroyed": copies.filter(destroyed_on__isnull=False).count(),
            "open_acts": open_acts,
        }
        lines.append(line)
        if open_acts or item.status in ("lost", "proposed", "draft"):
            differences.append(
                {
                    "item": item.pk,
                    "label": str(item),
                    "level": item.level,
                    "reason": "; ".join(open_acts) or item.get_status_display(),
                }
            )
    return {"lines": lines, "differences": differences, "item_ids": [ln["item"] for ln in lines]}


def _open_acts(item: SecretItem) -> list[str]:
    acts = []
    if TakeOutPermit.objects.filter(item=item, status__in=("requested", "approved")).exists():
        acts.append("đang mang ra khỏi nơi lưu giữ")
    if Recall.objects.filter(item=item, returned_on__isnull=True).exists():
        acts.append("đang thu hồi")
    if CopyPermission.objects.filter(item=item, status__in=("requested", "approved")).exists():
        acts.append("đề nghị sao, chụp chưa xong")
    if DestructionLine.objects.filter(
        item=item, case__stage__in=("proposed", "council", "reviewed", "decided")
    ).exists():
        acts.append("đang trong hồ sơ tiêu hủy")
    return acts


@transaction.atomic
def reconcile_merger(
    *,
    actor: Any,
    to_agency: Any,
    from_unit: Any | None,
    to_unit: Any | None,
    basis: str,
    on: dt.date,
    note: str = "",
) -> MergerHandover:
    """The giving side lists its whole holding: the reconciliation report (biên bản đối chiếu)."""
    from_agency = actor.agency
    already = MergerHandover.objects.filter(
        from_agency=from_agency, from_unit=from_unit, stage=MergerStage.RECONCILED
    ).exists()
    facts = rules.MergerFacts(
        from_agency.pk == to_agency.pk,
        getattr(from_unit, "pk", None),
        getattr(to_unit, "pk", None),
        basis,
        actor.role,
        True,
        on,
        clock.today(),
        already,
    )
    refuse_if(rules.check_merger(facts))
    items = holding(from_agency, from_unit)
    report = reconciliation(items)
    handover = MergerHandover.objects.create(
        from_agency=from_agency,
        to_agency=to_agency,
        from_unit=from_unit,
        to_unit=to_unit,
        level=max((ln["level"] for ln in report["lines"]), key=levels.rank, default="none"),
        basis=nfc(basis).strip(),
        reconciled_on=on,
        reconciliation=report,
        differences=nfc(note).strip(),
        stage=MergerStage.RECONCILED,
        opened_by=actor,
    )
    record(
        event="movements.merger_reconciled",
        actor=actor,
        subject=handover,
        payload={
            "level": handover.level,
            "items": len(report["lines"]),
            "differences": len(report["differences"]),
        },
    )
    return handover


@transaction.atomic
def confirm_merger(*, actor: Any, handover: MergerHandover, on: dt.date) -> MergerHandover:
    """One side signs; when both have signed the holding moves to the receiving side."""
    h = MergerHandover.objects.select_for_update().get(pk=handover.pk)
    side = (
        "giver"
        if actor.agency_id == h.from_agency_id
        else "receiver"
        if actor.agency_id == h.to_agency_id
        else ""
    )
    if h.from_agency_id == h.to_agency_id:
        side = "giver" if h.giver_confirmed_by_id is None else "receiver"
    current = sorted(holding(h.from_agency, h.from_unit).values_list("pk", flat=True))
    mine = h.giver_confirmed_by_id if side == "giver" else h.receiver_confirmed_by_id
    other = h.receiver_confirmed_by_id if side == "giver" else h.giver_confirmed_by_id
    facts = rules.MergerConfirmation(
        side=side,
        actor_role=actor.role,
        already_confirmed=mine is not None,
        completed=h.stage == MergerStage.COMPLETED,
        stale=current != sorted(h.reconciliation.get("item_ids", [])),
        on=on,
        signed_other_side=other == actor.pk,
    )
    violations = rules.check_merger_confirmation(facts)
    refuse_if(violations)
    now = clock.now()
    if side == "giver":
        h.giver_confirmed_by, h.giver_confirmed_at = actor, now
    else:
        h.receiver_confirmed_by, h.receiver_confirmed_at = actor, now
    if h.giver_confirmed_by_id and h.receiver_confirmed_by_id:
        h.stage = MergerStage.COMPLETED
        SecretItem.objects.filter(pk__in=current).update(agency=h.to_agency, drafting_unit=h.to_unit)
    h.save()
    record(
        event="movements.merger_completed" if h.stage == MergerStage.COMPLETED else "movements.merger_signed",
        actor=actor,
        subject=h,
        payload={"level": h.level, "side": side, "items": len(current)},
    )
    return h
