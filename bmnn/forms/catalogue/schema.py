"""Reading and checking one form definition (pure Python: dict in, definition + violations out).

A definition is data an administrator can replace when the law changes (the government has already
corrected an annex once), so every mistake in it is refused with a Vietnamese reason instead of
printing a wrong form.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from typing import Any

from bmnn.lib.rules import Violation

SCHEMA_BASIS = "Quy chế biểu mẫu của bmnn (tệp định nghĩa biểu mẫu)"
LAYOUT_BASIS = "Phụ lục I Nghị định 30/2020/NĐ-CP (thể thức, kỹ thuật trình bày văn bản)"
# NĐ 30/2020 Phụ lục I: A4 paper; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PAGE_SIZES_MM = {"A4": (210.0, 297.0)}
MARGIN_RANGES_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
KINDS = ("register", "document", "stamp")
REGIMES = ("2018", "2025")
ALIGNMENTS = ("left", "center", "right")
BORDERS = ("none", "single", "double")

TOP_KEYS = {
    "id", "version", "kind", "title", "regime", "basis", "effective_from", "effective_to", "source",
    "notes", "supersedes", "page", "cover", "columns", "stamp", "document",
}  # fmt: skip
PAGE_KEYS = {"size", "orientation", "margins_mm"}
COVER_KEYS = {"label", "field"}
COLUMN_KEYS = {"order", "label", "field", "width_mm", "align", "instructions"}
STAMP_KEYS = {"lines", "width_mm", "height_mm", "border", "font_size_pt", "colour", "bold"}
DOCUMENT_KEYS = {
    "number_suffix", "title", "subtitle", "body", "signature", "recipients", "stamps", "columns",
}  # fmt: skip
SIGNATURE_KEYS = {"title", "name_field", "signers_field"}


@dataclass(frozen=True)
class Page:
    size: str
    orientation: str
    top: float
    bottom: float
    left: float
    right: float

    @property
    def width_mm(self) -> float:
        w, h = PAGE_SIZES_MM[self.size]
        return h if self.orientation == "landscape" else w

    @property
    def height_mm(self) -> float:
        w, h = PAGE_SIZES_MM[self.size]
        return w if self.orientation == "landscape" else h

    @property
    def printable_width_mm(self) -> float:
        return self.width_mm - self.left - self.right


DEFAULT_PAGE = Page("A4", "portrait", 20, 20, 30, 15)


@dataclass(frozen=True)
class CoverField:
    label: str
    field: str


@dataclass(frozen=True)
class Column:
    order: int
    label: str
    field: str
    width_mm: float
    align: str = "left"
    instructions: str = ""


@dataclass(frozen=True)
class StampSpec:
    lines: tuple[str, ...]
    width_mm: float
    height_mm: float
    border: str = "single"
    font_size_pt: float = 13
    colour: str = "#C00000"
    bold: bool = True


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    body: tuple[str, ...]
    subtitle: str = ""
    number_suffix: str = ""
    signature_title: str = ""
    signature_name_field: str = ""
    recipients: tuple[str, ...] = ()
    stamps: tuple[str, ...] = ()
    # A table after the body (the list of a destruction file, the counts of a thống kê); its fields
    # come from ``act_fields.TABLE_FIELDS`` of the definition's source.
    columns: tuple[Column, ...] = ()
    # A list of signers instead of one signature (every council member signs the minutes).
    signers_field: str = ""


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: str
    kind: str
    title: str
    regime: str
    basis: str
    effective_from: dt.date
    effective_to: dt.date | None
    source: str
    notes: str = ""
    supersedes: str = ""
    page: Page = DEFAULT_PAGE
    cover: tuple[CoverField, ...] = ()
    columns: tuple[Column, ...] = ()
    stamp: StampSpec | None = None
    document: DocumentSpec | None = None
    origin: str = field(default="", compare=False)  # file name or "imported #n", for the catalogue page

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


class _Collector:
    """Collects every violation of one file, each naming where in the file it is."""

    def __init__(self) -> None:
        self.violations: list[Violation] = []

    def add(self, code: str, message: str, basis: str = SCHEMA_BASIS) -> None:
        self.violations.append(Violation(code, message, basis))

    def unknown_keys(self, where: str, data: dict[str, Any], allowed: set[str]) -> None:
        for key in sorted(set(data) - allowed):
            self.add("unknown_key", f"{where}: trường “{key}” không có trong mẫu định nghĩa biểu mẫu.")

    def text(self, where: str, data: dict[str, Any], key: str, *, required: bool = True) -> str:
        value = data.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.add("missing_value", f"{where}: thiếu “{key}” (phải là chuỗi ký tự không rỗng).")
            return ""
        return value.strip()

    def number(self, where: str, data: dict[str, Any], key: str) -> float:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.add("bad_number", f"{where}: “{key}” phải là số dương.")
            return 0.0
        return float(value)

    def date(self, where: str, value: Any, key: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.add("bad_date", f"{where}: “{key}” phải là ngày dạng YYYY-MM-DD.")
            return None


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check_placeholders(c: _Collector, where: str, template: str, known: dict[str, str]) -> None:
    try:
        names = placeholders(template)
    except ValueError:
        c.add("bad_template", f"{where}: dấu ngoặc {{}} không khớp trong “{template}”.")
        return
    for name in sorted(names - set(known)):
        c.add("unknown_field", f"{where}: trường dữ liệu “{name}” không có trong nguồn dữ liệu.")
