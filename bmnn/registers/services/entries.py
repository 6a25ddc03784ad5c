"""What every register act shares: checking the book, taking the number, cancelling a row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.registers import numbering, rules
from bmnn.registers.models import EntryBase, RegisterBook

INDEXED_KINDS = frozenset({"outgoing", "incoming", "handover"})  # the copy register is indexed by movements


def registration_violations(*, actor: Any, kind: str, on: dt.date) -> list[Violation]:
    """Checks a register act adds to its own: keeper, open book, date. Used before ``allocate``."""
    book = numbering.current_book(actor.agency, kind, on.year)
    return rules.check_registration(
        rules.Registration(
            book_locked=bool(book and book.locked), on=on, today=clock.today(), actor_role=actor.role
        )
    )


def allocate(*, actor: Any, kind: str, on: dt.date) -> numbering.Slot:
    """The next number in the open book of ``on``'s year; opens volume 1 of a new year by itself.

    Call inside the registering service's transaction, after its own checks passed.
    """
    assert transaction.get_connection().in_atomic_block, "allocate only inside the registering transaction"
    book: RegisterBook | None = numbering.current_book(actor.agency, kind, on.year)
    if book is None:
        from bmnn.registers.services.books import open_book

        try:
            with transaction.atomic():  # savepoint: another process may open the same volume first
                book = open_book(actor=actor, kind=kind, year=on.year, opened_on=on, automatic=True)
        except IntegrityError:
            book = numbering.current_book(actor.agency, kind, on.year)
            assert book is not None
    book = RegisterBook.objects.select_for_update().get(pk=book.pk)
    if book.locked:
        raise RuleViolation(rules.check_registration(rules.Registration(True, on, clock.today(), actor.role)))
    return numbering.take_next(book)


@transaction.atomic
def cancel_entry(*, actor: Any, entry: EntryBase, reason: str) -> EntryBase:
    """Hủy một dòng sổ: the number stays, the row shows ĐÃ HỦY with reason, actor and time."""
    model: Any = type(entry)  # a concrete register's row class
    entry = model._default_manager.select_for_update().get(pk=entry.pk)
    violations = rules.check_cancellation(
        rules.Cancellation(reason=reason, already_cancelled=entry.is_cancelled, actor_role=actor.role)
    )
    if entry.agency.pk != actor.agency_id:
        violations.append(Violation("entry_unknown", "Không tìm thấy dòng sổ.", rules.CONTROL_BASIS))
    if violations:
        raise RuleViolation(violations)
    entry.cancelled_at, entry.cancelled_by, entry.cancel_reason = clock.now(), actor, nfc(reason).strip()
    entry.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason"])
    if model.KIND in INDEXED_KINDS:
        from bmnn.registers.indexing import index_entry

        index_entry(entry)
    record(
        event=f"registers.{model.KIND}_entry_cancelled",
        actor=actor,
        subject=entry,
        payload={"level": entry.level, "year": entry.year, "seq": entry.seq, "reason": entry.cancel_reason},
    )
    return entry
