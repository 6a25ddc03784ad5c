from __future__ import annotations

import datetime

import pytest

from bmnn.catalog.importing import parse_bytes, parse_text, write_xlsx
from bmnn.catalog.importing.tests.conftest import MINI, make_docx, make_xlsx


def test_docx_with_typed_numbers_reads_like_text() -> None:
    parsed = parse_bytes(make_docx(MINI.splitlines()), "qd19.docx")
    assert parsed.decision == "19/QĐ-TTg"
    assert parsed.date == datetime.date(2026, 1, 6)
    assert [(i.level, i.article, i.clause) for i in parsed.items] == [
        ("secret", "1", "1"),
        ("secret", "1", "2"),
        ("confidential", "2", "1"),
    ]
    assert parsed.problems == ()


def test_docx_auto_numbering_is_rebuilt_and_flagged() -> None:
    paragraphs = [
        "Điều 1. Bí mật nhà nước độ Tối mật gồm:",
        "Đề án về tổ chức bộ máy:",
        "Đề án A khi chưa được Quốc hội thông qua;",
        "Đề án B khi chưa được Quốc hội thông qua.",
        "Báo cáo C.",
    ]
    parsed = parse_bytes(make_docx(paragraphs, numbered={1: 0, 2: 1, 3: 1, 4: 0}), "dm.docx")
    assert [(i.clause, i.point, i.text) for i in parsed.items] == [
        ("1", "a", "Đề án A khi chưa được Quốc hội thông qua"),
        ("1", "b", "Đề án B khi chưa được Quốc hội thông qua"),
        ("2", "", "Báo cáo C"),
    ]
    assert parsed.problems[0].code == "auto_numbering"


@pytest.mark.parametrize(
    "header",
    [
        ["Độ mật", "Điều", "Khoản", "Điểm", "Nội dung"],
        ["DO MAT", "Dieu", "khoan", "diem", "noi dung"],
        ["STT", "Mức độ mật", "Điều", "Khoản", "Điểm", "Nội dung"],
    ],
)
def test_xlsx_header_is_found_with_or_without_accents(header: list[str]) -> None:
    offset = len(header) - 5
    rows = [["Danh mục BMNN"], header]
    rows.append([1] * offset + ["Tối mật", 2, 1, "b", "Đề án sáp nhập bộ khi chưa được Quốc hội thông qua"])
    rows.append([2] * offset + ["M", "Điều 3", "2", "", "Đề án cải cách tiền lương;"])
    parsed = parse_bytes(make_xlsx(rows), "dm.xlsx")
    assert [(i.level, i.article, i.clause, i.point, i.line) for i in parsed.items] == [
        ("secret", "2", "1", "b", 3),
        ("confidential", "3", "2", "", 4),
    ]
    assert parsed.items[1].text == "Đề án cải cách tiền lương"


def test_xlsx_rows_missing_level_or_text_are_reported() -> None:
    rows = [["Độ mật", "Điều", "Nội dung"], ["Rất mật", 1, "X"], ["Mật", 1, ""], ["Mật", 1, "Y"]]
    parsed = parse_bytes(make_xlsx(rows), "dm.xlsx")
    assert [i.text for i in parsed.items] == ["Y"]
    assert [(p.code, p.line) for p in parsed.problems] == [("incomplete_row", 2), ("incomplete_row", 3)]
    assert "độ mật" in parsed.problems[0].message_vi


def test_xlsx_without_header_is_unknown_layout() -> None:
    parsed = parse_bytes(make_xlsx([["a", "b"], ["c", "d"]]), "dm.xlsx")
    assert parsed.items == ()
    assert parsed.problems[0].code == "unknown_layout"


def test_export_then_import_gives_the_same_catalog(sample_text: str) -> None:
    original = parse_text(sample_text)
    again = parse_bytes(write_xlsx(original), "export.xlsx")
    strip = [(i.level, i.article, i.clause, i.point, i.text) for i in original.items]
    assert [(i.level, i.article, i.clause, i.point, i.text) for i in again.items] == strip
    assert (again.decision, again.date, again.sector, again.title) == (
        original.decision,
        original.date,
        original.sector,
        original.title,
    )
    assert again.problems == ()
