from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest

# A copy of shared/samples/catalogs/danh-muc-mau-qd2500.txt, so CI never depends on where shared/ is.
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "danh-muc-mau-qd2500.txt"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# A small decision in the real layout, used when the shared sample is not on this machine.
MINI = """THỦ TƯỚNG CHÍNH PHỦ
Số: 19/QĐ-TTg
Hà Nội, ngày 06 tháng 01 năm 2026

QUYẾT ĐỊNH
Ban hành Danh mục bí mật nhà nước thuộc lĩnh vực văn hóa, thông tin

Điều 1. Bí mật nhà nước độ Tối mật gồm:
1. Phương án, kế hoạch bảo đảm an ninh, an toàn bảo tàng;
2. Phương án, kế hoạch bảo đảm an ninh, an toàn di tích lịch sử có tranh chấp về chủ quyền quốc gia.
Điều 2. Bí mật nhà nước độ Mật gồm:
1. Kế hoạch phát thanh, phát sóng trong tình huống Nhà nước ban bố tình trạng khẩn cấp.
"""


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps ă â ê ô ơ ư đ precomposed and writes tones as combining bytes."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def make_docx(paragraphs: list[str], numbered: dict[int, int] | None = None) -> bytes:
    """Build a .docx; ``numbered`` maps paragraph index → list level for Word auto-numbering."""
    document = docx.Document()
    for index, text in enumerate(paragraphs):
        paragraph = document.add_paragraph(text)
        if numbered and index in numbered:
            p_pr = paragraph._p.get_or_add_pPr()
            num_pr = p_pr._add_numPr()
            num_pr._add_ilvl().val = numbered[index]
            num_pr._add_numId().val = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
