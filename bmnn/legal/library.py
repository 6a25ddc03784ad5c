"""Lookup of legal texts by (number, date) and the "in force on the plan's date" rule.

Two texts may share a number (Chỉ thị 02/CT-TTg of 04/7/2018 and of 15/11/2019,
domain.md §9): the date decides. A plan dated from 01/3/2026 that cites NĐ
26/2020/NĐ-CP cites a replaced text (domain.md §1). Status is computed from
effective dates; where the sources do not say, the status is "unknown" and
nothing is flagged (never invent law).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from typing import Any, Protocol

from bmnn.lib.vntext import fold

IN_FORCE = "in_force"
REPLACED = "replaced"
EXPIRED = "expired"
NOT_YET = "not_yet_in_force"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Violation:
    code: str
    message_vi: str
    basis: str


@dataclass(frozen=True)
class LegalText:
    number: str
    kind: str
    title: str
    issuer: str | None = None
    issued_on: date | None = None
    effective_from: date | None = None
    effective_to: date | None = None  # first day it no longer applies
    replaced_by: str | None = None
    status: str | None = None  # explicit "unknown" / "in_force" when dates are missing
    aliases: tuple[str, ...] = ()
    confidence: str = "L"
    source: str = ""
    note: str = ""
    user_added: bool = False

    @property
    def key(self) -> str:
        return number_key(self.number)

    def status_on(self, on: date) -> str:
        """in_force / replaced / expired / not_yet_in_force / unknown on day ``on``."""
        if self.effective_to is not None and on >= self.effective_to:
            return REPLACED if self.replaced_by else EXPIRED
        start = self.effective_from or self.issued_on
        if start is not None and on < start:
            return NOT_YET
        if self.status == UNKNOWN or (start is None and self.status != IN_FORCE):
            return UNKNOWN
        return IN_FORCE

    def label(self) -> str:
        dated = f" ngày {self.issued_on:%d/%m/%Y}" if self.issued_on else ""
        return f"{self.number}{dated}"


class RefLike(Protocol):
    """What the rule needs from a reference (the plan parser's LegalRef fits)."""

    @property
    def kind(self) -> str: ...
    @property
    def number(self) -> str | None: ...
    @property
    def date(self) -> date | None: ...
    @property
    def title(self) -> str | None: ...


def number_key(number: str) -> str:
    """'26/2020/NĐ-CP', '26/2020/ND-CP', '26 / 2020 / nđ – cp' → one key."""
    return fold(number.replace("–", "-").replace("—", "-")).replace(" ", "")


class LegalLibrary:
    def __init__(self, entries: Iterable[LegalText]) -> None:
        self.entries: tuple[LegalText, ...] = tuple(entries)

    def with_entries(self, extra: Iterable[LegalText]) -> LegalLibrary:
        """A library that also knows ``extra`` (user-added texts, marked as such)."""
        added = [replace(entry, user_added=True) for entry in extra]
        return LegalLibrary([*self.entries, *added])

    def get(self, number: str, issued_on: date | None = None) -> list[LegalText]:
        """Texts with this number; with a date, only the one(s) issued that day (or of unknown date)."""
        key = number_key(number)
        same = [entry for entry in self.entries if entry.key == key]
        if issued_on is None:
            return same
        exact = [entry for entry in same if entry.issued_on == issued_on]
        return exact or [entry for entry in same if entry.issued_on is None]

    def resolve(self, ref: RefLike, on_date: date | None) -> list[LegalText]:
        """Candidates for a reference: by symbol, by bare number ("Chỉ thị số 05"), or by title."""
        if (ref.number and "/" in ref.number) or (ref.number and "-" in ref.number):
            return self.get(ref.number, ref.date)
        if ref.number:
            prefix = number_key(ref.number) + "/"
            found = [e for e in self.entries if e.key.startswith(prefix) and e.kind == ref.kind]
            return [e for e in found if ref.date is None or e.issued_on in (None, ref.date)]
        if ref.title:
            named = [e for e in self.entries if fold(ref.title) in {fold(a) for a in e.aliases}]
            in_force = [e for e in named if on_date is not None and e.status_on(on_date) == IN_FORCE]
            return in_force or named
        return []


def check_in_force(ref: RefLike, on_date: date, library: LegalLibrary | None = None) -> list[Violation]:
    """Violations for a reference cited by a document dated ``on_date`` (empty list = nothing to flag)."""
    library = library or default_library()
    candidates = library.resolve(ref, on_date)
    cited = _cited(ref)
    if not candidates:
        return _unknown_date(ref, library, cited)
    if len(candidates) > 1 and len({c.key for c in candidates}) == 1 and ref.number:
        dates = ", ".join(c.label() for c in candidates)
        return [
            Violation(
                "legal.ambiguous_number",
                f"{cited}: có nhiều văn bản cùng số ({dates}); cần ghi rõ ngày ban hành.",
                "domain.md §9",
            )
        ]
    return [v for c in candidates[:1] for v in _status_violations(c, on_date, cited, library)]


def _status_violations(text: LegalText, on_date: date, cited: str, library: LegalLibrary) -> list[Violation]:
    status = text.status_on(on_date)
    basis = f"{text.source} [{text.confidence}]"
    if status in (REPLACED, EXPIRED):
        assert text.effective_to is not None
        message = f"{cited} đã hết hiệu lực từ {text.effective_to:%d/%m/%Y}"
        if text.replaced_by:
            successor = library.get(text.replaced_by)
            title = f" ({successor[0].title})" if successor else ""
            message += f", được thay thế bởi {text.replaced_by}{title}"
        return [
            Violation(
                "legal.not_in_force", f"{message}; văn bản ngày {on_date:%d/%m/%Y} không nên viện dẫn.", basis
            )
        ]
    if status == NOT_YET:
        start = text.effective_from or text.issued_on
        return [Violation("legal.not_yet_in_force", f"{cited} chỉ có hiệu lực từ {start:%d/%m/%Y}.", basis)]
    return []


def _unknown_date(ref: RefLike, library: LegalLibrary, cited: str) -> list[Violation]:
    """A known number with a date matching none of its texts is probably a typo: say so."""
    if not ref.number or ref.date is None:
        return []
    known = library.get(ref.number)
    if not known:
        return []
    dates = ", ".join(entry.label() for entry in known)
    return [Violation("legal.date_mismatch", f"{cited}: ngày không khớp văn bản đã biết ({dates}).", "")]


def _cited(ref: RefLike) -> str:
    name = ref.number or ref.title or "Văn bản"
    return f"{name} ngày {ref.date:%d/%m/%Y}" if ref.date else name


@functools.cache
def default_library() -> LegalLibrary:
    raw = resources.files("bmnn.legal").joinpath("data/texts.json").read_text(encoding="utf-8")
    return LegalLibrary(legal_text_from_dict(item) for item in json.loads(raw)["texts"])


def legal_text_from_dict(item: dict[str, Any]) -> LegalText:
    """Build an entry from the JSON shape (also the shape the lead's DB rows can export)."""

    def day(name: str) -> date | None:
        value = item.get(name)
        return date.fromisoformat(value) if value else None

    return LegalText(
        number=item["number"],
        kind=item["kind"],
        title=item["title"],
        issuer=item.get("issuer"),
        issued_on=day("issued_on"),
        effective_from=day("effective_from"),
        effective_to=day("effective_to"),
        replaced_by=item.get("replaced_by"),
        status=item.get("status"),
        aliases=tuple(item.get("aliases", ())),
        confidence=item.get("confidence", "L"),
        source=item.get("source", ""),
        note=item.get("note", ""),
    )
