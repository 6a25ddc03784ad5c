"""Sổ chuyển giao: custody passes only when the receiver signs (Mẫu 16 TT 24/2020/TT-BCA)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.accounts import access
from bmnn.accounts.models import User
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation
from bmnn.lib.vntext import nfc
from bmnn.registers import rules
from bmnn.registers.indexing import index_entry
from bmnn.registers.models import HandoverEntry, HandoverStatus, ReceiptMethod
from bmnn.registers.services.common import last_date
from bmnn.registers.services.entries import allocate, registration_violations
from bmnn.registry.models import ItemStatus, SecretItem


def _is_keeper(actor: Any) -> bool:
    return actor.role in rules.REGISTER_KEEPER_ROLES


@transaction.atomic
def hand_over(
    *,
    actor: Any,
    item: SecretItem,
    to_user: User,
    on: dt.date,
    quantity: int = 1,
    note: str = "",
    seq: Any = None,
) -> HandoverEntry:
    """Giao tài liệu: the row shows the item "in transit" until the receiver confirms."""
    item = SecretItem.objects.select_for_update().get(pk=item.pk)
    holder = item.custodian_id == actor.pk
    # The holder writes the row even when not a register keeper: the handover itself is the act.
    base = [
        v
        for v in registration_violations(actor=actor, kind="handover", on=on)
        if not (holder and v.code == "register_not_keeper")
    ]
    violations = base + rules.check_common_entry(
        client_seq_sent=seq is not None,
        level=item.level,
        on=on,
        last_date=last_date(HandoverEntry, actor.agency_id, on.year, "handed_on"),
        date_label="Ngày giao",
    )
    violations += rules.check_handover(
        rules.HandoverFacts(
            actor_may_hand_over=(holder or _is_keeper(actor))
            and access.may_access_level(actor, item.level)
            and item.agency_id == actor.agency_id,
            item_active=item.status == ItemStatus.CLASSIFIED,
            item_in_transit=HandoverEntry.objects.filter(
                item=item, status=HandoverStatus.IN_TRANSIT, cancelled_at__isnull=True
            ).exists(),
            same_person=to_user.pk == item.custodian_id,
            receiver_active_same_agency=to_user.is_active and to_user.agency_id == actor.agency_id,
            receiver_clearance=access.effective_clearance(to_user),
            level=item.level,
            on=on,
            item_date=item.date,
            quantity=quantity,
        )
    )
    if violations:
        raise RuleViolation(violations)
    slot = allocate(actor=actor, kind="handover", on=on)
    giver = item.custodian
    entry = HandoverEntry.objects.create(
        agency=actor.agency,
        book=slot.book,
        year=slot.year,
        seq=slot.seq,
        level=item.level,
        registered_by=actor,
        registered_at=clock.now(),
        note=nfc(note).strip(),
        item=item,
        handed_on=on,
        from_user=giver,
        from_unit=giver.unit if giver else None,
        to_user=to_user,
        to_unit=to_user.unit,
        quantity=quantity,
    )
    index_entry(entry, new=True)
    record(
        event="registers.handover_registered",
        actor=actor,
        subject=entry,
        payload={
            "level": entry.level,
            "year": entry.year,
            "seq": entry.seq,
            "item": item.pk,
            "from": giver.username if giver else "",
            "to": to_user.username,
        },
    )
    return entry


@transaction.atomic
def confirm_handover(
    *, actor: Any, entry: HandoverEntry, on: dt.date, paper_signer: str = ""
) -> HandoverEntry:
    """Ký nhận: by the receiver's own login, or a keeper records the receiver's paper signature.
    Custody (``SecretItem.custodian``) changes here and nowhere else."""
    entry = HandoverEntry.objects.select_for_update().select_related("item").get(pk=entry.pk)
    is_receiver = actor.pk == entry.to_user_id
    violations = rules.check_handover_confirmation(
        rules.HandoverConfirmation(
            already_confirmed=entry.status == HandoverStatus.CONFIRMED,
            is_receiver=is_receiver,
            is_keeper=_is_keeper(actor)
            and actor.agency_id == entry.agency_id
            and access.may_access_level(actor, entry.level),
            paper_signer=paper_signer,
            handed_on=entry.handed_on,
            on=on,
            cancelled=entry.is_cancelled,
        )
    )
    if violations:
        raise RuleViolation(violations)
    entry.status, entry.confirmed_on, entry.confirmed_at, entry.confirmed_by = (
        HandoverStatus.CONFIRMED,
        on,
        clock.now(),
        actor,
    )
    entry.confirmation_method = ReceiptMethod.IN_APP if is_receiver else ReceiptMethod.PAPER
    entry.paper_signer = "" if is_receiver else nfc(paper_signer).strip()
    entry.save(
        update_fields=[
            "status",
            "confirmed_on",
            "confirmed_at",
            "confirmed_by",
            "confirmation_method",
            "paper_signer",
        ]
    )
    SecretItem.objects.filter(pk=entry.item_id).update(custodian_id=entry.to_user_id)
    index_entry(entry)
    record(
        event="registers.handover_confirmed",
        actor=actor,
        subject=entry,
        payload={
            "level": entry.level,
            "year": entry.year,
            "seq": entry.seq,
            "item": entry.item_id,
            "to": entry.to_user.username,
            "method": entry.confirmation_method,
            "paper_signer": entry.paper_signer,
            "on": on,
        },
    )
    return entry
