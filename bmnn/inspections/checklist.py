"""The versioned checklist of law-based questions (``data/checklists/*.json``), chosen by date.

Each file is one version: ``{"version", "effective_from", "regime", "note", "questions": [{"code",
"group", "question", "basis", "auto"?}]}``. A question with ``auto`` names an automatic check of
``rules.automatic``; the rest are answered by the inspector. Files are data, not code, so a new
decree means a new file, and an inspection keeps the version it was opened with.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "checklists"


@dataclass(frozen=True)
class Question:
    code: str
    group: str
    question: str
    basis: str
    auto: str = ""


@dataclass(frozen=True)
class Checklist:
    version: str
    effective_from: dt.date
    note: str
    questions: tuple[Question, ...]


class ChecklistError(ValueError):
    """A checklist file does not match its schema."""


def parse(raw: dict[str, object], source: str = "") -> Checklist:
    try:
        questions = tuple(
            Question(
                code=str(q["code"]),
                group=str(q["group"]),
                question=str(q["question"]),
                basis=str(q["basis"]),
                auto=str(q.get("auto", "")),
            )
            for q in raw["questions"]  # type: ignore[attr-defined]
        )
        checklist = Checklist(
            version=str(raw["version"]),
            effective_from=dt.date.fromisoformat(str(raw["effective_from"])),
            note=str(raw.get("note", "")),
            questions=questions,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ChecklistError(f"Tệp danh mục kiểm tra {source} sai cấu trúc: {exc}") from exc
    codes = [q.code for q in questions]
    if len(set(codes)) != len(codes):
        raise ChecklistError(f"Tệp danh mục kiểm tra {source} có mã câu hỏi trùng.")
    return checklist


@lru_cache(maxsize=1)
def all_versions() -> tuple[Checklist, ...]:
    found = [parse(json.loads(p.read_text("utf-8")), p.name) for p in sorted(DATA_DIR.glob("*.json"))]
    return tuple(sorted(found, key=lambda c: c.effective_from))


def for_date(on: dt.date, versions: tuple[Checklist, ...] | None = None) -> Checklist:
    """The version in force on ``on`` (the earliest one for dates before every version)."""
    versions = versions or all_versions()
    current = versions[0]
    for checklist in versions:
        if checklist.effective_from <= on:
            current = checklist
    return current


def by_version(version: str) -> Checklist | None:
    return next((c for c in all_versions() if c.version == version), None)
