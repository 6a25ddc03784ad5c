"""Opening, locking and reopening register books."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.registers import numbering, rules
from bmnn.registers.models import RegisterBook, RegisterKind, UnlockRequest


def _keeper_check(actor: Any) -> list[Violation]:
    return rules.keeper_violations(actor.role, "mở, khóa sổ đăng ký")


@transaction.atomic
def open_book(
    *,
    actor: Any,
    kind: str,
    year: int,
    opened_on: dt.date | None = None,
    start_seq: int | None = None,
    note: str = "",
    automatic: bool = False,
) -> RegisterBook:
    """Open the next volume of a register for a year; the first may continue a paper register."""
    if kind not in RegisterKind.values:
        raise RuleViolation(
            [Violation("register_kind_unknown", f"Loại sổ không hợp lệ: {kind}.", rules.CONTROL_BASIS)]
        )
    opened_on = opened_on or clock.today()
    books = RegisterBook.objects.select_for_update().filter(agency=actor.agency, kind=kind, year=year)
    latest = books.order_by("-volume").first()
    given = numbering.last_given(actor.agency, kind, year)
    violations = [] if automatic else _keeper_check(actor)
    violations += rules.check_book_opening(
        rules.BookOpening(
            year=year,
            opened_on=opened_on,
            start_seq=start_seq,
            books_this_year=books.count(),
            previous_locked=latest.locked if latest else True,
            last_seq_given=given,
        )
    )
    if violations:
        raise RuleViolation(violations)
    book = RegisterBook.objects.create(
        agency=actor.agency,
        kind=kind,
        year=year,
        volume=(latest.volume + 1) if latest else 1,
        first_seq=start_seq or given + 1,
        opened_on=opened_on,
        migrated_from_paper=start_seq is not None and start_seq > 1,
        note=nfc(note).strip(),
        opened_by=actor,
    )
    record(
        event="registers.book_opened",
        actor=actor,
        subject=book,
        payload={
            "kind": kind,
            "year": year,
            "volume": book.volume,
            "first_seq": book.first_seq,
            "automatic": automatic,
        },
    )
    return book


@transaction.atomic
def lock_book(*, actor: Any, book: RegisterBook, on: dt.date | None = None) -> RegisterBook:
    """Khóa sổ: no more entries; the last number is written on the book."""
    book = RegisterBook.objects.select_for_update().get(pk=book.pk)
    violations = rules.check_lock(role=actor.role, locked=book.locked)
    if violations:
        raise RuleViolation(violations)
    given = numbering.last_given(book.agency, book.kind, book.year)
    book.locked = True
    book.closed_on = on or clock.today()
    book.last_seq = given if given >= book.first_seq else None
    book.save(update_fields=["locked", "closed_on", "last_seq"])
    record(
        event="registers.book_locked",
        actor=actor,
        subject=book,
        payload={"kind": book.kind, "year": book.year, "volume": book.volume, "last_seq": book.last_seq},
    )
    return book


@transaction.atomic
def request_unlock(*, actor: Any, book: RegisterBook, reason: str) -> UnlockRequest:
    book = RegisterBook.objects.select_for_update().get(pk=book.pk)
    violations = rules.check_unlock_request(role=actor.role, locked=book.locked, reason=reason)
    if violations:
        raise RuleViolation(violations)
    req = UnlockRequest.objects.create(
        book=book, reason=nfc(reason).strip(), requested_by=actor, requested_at=clock.now()
    )
    record(event="registers.unlock_requested", actor=actor, subject=book, payload={"reason": req.reason})
    return req


@transaction.atomic
def decide_unlock(*, actor: Any, request: UnlockRequest, approve: bool) -> UnlockRequest:
    """The second person approves (the book reopens) or refuses; either way it is on the record."""
    req = UnlockRequest.objects.select_for_update().select_related("book").get(pk=request.pk)
    violations = rules.check_unlock(
        rules.UnlockApproval(
            requested_by=req.requested_by_id,
            approver=actor.pk,
            approver_role=actor.role if actor.agency_id == req.book.agency_id else "",
            reason=req.reason,
            already_decided=req.approved is not None,
        )
    )
    if violations:
        raise RuleViolation(violations)
    req.approved, req.decided_by, req.decided_at = approve, actor, clock.now()
    req.save(update_fields=["approved", "decided_by", "decided_at"])
    if approve:
        book = req.book
        book.locked, book.closed_on, book.last_seq = False, None, None
        book.save(update_fields=["locked", "closed_on", "last_seq"])
    record(
        event="registers.unlock_approved" if approve else "registers.unlock_refused",
        actor=actor,
        subject=req.book,
        payload={"request": req.pk, "requested_by": req.requested_by.username, "reason": req.reason},
    )
    return req
