"""Recall (thu hồi) per holder with a deadline, and a departing custodian's handover and commitment.
Khoản 4 Điều 4 NĐ 26/2020/NĐ-CP; khoản 4 Điều 25, điểm d khoản 2 Điều 26 Luật 29/2018/QH14
(same articles of Luật 117/2025/QH15 from 01/03/2026)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import Violation
from bmnn.lib.vntext import nfc
from bmnn.movements import rules
from bmnn.movements.models import CustodianDeparture, ItemCopy, Recall
from bmnn.movements.rules.outside import recall_basis
from bmnn.movements.services.common import (
    KEEPER_ROLES,
    RECALL_ROLES,
    ROLE_BASIS,
    actor_in,
    person_repr,
    refuse_if,
)
from bmnn.registry.models import ItemStatus, SecretItem


def _open_recall(item: SecretItem, item_copy: ItemCopy | None, holder_name: str) -> bool:
    qs = Recall.objects.filter(item=item, returned_on__isnull=True, holder_name=holder_name)
    return (
        qs.filter(item_copy=item_copy).exists() if item_copy else qs.filter(item_copy__isnull=True).exists()
    )


def _create_recall(
    *,
    actor: Any,
    item: SecretItem,
    item_copy: ItemCopy | None,
    holder: Any,
    holder_name: str,
    reason: str,
    on: dt.date,
    deadline: dt.date,
    departure: CustodianDeparture | None = None,
) -> Recall:
    holder_name = nfc(holder_name or (person_repr(holder) if holder else "")).strip()
    status = item.status
    if item_copy is not None:
        status = (
            "destroyed" if item_copy.is_destroyed else ("classified" if status == "destroyed" else status)
        )
    facts = rules.RecallFacts(
        status, holder_name, reason, on, deadline, clock.today(), _open_recall(item, item_copy, holder_name)
    )
    refuse_if(rules.check_recall(facts))
    return Recall.objects.create(
        item=item,
        item_copy=item_copy,
        holder=holder,
        holder_name=holder_name,
        reason=nfc(reason).strip(),
        departure=departure,
        issued_by=actor,
        issued_on=on,
        deadline=deadline,
    )


@transaction.atomic
def issue_recall(
    *,
    actor: Any,
    item: SecretItem,
    item_copy: ItemCopy | None,
    holder: Any,
    holder_name: str,
    reason: str,
    on: dt.date,
    deadline: dt.date,
) -> Recall:
    """ "Tài liệu thu hồi": this holder returns this item or copy by the deadline."""
    refuse_if(actor_in(actor, RECALL_ROLES, "ra lệnh thu hồi"))
    item = SecretItem.objects.select_for_update().get(pk=item.pk)
    recall = _create_recall(
        actor=actor,
        item=item,
        item_copy=item_copy,
        holder=holder,
        holder_name=holder_name,
        reason=reason,
        on=on,
        deadline=deadline,
    )
    record(
        event="movements.recall_issued",
        actor=actor,
        subject=recall,
        payload={
            "level": item.level,
            "item": item.pk,
            "copy": item_copy.copy_number if item_copy else None,
            "deadline": deadline.isoformat(),
        },
    )
    return recall


@transaction.atomic
def confirm_recall_return(*, actor: Any, recall: Recall, returned_on: dt.date) -> Recall:
    recall = Recall.objects.select_for_update().select_related("item").get(pk=recall.pk)
    facts = rules.ReturnFacts(recall.is_open, returned_on, recall.issued_on, "", clock.today(), False)
    violations = rules.check_return(facts, recall_basis(returned_on))
    violations += actor_in(actor, KEEPER_ROLES | {"head", "deputy"}, "xác nhận nhận lại tài liệu thu hồi")
    refuse_if(violations)
    recall.returned_on, recall.confirmed_by = returned_on, actor
    recall.save(update_fields=["returned_on", "confirmed_by"])
    if recall.holder_id and recall.item.custodian_id == recall.holder_id and recall.item_copy_id is None:
        # Returned to the store: the keeper who received it now holds it.
        SecretItem.objects.filter(pk=recall.item_id).update(custodian=actor)
    if recall.item_copy_id and recall.item_copy and recall.item_copy.holder_id == recall.holder_id:
        ItemCopy.objects.filter(pk=recall.item_copy_id).update(holder=actor)
    record(
        event="movements.recall_returned",
        actor=actor,
        subject=recall,
        payload={"level": recall.item.level, "item": recall.item_id, "on": returned_on.isoformat()},
    )
    return recall


def holdings_of(user: Any) -> tuple[list[SecretItem], list[ItemCopy]]:
    """What a custodian holds: items in their custody and copies given to them, not destroyed."""
    live = [ItemStatus.CLASSIFIED, ItemStatus.PROPOSED, ItemStatus.DRAFT, ItemStatus.DECLASSIFIED]
    items = list(SecretItem.objects.filter(agency_id=user.agency_id, custodian=user, status__in=live))
    copies = list(ItemCopy.objects.filter(holder=user, destroyed_on__isnull=True).select_related("item"))
    return items, copies


@transaction.atomic
def open_departure(
    *, actor: Any, custodian: Any, reason: str, on: dt.date, deadline: dt.date
) -> CustodianDeparture:
    """Recall everything a leaving custodian holds: one recall per item and per copy, one act."""
    already = CustodianDeparture.objects.filter(custodian=custodian, closed_on__isnull=True).exists()
    facts = rules.DepartureFacts(
        custodian.agency_id == actor.agency_id, reason, on, deadline, clock.today(), already
    )
    refuse_if(actor_in(actor, RECALL_ROLES, "ra lệnh thu hồi") + rules.check_departure(facts))
    departure = CustodianDeparture.objects.create(
        agency_id=actor.agency_id,
        custodian=custodian,
        reason=nfc(reason).strip(),
        opened_by=actor,
        opened_on=on,
        deadline=deadline,
    )
    items, copies = holdings_of(custodian)
    why = f"Thu hồi do thôi quản lý BMNN: {departure.reason}"
    pairs: list[tuple[SecretItem, ItemCopy | None]] = [(i, None) for i in items] + [
        (c.item, c) for c in copies
    ]
    for item, item_copy in pairs:
        _create_recall(
            actor=actor,
            item=item,
            item_copy=item_copy,
            holder=custodian,
            holder_name="",
            reason=why,
            on=on,
            deadline=deadline,
            departure=departure,
        )
    record(
        event="movements.departure_opened",
        actor=actor,
        subject=departure,
        payload={
            "level": max((i.level for i, _ in pairs), default="none", key=_rank),
            "custodian": custodian.username,
            "items": len(items),
            "copies": len(copies),
        },
    )
    return departure


def _rank(level: str) -> int:
    from bmnn.lib.levels import rank

    return rank(level)


@transaction.atomic
def record_departure_commitment(
    *, actor: Any, departure: CustodianDeparture, commitment_ref: str, signed_on: dt.date
) -> CustodianDeparture:
    """The signed cam kết; the departure closes when every recall is returned and the commitment is on file."""
    departure = CustodianDeparture.objects.select_for_update().get(pk=departure.pk)
    basis = recall_basis(signed_on)
    violations = actor_in(actor, RECALL_ROLES, "ghi nhận cam kết")
    if not commitment_ref.strip():
        violations.append(
            Violation("commitment_ref_missing", "Trường “Bản cam kết (số, ngày)”: bắt buộc.", basis)
        )
    if departure.recalls.filter(returned_on__isnull=True).exists():
        violations.append(
            Violation(
                "departure_recalls_open",
                "Còn tài liệu chưa bàn giao: nhận lại đủ rồi mới ghi cam kết.",
                basis,
            )
        )
    if departure.closed_on is not None:
        violations.append(Violation("departure_closed", "Đợt thu hồi này đã hoàn tất.", ROLE_BASIS))
    refuse_if(violations)
    departure.commitment_ref, departure.commitment_signed_on = nfc(commitment_ref).strip(), signed_on
    departure.closed_on = signed_on
    departure.save(update_fields=["commitment_ref", "commitment_signed_on", "closed_on"])
    record(
        event="movements.departure_closed",
        actor=actor,
        subject=departure,
        payload={
            "level": "none",
            "custodian": departure.custodian.username,
            "commitment_ref": departure.commitment_ref,
        },
    )
    return departure
