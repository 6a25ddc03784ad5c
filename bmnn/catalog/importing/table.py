"""Read a catalog laid out as a table (Excel sheet, Word table): one row per item.

Columns are found by their Vietnamese header names, with or without accents ("Độ mật"/"Do mat",
"Điều", "Khoản", "Điểm", "Nội dung"). Rows above the header may carry "Số:", "Ngày:", "Lĩnh vực:",
"Tên:" (the layout ``export.write_xlsx`` produces).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from bmnn.catalog.importing import vocab
from bmnn.catalog.importing.model import ImportProblem, ParsedCatalog, ParsedItem
from bmnn.catalog.importing.structure import clean
from bmnn.lib.vntext import fold, nfc

Row = tuple[int, Sequence[object]]
_REQUIRED = ("level", "article", "text")


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value)).strip()


def find_columns(cells: Sequence[object]) -> dict[str, int]:
    """Map field → column index when ``cells`` is a header row, else {}."""
    folded = [fold(cell_text(c)).strip(" .:") for c in cells]
    columns: dict[str, int] = {}
    for field, names in vocab.COLUMN_NAMES.items():
        for index, name in enumerate(folded):
            if name in names and index not in columns.values():
                columns[field] = index
                break
    return columns if all(f in columns for f in _REQUIRED) else {}


def parse_rows(rows: Sequence[Row]) -> ParsedCatalog | None:
    """Parse table rows; None when no header row is found (the caller reports the layout)."""
    for position, (_, cells) in enumerate(rows[:20]):
        columns = find_columns(cells)
        if columns:
            meta = _metadata(rows[:position])
            items, problems = _read_items(rows[position + 1 :], columns)
            return ParsedCatalog(meta.get("so"), _date(meta.get("ngay")), meta.get("linh vuc"),
                                 meta.get("ten"), tuple(items), tuple(problems))  # fmt: skip
    return None


def _metadata(rows: Sequence[Row]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for _, cells in rows:
        texts = [cell_text(c) for c in cells if cell_text(c)]
        if len(texts) >= 2:
            meta[fold(texts[0]).strip(" .:")] = texts[1]
    return meta


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return vocab.date_in(value)


def _read_items(rows: Sequence[Row], columns: dict[str, int]) -> tuple[list[ParsedItem], list[ImportProblem]]:
    items: list[ParsedItem] = []
    problems: list[ImportProblem] = []
    for number, cells in rows:
        values = {f: cell_text(cells[i]) if i < len(cells) else "" for f, i in columns.items()}
        if not any(cell_text(c) for c in cells):
            continue
        raw = " | ".join(cell_text(c) for c in cells if cell_text(c))
        level = vocab.level_from_cell(values["level"])
        missing = [label for label, ok in (("độ mật", level), ("Điều", values["article"]),
                                           ("nội dung", values["text"])) if not ok]  # fmt: skip
        if missing:
            message = f"Dòng {number}: thiếu hoặc không hiểu {', '.join(missing)}; không nhập dòng này."
            problems.append(ImportProblem(number, raw, "incomplete_row", message))
            continue
        assert level is not None
        article = values["article"].removeprefix("Điều").strip(" .")
        point = values.get("point", "").strip(" )").lower()
        clause = values.get("clause", "").strip(" .")
        items.append(ParsedItem(level, article, clause, point, clean(values["text"]), number))
    return items, problems
