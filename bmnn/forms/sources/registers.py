"""Register books (sổ đi, sổ đến, sổ chuyển giao, sổ quản lý sao chụp) as documents.

Rows are read through the registers' and movements' own clearance-aware queries and streamed
(``iterator``), so a 50,000-row year never sits in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from django.db.models import QuerySet

from bmnn.forms.catalogue.library import definition_for
from bmnn.forms.catalogue.schema import FormDefinition
from bmnn.forms.document import Cover, Document, Progress, Row, Table, highest_level
from bmnn.forms.sources.common import d, person
from bmnn.lib import levels

KINDS = ("outgoing", "incoming", "handover", "copy")


def entries_for(user: Any, kind: str, year: int) -> QuerySet[Any]:
    if kind == "copy":
        from bmnn.movements.queries import visible_copy_entries

        return visible_copy_entries(user).filter(year=year)
    from bmnn.registers.queries import visible_entries

    qs = visible_entries(user, kind).filter(year=year)
    if kind == "outgoing":
        return qs.prefetch_related("receipts")
    if kind == "incoming":
        return qs.select_related("receiving_unit", "receiving_user")
    return qs.select_related("item", "from_user", "from_unit", "to_user", "to_unit")


def _common(e: Any) -> dict[str, str]:
    return {"seq": str(e.seq), "level": levels.label(e.level), "note": e.note}


def _outgoing(e: Any) -> dict[str, str]:
    receipts = list(e.receipts.all())
    return {
        **_common(e), "doc_date": d(e.doc_date), "doc_number": e.number,
        "summary": " — ".join(p for p in (e.document_type, e.summary) if p), "signer": e.signer,
        "recipients": "; ".join(r.recipient for r in receipts),
        "receipt": "; ".join(f"{r.signed_by} {d(r.signed_on)}".strip() for r in receipts if r.signed_by),
        "storage_unit": e.storage_unit, "copies": str(e.quantity),
    }  # fmt: skip


def _incoming(e: Any) -> dict[str, str]:
    unit = e.receiving_unit.name if e.receiving_unit else ""
    return {
        **_common(e), "received_on": d(e.arrival_date), "incoming_number": str(e.seq),
        "issuing_body": e.issuing_body, "doc_number": e.number, "doc_date": d(e.doc_date),
        "summary": " — ".join(p for p in (e.document_type, e.summary) if p),
        "receipt": " ".join(p for p in (unit, e.received_by, d(e.received_on)) if p), "copies": "",
    }  # fmt: skip


def _handover(e: Any) -> dict[str, str]:
    item = e.item
    return {
        **_common(e), "handed_on": d(e.handed_on), "doc_number": item.number, "doc_date": d(item.date),
        "summary": " — ".join(p for p in (item.document_type, item.summary) if p), "copies": str(e.quantity),
        "giver": person(e.from_user), "receiver": person(e.to_user),
        "receipt": f"Đã ký nhận {d(e.confirmed_on)}" if e.confirmed_on else "",
    }  # fmt: skip


def _copy(e: Any) -> dict[str, str]:
    item = e.item
    return {
        **_common(e), "copied_on": d(e.copied_on), "doc_number": item.number, "doc_date": d(item.date),
        "issuing_body": item.issuing_body, "summary": item.summary, "copy_kind": e.get_kind_display(),
        "copies_made": str(e.quantity), "copy_numbers": e.copy_numbers, "authoriser": e.authoriser_repr,
        "copier": e.performer_repr, "receiver": e.recipients_repr,
    }  # fmt: skip


CELLS: dict[str, Callable[[Any], dict[str, str]]] = {
    "outgoing": _outgoing, "incoming": _incoming, "handover": _handover, "copy": _copy,
}  # fmt: skip


def _rows(qs: QuerySet[Any], kind: str) -> Iterator[Row]:
    for e in qs.order_by("seq").iterator(chunk_size=1000):
        yield Row(cells=CELLS[kind](e), level=e.level, cancelled=e.cancelled_at is not None)


def _books(user: Any, kind: str, year: int) -> list[Any]:
    from bmnn.registers.models import RegisterBook

    return list(
        RegisterBook.objects.filter(agency_id=user.agency_id, kind=kind, year=year).order_by("volume")
    )


def register_definition(user: Any, kind: str, year: int) -> FormDefinition:
    """The register's form is the one in force when its book of the year was opened."""
    books = _books(user, kind, year)
    return definition_for(f"register.{kind}", books[0].opened_on if books else dt.date(year, 1, 1))


def register_document(
    *, user: Any, kind: str, year: int, include_cancelled: bool = True, progress: Progress | None = None
) -> Document:
    definition = register_definition(user, kind, year)
    qs = entries_for(user, kind, year)
    level = highest_level(qs.values_list("level", flat=True).distinct())
    books = _books(user, kind, year)
    values = {
        "governing_body": user.agency.governing_body, "agency": user.agency.name, "year": str(year),
        "opened_on": d(books[0].opened_on) if books else "", "closed_on": d(books[-1].closed_on) if books else "",
        "first_seq": str(books[0].first_seq) if books else "",
        "last_seq": str(books[-1].last_seq or "") if books else "",
        "volume": ", ".join(str(b.volume) for b in books), "register_title": definition.title,
    }  # fmt: skip
    lines = tuple(
        (c.label, values[c.field]) for c in definition.cover if c.field not in ("governing_body", "agency")
    )
    return Document(
        title=definition.title, page=definition.page, level=level, form_key=definition.key, progress=progress,
        cover=Cover(definition.title, values["governing_body"], values["agency"], lines),
        table=Table(definition.columns, _rows(qs, kind), qs.count(), include_cancelled),
    )  # fmt: skip
