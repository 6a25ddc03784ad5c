"""Vietnamese words the parsers recognise: level names, header lines, column names.

Everything is matched on ``fold`` (accent- and case-insensitive, đ→d) so that "Tối mật", "TOI MAT" and
"toi mat" are the same word; the level phrases are checked longest first because "mật" is contained
in "tối mật" and "tuyệt mật".
"""

from __future__ import annotations

import datetime
import re

from bmnn.catalog.importing.model import CONFIDENTIAL, SECRET, TOP_SECRET
from bmnn.lib.vntext import fold

# "độ Tuyệt mật" / "độ Tối mật" / "độ Mật" as catalogs write the article heading.
_LEVEL_IN_HEADING = re.compile(r"\bdo (tuyet mat|toi mat|mat)\b")
_LEVEL_CELL = {
    "tuyet mat": TOP_SECRET,
    "tum": TOP_SECRET,
    "top_secret": TOP_SECRET,
    "a": TOP_SECRET,
    "toi mat": SECRET,
    "tm": SECRET,
    "secret": SECRET,
    "b": SECRET,
    "mat": CONFIDENTIAL,
    "m": CONFIDENTIAL,
    "confidential": CONFIDENTIAL,
    "c": CONFIDENTIAL,
}
_LEVEL_WORDS = {"tuyet mat": TOP_SECRET, "toi mat": SECRET, "mat": CONFIDENTIAL}


def level_in_heading(text: str) -> str | None:
    """Level named by an article heading such as "Bí mật nhà nước độ Tối mật gồm:"."""
    match = _LEVEL_IN_HEADING.search(fold(text))
    return _LEVEL_WORDS[match.group(1)] if match else None


def level_from_cell(value: str) -> str | None:
    """Level written in a spreadsheet cell: "Tối mật", "TM", "secret", "B" (envelope letter) …"""
    key = fold(value).strip(" .:")
    key = key.removeprefix("do ").removeprefix("bi mat nha nuoc do ").strip()
    return _LEVEL_CELL.get(key)


_DECISION = re.compile(r"^\s*s[ốo]\s*:?\s*([0-9]+/[0-9]*/?[A-ZĐa-zđ\-]+[A-ZĐ0-9\-]*)", re.IGNORECASE)
_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_SECTOR = re.compile(r"(?:thuộc|trong)\s+(?:ngành,?\s+)?lĩnh vực\s+(.+)$", re.IGNORECASE)


def decision_in(line: str) -> str | None:
    """Decision symbol from a "Số: 2500/QĐ-TTg" line."""
    match = _DECISION.match(line)
    return match.group(1).rstrip(".,;") if match else None


def date_in(line: str) -> datetime.date | None:
    """Date from the place-and-date line "Hà Nội, ngày 17 tháng 11 năm 2025"."""
    match = _DATE.search(fold(line))
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def sector_in(title: str) -> str | None:
    """Sector from the title "Ban hành Danh mục bí mật nhà nước thuộc lĩnh vực …"."""
    match = _SECTOR.search(title)
    return match.group(1).strip(" .") if match else None


# Spreadsheet header names, folded; the first match wins for each field.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "level": ("do mat", "muc do mat", "cap do mat", "muc do", "level"),
    "article": ("dieu", "article"),
    "clause": ("khoan", "clause"),
    "point": ("diem", "point"),
    "text": ("noi dung", "noi dung muc", "ten muc", "danh muc", "mo ta", "text", "bi mat nha nuoc"),
}
