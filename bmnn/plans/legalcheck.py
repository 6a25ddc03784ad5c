"""In-force checks of a plan's cited texts, from the JSON shape stored in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bmnn.legal import check_in_force, default_library


@dataclass(frozen=True)
class RefView:
    """What ``bmnn.legal`` needs of a reference (its ``RefLike``), built from a stored row or JSON."""

    kind: str
    number: str | None
    date: dt.date | None
    title: str | None


def ref_view(data: dict[str, Any]) -> RefView:
    raw_date = data.get("date")
    if isinstance(raw_date, str) and raw_date:
        raw_date = dt.date.fromisoformat(raw_date)
    return RefView(
        kind=str(data.get("kind") or ""),
        number=data.get("number") or None,
        date=raw_date or None,
        title=data.get("title") or None,
    )


def flags_on(data: dict[str, Any], on_date: dt.date | None) -> list[dict[str, str]]:
    """Flags for a reference cited by a document dated ``on_date``; no date → nothing can be checked."""
    if on_date is None:
        return []
    violations = check_in_force(ref_view(data), on_date, default_library())
    return [{"code": v.code, "message": v.message_vi, "basis": v.basis} for v in violations]


def library_labels(data: dict[str, Any], on_date: dt.date | None) -> list[str]:
    return [text.label() for text in default_library().resolve(ref_view(data), on_date)]


def successors_on(data: dict[str, Any], on_date: dt.date) -> list[tuple[str, Any]]:
    """For a reference whose text is replaced on ``on_date``: (cited number, successor text) pairs,
    from the library's ``replaced_by`` (never guessed)."""
    library = default_library()
    found = []
    for text in library.resolve(ref_view(data), on_date):
        if text.replaced_by and text.status_on(on_date) == "replaced":
            successors = library.get(text.replaced_by)
            if successors:
                found.append((text.number, successors[-1]))
    return found
