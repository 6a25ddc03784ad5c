"""Read a catalog laid out in an Excel (.xlsx) sheet with openpyxl (see ``table``)."""

from __future__ import annotations

import io

import openpyxl

from bmnn.catalog.importing import table
from bmnn.catalog.importing.model import ImportProblem, ParsedCatalog


def parse_xlsx(data: bytes) -> ParsedCatalog:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows = [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
            parsed = table.parse_rows(rows)
            if parsed is not None:
                return parsed
    finally:
        workbook.close()
    problem = ImportProblem(
        1,
        "",
        "unknown_layout",
        "Không tìm thấy dòng tiêu đề có các cột “Độ mật”, “Điều”, “Nội dung” (và “Khoản”, “Điểm”) "
        "trong bảng tính. Không nhập mục nào.",
    )
    return ParsedCatalog(None, None, None, None, (), (problem,))
