"""Sổ đến: register what arrives; sealed envelopes go unopened to the named person; tampering is
reported to the head at once (Điều 16 NĐ 26/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bmnn.accounts.models import User
from bmnn.audit.ledger import record
from bmnn.lib import clock, levels
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import fold, nfc
from bmnn.org.models import Unit
from bmnn.registers import rules
from bmnn.registers.indexing import index_entry
from bmnn.registers.models import HeadNotice, IncomingEntry
from bmnn.registers.services.common import last_date, regime_on, summary_violations, unknown
from bmnn.registers.services.entries import allocate, registration_violations
from bmnn.registry.models import ItemKind, ItemStatus, SecretItem
from bmnn.registry.queries import search_text_for, visible_items


@dataclass
class IncomingInput:
    arrival_date: dt.date
    issuing_body: str = ""
    number: str = ""
    doc_date: dt.date | None = None
    document_type: str = ""
    summary: str = ""
    summary_consent: bool = False
    level: str = ""
    item_id: int | None = None  # an item already known (e.g. a reply to our own document)
    receiving_unit_id: int | None = None
    receiving_user_id: int | None = None
    sealed_for_addressee: bool = False
    tampering: bool = False
    tampering_report: str = ""
    note: str = ""
    seq: Any = None


def _resolve(actor: Any, data: IncomingInput) -> tuple[list[Violation], SecretItem | None, Any, Any]:
    out: list[Violation] = []
    item = None
    if data.item_id is not None:
        item = visible_items(actor).filter(pk=data.item_id).first()
        if item is None:
            out.append(unknown("item_unknown", "Trường item: không tìm thấy tài liệu được phép xem."))
        else:
            data.number, data.doc_date, data.level = item.number, item.date, item.level
            data.document_type, data.issuing_body = item.document_type, data.issuing_body or item.issuing_body
    unit = user = None
    if data.receiving_unit_id is not None:
        unit = Unit.objects.filter(pk=data.receiving_unit_id, agency_id=actor.agency_id).first()
        if unit is None:
            out.append(unknown("receiving_unit_unknown", "Đơn vị nhận: không thuộc cơ quan."))
    if data.receiving_user_id is not None:
        user = User.objects.filter(
            pk=data.receiving_user_id, agency_id=actor.agency_id, is_active=True
        ).first()
        if user is None:
            out.append(unknown("receiving_user_unknown", "Người nhận: không thuộc cơ quan hoặc đã bị khóa."))
        elif not rules.cleared_for(user.clearance, data.level):
            out.append(
                Violation(
                    "receiver_not_cleared",
                    "Người nhận chưa được phép tiếp cận độ mật này.",
                    "Điều 11 Luật 29/2018/QH14",
                )
            )
    return out, item, unit, user


@transaction.atomic
def register_incoming(*, actor: Any, data: IncomingInput) -> IncomingEntry:
    """Vào sổ đến. An arriving document the agency did not know becomes a SecretItem at the sender's
    level (the sender's marking, not a new classification)."""
    violations, item, unit, user = _resolve(actor, data)
    body_key = fold(data.issuing_body)
    number = nfc(data.number).strip()
    duplicate = (
        bool(number)
        and IncomingEntry.objects.filter(
            agency_id=actor.agency_id, issuing_body_key=body_key, number=number, cancelled_at__isnull=True
        ).exists()
    )
    violations += registration_violations(actor=actor, kind="incoming", on=data.arrival_date)
    violations += rules.check_common_entry(
        client_seq_sent=data.seq is not None,
        level=data.level,
        on=data.arrival_date,
        last_date=last_date(IncomingEntry, actor.agency_id, data.arrival_date.year, "arrival_date"),
        date_label="Ngày đến",
    )
    violations += rules.check_incoming(
        rules.IncomingFacts(
            arrival_date=data.arrival_date,
            doc_date=data.doc_date,
            issuing_body=data.issuing_body,
            number=number,
            duplicate=duplicate,
            sealed_for_addressee=data.sealed_for_addressee,
            has_summary=bool(data.summary.strip()),
            has_addressee=user is not None,
            tampering=data.tampering,
            tampering_report=data.tampering_report,
        )
    )
    if data.level in levels.RANK:
        violations += summary_violations(
            level=data.level, summary=data.summary, consent=data.summary_consent, on=data.arrival_date
        )
    if violations:
        raise RuleViolation(violations)
    entry = _create(actor, data, item or _new_item(actor, data, user), unit, user, body_key, number)
    if data.tampering:
        _notify_head(actor, entry)
    record(
        event="registers.incoming_registered",
        actor=actor,
        subject=entry,
        payload={
            "level": entry.level,
            "year": entry.year,
            "seq": entry.seq,
            "item": entry.item_id,
            "issuing_body": entry.issuing_body,
            "number": entry.number,
            "sealed_for_addressee": entry.sealed_for_addressee,
            "tampering": entry.tampering,
        },
    )
    return entry


def _new_item(actor: Any, data: IncomingInput, holder: Any) -> SecretItem:
    """Status classified, regime by the document's date, initial level = the marking it arrived with.
    Not ``registry.services.create_item``: that is a classification act needing a Danh mục basis and
    the classifier's authority, which the receiving agency does not exercise here."""
    item = SecretItem(
        agency=actor.agency,
        kind=ItemKind.PAPER_DOCUMENT,
        document_type=nfc(data.document_type).strip(),
        number=nfc(data.number).strip(),
        date=data.doc_date,
        issuing_body=nfc(data.issuing_body).strip(),
        summary=nfc(data.summary).strip(),
        summary_consent=data.summary_consent,
        initial_level=data.level,
        level=data.level,
        regime=regime_on(data.doc_date or data.arrival_date),
        classified_on=data.doc_date,
        status=ItemStatus.CLASSIFIED,
        custodian=holder or actor,
        protection_note="Thời hạn bảo vệ theo cơ quan ban hành (văn bản đến)",
    )
    item.search_text = search_text_for(item)
    item.full_clean(exclude=["basis"])
    item.save()
    return item


def _create(
    actor: Any, data: IncomingInput, item: SecretItem, unit: Any, user: Any, body_key: str, number: str
) -> IncomingEntry:
    slot = allocate(actor=actor, kind="incoming", on=data.arrival_date)
    entry = IncomingEntry.objects.create(
        agency=actor.agency,
        book=slot.book,
        year=slot.year,
        seq=slot.seq,
        level=data.level,
        registered_by=actor,
        registered_at=clock.now(),
        note=nfc(data.note).strip(),
        item=item,
        number=number,
        doc_date=data.doc_date,
        document_type=nfc(data.document_type).strip(),
        summary=nfc(data.summary).strip(),
        summary_consent=data.summary_consent,
        regime=regime_on(data.arrival_date),
        arrival_date=data.arrival_date,
        issuing_body=nfc(data.issuing_body).strip(),
        issuing_body_key=body_key,
        receiving_unit=unit,
        receiving_user=user,
        sealed_for_addressee=data.sealed_for_addressee,
        tampering=data.tampering,
        tampering_report=nfc(data.tampering_report).strip(),
    )
    index_entry(entry, new=True)
    return entry


def _notify_head(actor: Any, entry: IncomingEntry) -> None:
    head = User.objects.filter(agency_id=actor.agency_id, role="head", is_active=True).order_by("pk").first()
    HeadNotice.objects.create(
        agency=actor.agency,
        incoming=entry,
        kind="tampering",
        description=f"Văn bản đến số {entry.seq}/{entry.year} có dấu hiệu bóc, mở bì: {entry.tampering_report}",
        basis=rules.INCOMING_BASIS,
        responsible=head,
        created_at=clock.now(),
    )
    # The same signs open a "suspected" incident (#7), which the head handles and may report on.
    from bmnn.incidents.services import report_tampering

    report_tampering(
        actor=actor,
        description=f"Bì có dấu hiệu bóc, mở, tráo đổi khi tiếp nhận: {entry.tampering_report}",
        discovered_at=clock.now(),
        level=entry.level,
        item_ids=[entry.item_id] if entry.item_id else [],
        source_ref=f"Sổ đến số {entry.seq}/{entry.year}",
    )
