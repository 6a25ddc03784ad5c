"""Sổ đi: register an outgoing document before sending; each recipient signs for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from bmnn.accounts import access
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation
from bmnn.lib.vntext import nfc
from bmnn.registers import layouts, rules
from bmnn.registers.indexing import index_entry
from bmnn.registers.models import OutgoingEntry, OutgoingReceipt, ReceiptMethod
from bmnn.registers.services.common import last_date, lawful_summary, regime_on, summary_violations, unknown
from bmnn.registers.services.entries import allocate, registration_violations
from bmnn.registry.models import ItemStatus, SecretItem
from bmnn.registry.queries import visible_items


@dataclass
class OutgoingInput:
    item_id: int | None
    date: dt.date
    recipients: list[str]
    signer: str = ""
    storage_unit: str = ""
    quantity: int = 1
    addressee_name: str = ""
    summary: str | None = None  # None: copy the item's summary where the law allows it
    note: str = ""
    seq: Any = None  # a client-sent number, always refused
    extra: dict[str, Any] = field(default_factory=dict)


def _item(actor: Any, item_id: int | None) -> SecretItem | None:
    if item_id is None:
        return None
    return visible_items(actor).filter(pk=item_id).first()


@transaction.atomic
def register_outgoing(*, actor: Any, data: OutgoingInput) -> OutgoingEntry:
    """Vào sổ đi (Điều 15 NĐ 26/2020/NĐ-CP): every reason to refuse at once, nothing written on refusal."""
    item = _item(actor, data.item_id)
    recipients = [nfc(r).strip() for r in data.recipients if str(r).strip()]
    violations = (
        [] if item else [unknown("item_unknown", "Trường item: không tìm thấy tài liệu được phép xem.")]
    )
    level = item.level if item else ""
    violations += registration_violations(actor=actor, kind="outgoing", on=data.date)
    violations += rules.check_common_entry(
        client_seq_sent=data.seq is not None,
        level=level or "confidential",
        on=data.date,
        last_date=last_date(OutgoingEntry, actor.agency_id, data.date.year, "doc_date"),
        date_label="Ngày vào sổ đi",
    )
    violations += rules.check_outgoing(
        rules.OutgoingFacts(
            on=data.date,
            doc_date=item.date if item else None,
            item_classified=bool(item and item.status == ItemStatus.CLASSIFIED),
            recipients=len(recipients),
            quantity=data.quantity,
        )
    )
    if item and data.summary is not None:
        violations += summary_violations(
            level=level, summary=data.summary, consent=item.summary_consent, on=data.date
        )
    if violations or item is None:
        raise RuleViolation(violations)
    entry = _create(actor, data, item, recipients)
    record(
        event="registers.outgoing_registered",
        actor=actor,
        subject=entry,
        payload={
            "level": entry.level,
            "year": entry.year,
            "seq": entry.seq,
            "item": item.pk,
            "number": entry.number,
            "recipients": recipients,
            "quantity": entry.quantity,
        },
    )
    return entry


def _create(actor: Any, data: OutgoingInput, item: SecretItem, recipients: list[str]) -> OutgoingEntry:
    summary = item.summary if data.summary is None else nfc(data.summary).strip()
    summary = lawful_summary(level=item.level, summary=summary, consent=item.summary_consent, on=data.date)
    addressee = nfc(data.addressee_name).strip()
    slot = allocate(actor=actor, kind="outgoing", on=data.date)
    entry = OutgoingEntry.objects.create(
        agency=actor.agency,
        book=slot.book,
        year=slot.year,
        seq=slot.seq,
        level=item.level,
        registered_by=actor,
        registered_at=clock.now(),
        note=nfc(data.note).strip(),
        item=item,
        number=item.number,
        doc_date=data.date,
        document_type=item.document_type,
        summary=summary,
        summary_consent=item.summary_consent,
        regime=regime_on(data.date),
        signer=nfc(data.signer).strip(),
        storage_unit=nfc(data.storage_unit).strip(),
        quantity=data.quantity,
        addressee_name=addressee,
        envelope=layouts.envelope_for(item.level, named_addressee=bool(addressee)).text(),
    )
    OutgoingReceipt.objects.bulk_create([OutgoingReceipt(entry=entry, recipient=r) for r in recipients])
    index_entry(entry, new=True)
    return entry


@transaction.atomic
def confirm_receipt(
    *, actor: Any, receipt: OutgoingReceipt, signed_on: dt.date, signed_by: str = ""
) -> OutgoingReceipt:
    """A recipient signs: the named user in-app, or a keeper records the paper signature."""
    receipt = OutgoingReceipt.objects.select_for_update().select_related("entry").get(pk=receipt.pk)
    entry = receipt.entry
    in_app = receipt.recipient_user_id is not None and receipt.recipient_user_id == actor.pk
    keeper = actor.role in rules.REGISTER_KEEPER_ROLES and access.may_access_level(actor, entry.level)
    signer = (actor.get_full_name() or actor.username) if in_app else nfc(signed_by).strip()
    violations = rules.check_receipt(
        rules.ReceiptFacts(
            entry_date=entry.doc_date or entry.registered_at.date(),
            signed_on=signed_on,
            signed_by=signer,
            already_signed=receipt.is_signed,
            may_sign=(in_app or keeper) and entry.agency_id == actor.agency_id,
        )
    )
    if violations:
        raise RuleViolation(violations)
    receipt.signed_by, receipt.signed_on = signer, signed_on
    receipt.method = ReceiptMethod.IN_APP if in_app else ReceiptMethod.PAPER
    receipt.recorded_by, receipt.recorded_at = actor, clock.now()
    receipt.save(update_fields=["signed_by", "signed_on", "method", "recorded_by", "recorded_at"])
    record(
        event="registers.outgoing_receipt_signed",
        actor=actor,
        subject=entry,
        payload={
            "level": entry.level,
            "seq": entry.seq,
            "year": entry.year,
            "recipient": receipt.recipient,
            "signed_by": signer,
            "signed_on": signed_on,
            "method": receipt.method,
        },
    )
    return receipt
