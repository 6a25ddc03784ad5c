"""Write catalog items to an .xlsx workbook that ``parse_xlsx`` reads back unchanged."""

from __future__ import annotations

import io
from collections.abc import Iterable

import openpyxl
from openpyxl.styles import Alignment, Font

from bmnn.catalog.importing.model import LEVEL_LABELS, ParsedCatalog, ParsedItem

HEADER = ("Độ mật", "Điều", "Khoản", "Điểm", "Nội dung")


def write_xlsx(catalog: ParsedCatalog, items: Iterable[ParsedItem] | None = None) -> bytes:
    """Return the bytes of a workbook: decision details on top, then one row per item."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh mục"
    meta = (
        ("Số:", catalog.decision or ""),
        ("Ngày:", catalog.date.strftime("%d/%m/%Y") if catalog.date else ""),
        ("Lĩnh vực:", catalog.sector or ""),
        ("Tên:", catalog.title or ""),
    )
    for label, value in meta:
        sheet.append([label, value])
    sheet.append([])
    sheet.append(list(HEADER))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for item in catalog.items if items is None else items:
        sheet.append([LEVEL_LABELS[item.level], item.article, item.clause, item.point, item.text])
        sheet.cell(sheet.max_row, 5).alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDE", (12, 8, 8, 8, 100), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
