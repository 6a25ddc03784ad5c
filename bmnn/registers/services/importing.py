"""Importing rows of an old register (paper or Excel): accepted rows keep their original number, the
counter moves past them, and the batch is one ledger entry listing every imported row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock, levels
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registers import importing, numbering, rules
from bmnn.registers.indexing import index_entry
from bmnn.registers.models import IncomingEntry, OutgoingEntry, OutgoingReceipt, RegisterCounter
from bmnn.registers.services.common import regime_on
from bmnn.registry.rules import summary_allowed
from bmnn.registry.rulesets import ruleset_for

MODELS: dict[str, Any] = {"outgoing": OutgoingEntry, "incoming": IncomingEntry}


def allowed(level: str, on: dt.date, consent: bool) -> bool:
    return summary_allowed(level, ruleset_for(on), consent)


def existing_numbers(agency_id: int, kind: str, year: int) -> set[int]:
    return set(MODELS[kind].objects.filter(agency_id=agency_id, year=year).values_list("seq", flat=True))


def check_import(
    *, actor: Any, kind: str, year: int, sheet: importing.Sheet, mapping: dict[str, int | None]
) -> list[importing.CheckedRow]:
    return importing.check_rows(
        kind, year, sheet, mapping, existing_numbers(actor.agency_id, kind, year), allowed
    )


def _entry(actor: Any, kind: str, book: Any, year: int, v: dict[str, Any], now: dt.datetime) -> Any:
    on = v["arrival_date"] if kind == "incoming" else v["doc_date"]
    common = {
        "agency": actor.agency,
        "book": book,
        "year": year,
        "seq": v["seq"],
        "level": v["level"],
        "registered_by": actor,
        "registered_at": now,
        "imported": True,
        "note": v["note"],
        "number": v["number"],
        "doc_date": v["doc_date"],
        "document_type": v["document_type"],
        "summary": v["summary"],
        "summary_consent": v["consent"],
        "regime": regime_on(on),
    }
    if kind == "outgoing":
        return OutgoingEntry.objects.create(
            **common, signer=v["signer"], storage_unit=v["storage_unit"], quantity=v["quantity"]
        )
    from bmnn.lib.vntext import fold

    return IncomingEntry.objects.create(
        **common,
        arrival_date=on,
        issuing_body=v["issuing_body"],
        issuing_body_key=fold(v["issuing_body"]),
        received_by=v["receiver"],
    )


@transaction.atomic
def import_register(
    *, actor: Any, kind: str, year: int, sheet: importing.Sheet, mapping: dict[str, int | None]
) -> tuple[int, list[importing.CheckedRow]]:
    """Import every acceptable row; returns (count imported, rejected rows with reasons)."""
    if actor.role not in rules.REGISTER_KEEPER_ROLES or kind not in MODELS:
        raise RuleViolation(
            [
                Violation(
                    "register_not_keeper",
                    "Chỉ văn thư hoặc cán bộ bảo mật được nhập sổ cũ.",
                    rules.REGISTER_BASIS,
                )
            ]
        )
    checked = check_import(actor=actor, kind=kind, year=year, sheet=sheet, mapping=mapping)
    good = sorted((c for c in checked if not c.reasons), key=lambda c: int(c.values["seq"]))
    rejected = [c for c in checked if c.reasons]
    if not good:
        return 0, rejected
    book = numbering.current_book(actor.agency, kind, year)
    if book is None:
        from bmnn.registers.services.books import open_book

        book = open_book(actor=actor, kind=kind, year=year, opened_on=dt.date(year, 1, 1), automatic=True)
    if book.locked:
        raise RuleViolation(
            rules.check_registration(rules.Registration(True, clock.today(), clock.today(), actor.role))
        )
    now = clock.now()
    entries = [_entry(actor, kind, book, year, c.values, now) for c in good]
    if kind == "outgoing":
        OutgoingReceipt.objects.bulk_create(
            [
                OutgoingReceipt(entry=e, recipient=r.strip())
                for e, c in zip(entries, good, strict=True)
                for r in c.values["recipients"].split(";")
                if r.strip()
            ]
        )
    for e in entries:
        index_entry(e, new=True)
    counter = numbering.locked_counter(actor.agency, kind, year, start=book.first_seq)
    top = max(e.seq for e in entries)
    if top > counter.last_seq:
        RegisterCounter.objects.filter(pk=counter.pk).update(last_seq=top)
    record(
        event="registers.entries_imported",
        actor=actor,
        subject=book,
        payload={
            "level": max((e.level for e in entries), key=levels.rank),
            "kind": kind,
            "year": year,
            "imported": len(entries),
            "rejected": len(rejected),
            "rows": [{"seq": e.seq, "level": e.level, "number": e.number} for e in entries],
        },
    )
    return len(entries), rejected
