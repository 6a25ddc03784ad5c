"""Frozen records produced by every catalog parser (text, docx, xlsx).

A Danh mục BMNN decision (Luật 29/2018/QH14 Điều 9; Luật 117/2025/QH15) lists, per độ mật, the
information that is secret: one article per level, numbered clauses (khoản "1.") and points
(điểm "a)"). A classification must cite decision + level + khoản + điểm, so each leaf becomes one item.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from bmnn.lib.citation import format_citation

TOP_SECRET = "top_secret"  # noqa: S105 (a level code, not a password)
SECRET = "secret"  # noqa: S105
CONFIDENTIAL = "confidential"
LEVELS: tuple[str, ...] = (TOP_SECRET, SECRET, CONFIDENTIAL)
LEVEL_LABELS: dict[str, str] = {TOP_SECRET: "Tuyệt mật", SECRET: "Tối mật", CONFIDENTIAL: "Mật"}


@dataclass(frozen=True)
class ParsedItem:
    """One citable catalog item.

    ``context`` carries the heading the item hangs under (the article's lead-in such as "Thông tin về
    nhiệm vụ … gồm:" or the clause heading "Đề án về tổ chức bộ máy:") because a point is often
    meaningless without it; it is not part of the citation.
    """

    level: str
    article: str
    clause: str
    point: str
    text: str
    line: int
    context: str = ""


@dataclass(frozen=True)
class ImportProblem:
    """Something the parser did not understand or had to change; shown in the import preview."""

    line: int
    text: str
    code: str
    message_vi: str


@dataclass(frozen=True)
class ParsedCatalog:
    decision: str | None
    date: datetime.date | None
    sector: str | None
    title: str | None
    items: tuple[ParsedItem, ...]
    problems: tuple[ImportProblem, ...]


def citation(item: ParsedItem, decision: str | None) -> str:
    """Return the citation in the order Vietnamese documents write it: "Điểm b khoản 1 Điều 2 …"."""
    return format_citation(item.article, item.clause, item.point, decision)
