"""Register layouts and envelope instructions, read from versioned data files (``data/``).

The law fixes the forms (Mẫu 12, 14, 15, 16 TT 24/2020/TT-BCA; annexes of NĐ 63/2026 from 2026), but
their exact columns are not confirmed, so columns are data chosen by the register's year, never code.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Column:
    label: str
    field: str
    width: int


@dataclass(frozen=True)
class Layout:
    id: str
    kind: str
    title: str
    legal_basis: str
    effective_from: dt.date
    note: str
    cover_fields: tuple[str, ...]
    columns: tuple[Column, ...]


def _parse(raw: dict[str, Any]) -> Layout:
    return Layout(
        id=str(raw["id"]),
        kind=str(raw["kind"]),
        title=str(raw["title"]),
        legal_basis=str(raw["legal_basis"]),
        effective_from=dt.date.fromisoformat(raw["effective_from"]),
        note=str(raw.get("note", "")),
        cover_fields=tuple(raw.get("cover_fields", ())),
        columns=tuple(
            Column(str(c["label"]), str(c["field"]), int(c.get("width", 10))) for c in raw["columns"]
        ),
    )


@lru_cache(maxsize=1)
def all_layouts() -> tuple[Layout, ...]:
    found = [_parse(json.loads(p.read_text("utf-8"))) for p in sorted((DATA / "layouts").glob("*.json"))]
    return tuple(sorted(found, key=lambda lay: lay.effective_from))


def layout_for(kind: str, year: int) -> Layout:
    """The layout in force on 1 January of ``year`` or, for the year a new form takes effect, the one in
    force on 31 December (a book opened in a transition year is printed with the newer form)."""
    candidates = [lay for lay in all_layouts() if lay.kind == kind]
    if not candidates:
        raise LookupError(f"Không có mẫu sổ cho loại {kind}")
    chosen = candidates[0]
    for lay in candidates:
        if lay.effective_from <= dt.date(year, 12, 31):
            chosen = lay
    return chosen


@dataclass(frozen=True)
class Envelope:
    letter: str
    envelopes: int
    instructions: str
    named_mark: str
    legal_basis: str

    def text(self) -> str:
        parts = [self.instructions]
        if self.named_mark:
            parts.append(f'Ghi "{self.named_mark}" trên bì (bì trong nếu có hai lớp).')
        return " ".join(parts)


@lru_cache(maxsize=1)
def _envelopes() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "envelopes.json").read_text("utf-8"))
    return data


def envelope_for(level: str, *, named_addressee: bool) -> Envelope:
    data = _envelopes()
    row = data["levels"][level]
    return Envelope(
        letter=row["letter"],
        envelopes=int(row["envelopes"]),
        instructions=row["instructions"],
        named_mark=data["named_addressee_mark"] if named_addressee else "",
        legal_basis=data["legal_basis"],
    )
