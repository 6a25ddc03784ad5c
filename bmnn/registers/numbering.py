"""Giving register numbers: inside the registering transaction, so a rolled-back act gives none back
and two clerks never get the same number (the counter row is locked; SQLite serialises writers with
BEGIN IMMEDIATE, PostgreSQL with SELECT … FOR UPDATE)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from bmnn.registers.models import RegisterBook, RegisterCounter


@dataclass(frozen=True)
class Slot:
    book: RegisterBook
    year: int
    seq: int


def current_book(agency: Any, kind: str, year: int) -> RegisterBook | None:
    return RegisterBook.objects.filter(agency=agency, kind=kind, year=year).order_by("-volume").first()


def locked_counter(agency: Any, kind: str, year: int, *, start: int = 1) -> RegisterCounter:
    """The counter row, locked for this transaction; created at ``start - 1`` on first use."""
    assert transaction.get_connection().in_atomic_block, "numbers are given only inside a transaction"
    qs = RegisterCounter.objects.select_for_update().filter(agency=agency, kind=kind, year=year)
    counter = qs.first()
    if counter is None:
        try:
            with transaction.atomic():
                RegisterCounter.objects.create(agency=agency, kind=kind, year=year, last_seq=start - 1)
        except IntegrityError:
            pass  # another transaction created it first; lock theirs
        counter = qs.get()
    return counter


def last_given(agency: Any, kind: str, year: int) -> int:
    counter = RegisterCounter.objects.filter(agency=agency, kind=kind, year=year).first()
    return counter.last_seq if counter else 0


def take_next(book: RegisterBook) -> Slot:
    """The next number of ``book``'s register and year. The caller has checked the book is open."""
    counter = locked_counter(book.agency, book.kind, book.year, start=book.first_seq)
    seq = max(counter.last_seq + 1, book.first_seq)
    RegisterCounter.objects.filter(pk=counter.pk).update(last_seq=seq)
    return Slot(book=book, year=book.year, seq=seq)


def year_of(on: dt.date) -> int:
    return on.year
