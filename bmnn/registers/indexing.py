"""What search may know about a register row: folded words, never the trích yếu of a Tuyệt mật item."""

from __future__ import annotations

import re
from typing import Any

from bmnn.lib.vntext import fold
from bmnn.registers.models import HandoverEntry, IncomingEntry, OutgoingEntry, SearchRow

WORD = re.compile(r"[0-9a-z]+")
KIND_LABELS = {"outgoing": "Sổ đi", "incoming": "Sổ đến", "handover": "Sổ chuyển giao", "copy": "Sổ sao chụp"}


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def tokens_of(*parts: str) -> str:
    return " ".join(words(" ".join(p for p in parts if p)))


def indexable_summary(level: str, summary: str) -> str:
    """Luật 117/2025: no Tuyệt mật trích yếu anywhere derived; 2018-consented ones stay out of search too."""
    return "" if level == "top_secret" else summary


def _title(kind: str, entry: Any, label: str) -> str:
    return f"{KIND_LABELS[kind]} số {entry.seq}/{entry.year} · {label}"[:400]


def _status(entry: Any, default: str = "registered") -> str:
    return "cancelled" if entry.cancelled_at else default


def _doc_label(entry: Any) -> str:
    return " ".join(p for p in (entry.document_type, entry.number) if p) or "(không số)"


def row_for(entry: Any) -> dict[str, Any]:
    """The search row's columns for a register entry of any kind."""
    if isinstance(entry, OutgoingEntry):
        summary = indexable_summary(entry.level, entry.summary)
        recipients = " ".join(r.recipient for r in entry.receipts.all())
        return {
            "on_date": entry.doc_date,
            "number": fold(entry.number),
            "body": fold(recipients),
            "unit": fold(entry.storage_unit),
            "status": _status(entry),
            "parties": "",
            "title": _title("outgoing", entry, _doc_label(entry)),
            "tokens": tokens_of(
                entry.number,
                entry.document_type,
                summary,
                entry.signer,
                recipients,
                entry.storage_unit,
                entry.note,
            ),
        }
    if isinstance(entry, IncomingEntry):
        summary = indexable_summary(entry.level, entry.summary)
        unit = entry.receiving_unit.name if entry.receiving_unit else ""
        return {
            "on_date": entry.arrival_date,
            "number": fold(entry.number),
            "body": fold(entry.issuing_body),
            "unit": fold(unit),
            "status": _status(entry),
            "parties": f" {entry.receiving_user_id} " if entry.receiving_user_id else "",
            "title": _title("incoming", entry, f"{_doc_label(entry)} — {entry.issuing_body}"),
            "tokens": tokens_of(
                entry.number, entry.document_type, summary, entry.issuing_body, unit, entry.note
            ),
        }
    assert isinstance(entry, HandoverEntry)
    item = entry.item
    people = " ".join(u.get_full_name() or u.username for u in (entry.from_user, entry.to_user) if u)
    unit = entry.to_unit.name if entry.to_unit else ""
    return {
        "on_date": entry.handed_on,
        "number": fold(item.number),
        "body": fold(item.issuing_body),
        "unit": fold(unit),
        "status": _status(entry, entry.status),
        "parties": f" {entry.from_user_id or ''} {entry.to_user_id} ",
        "title": _title(
            "handover", entry, f"{' '.join(p for p in (item.document_type, item.number) if p)} → {people}"
        ),
        "tokens": tokens_of(item.number, item.document_type, people, unit, entry.note),
    }


def index_entry(entry: Any, *, new: bool = False) -> None:
    """Write (``new``) or refresh the search row of ``entry``; called by the services inside their
    transaction."""
    values = {
        "agency_id": entry.agency_id,
        "level": entry.level,
        "year": entry.year,
        "seq": entry.seq,
        **row_for(entry),
    }
    if new:
        SearchRow.objects.create(kind=entry.KIND, entry_id=entry.pk, **values)
    else:
        SearchRow.objects.update_or_create(kind=entry.KIND, entry_id=entry.pk, defaults=values)
