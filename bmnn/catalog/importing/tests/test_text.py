from __future__ import annotations

import datetime

import pytest

from bmnn.catalog.importing import citation, parse_bytes, parse_text
from bmnn.catalog.importing.tests.conftest import MINI, to_cp1258

EXPECTED_SAMPLE = [
    # level, article, clause, point, start of text, line, citation
    ("top_secret", "1", "", "", "Văn bản về quá trình chuẩn bị", 12, "Điều 1 Quyết định 2500/QĐ-TTg"),
    (
        "secret",
        "2",
        "1",
        "a",
        "Đề án cơ cấu tổ chức của Chính phủ",
        19,
        "Điểm a khoản 1 Điều 2 Quyết định 2500/QĐ-TTg",
    ),
    (
        "secret",
        "2",
        "1",
        "b",
        "Đề án thành lập mới, sáp nhập",
        20,
        "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg",
    ),
    (
        "secret",
        "2",
        "2",
        "a",
        "Văn bản về xây dựng, quản lý đội ngũ",
        23,
        "Điểm a khoản 2 Điều 2 Quyết định 2500/QĐ-TTg",
    ),
    (
        "secret",
        "2",
        "2",
        "b",
        "Văn bản về chủ trương, báo cáo",
        24,
        "Điểm b khoản 2 Điều 2 Quyết định 2500/QĐ-TTg",
    ),
    (
        "secret",
        "2",
        "3",
        "",
        "Báo cáo, văn bản về tổ chức và hoạt động",
        27,
        "Khoản 3 Điều 2 Quyết định 2500/QĐ-TTg",
    ),
    (
        "confidential",
        "3",
        "1",
        "",
        "Văn bản trình, quyết định giao",
        31,
        "Khoản 1 Điều 3 Quyết định 2500/QĐ-TTg",
    ),
    ("confidential", "3", "2", "", "Đề án cải cách tiền lương", 33, "Khoản 2 Điều 3 Quyết định 2500/QĐ-TTg"),
]


def test_sample_decision_header_is_read(sample_text: str) -> None:
    parsed = parse_text(sample_text)
    assert parsed.decision == "2500/QĐ-TTg"
    assert parsed.date == datetime.date(2025, 11, 17)
    assert parsed.sector == "tổ chức, cán bộ, lao động và xã hội"
    assert parsed.title is not None and parsed.title.startswith("Ban hành Danh mục bí mật nhà nước")


def test_sample_decision_yields_every_item_with_its_citation(sample_text: str) -> None:
    parsed = parse_text(sample_text)
    got = [
        (i.level, i.article, i.clause, i.point, i.line, citation(i, parsed.decision)) for i in parsed.items
    ]
    assert got == [(lv, a, c, p, ln, cit) for lv, a, c, p, _, ln, cit in EXPECTED_SAMPLE]
    for item, expected in zip(parsed.items, EXPECTED_SAMPLE, strict=True):
        assert item.text.startswith(expected[4])


def test_text_is_joined_across_hard_line_breaks(sample_text: str) -> None:
    items = {(i.article, i.clause, i.point): i for i in parse_text(sample_text).items}
    assert items[("2", "1", "b")].text.endswith("cơ quan ngang bộ khi chưa được Quốc hội thông qua")
    assert "điều động, luân chuyển" in items[("2", "2", "b")].text
    assert items[("1", "", "")].text.endswith("Thường trực Ban Bí thư chưa công khai")


def test_clause_heading_becomes_context_of_its_points(sample_text: str) -> None:
    items = {(i.article, i.clause, i.point): i for i in parse_text(sample_text).items}
    assert items[("2", "1", "a")].context == "Đề án về tổ chức bộ máy"
    assert items[("2", "3", "")].context == ""


def test_closing_article_without_level_is_reported_not_dropped(sample_text: str) -> None:
    problems = parse_text(sample_text).problems
    assert [(p.code, p.line) for p in problems] == [("article_without_level", 35)]
    assert "Điều 4" in problems[0].message_vi


def test_sample_survives_windows_1258_with_a_conversion_note(sample_text: str) -> None:
    parsed = parse_bytes(to_cp1258(sample_text), "danh-muc.txt")
    assert len(parsed.items) == 8
    assert parsed.problems[0].code == "converted_cp1258"


@pytest.mark.parametrize(
    ("legacy_text", "code"),
    [
        (
            "Ñieàu 1. Bí maät nhaø nöôùc ñoä Tuyeät maät goàm: Vaên baûn veà quaù trình chuaån bò",
            "legacy_encoding_vni",
        ),
        (
            "§iÒu 1. BÝ mËt nhµ n\xadíc ®é TuyÖt mËt gåm: V¨n b¶n vÒ qu¸ tr×nh chuÈn bÞ",
            "legacy_encoding_tcvn3",
        ),
    ],
)
@pytest.mark.parametrize("codec", ["cp1252", "utf-8"])
def test_legacy_font_encodings_are_refused_with_a_vietnamese_message(
    legacy_text: str, code: str, codec: str
) -> None:
    parsed = parse_bytes(legacy_text.encode(codec), "danh-muc.txt")
    assert parsed.items == ()
    assert [p.code for p in parsed.problems] == [code]
    assert "Unicode" in parsed.problems[0].message_vi


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Báo cáo tổng kết công tác năm 2025\n1. Kết quả\na) Tốt\n", "unknown_layout"),
        ("", "unknown_layout"),
        ("Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định…\n", "unknown_layout"),
    ],
)
def test_unknown_layout_gives_a_problem_and_no_items(text: str, code: str) -> None:
    parsed = parse_text(text)
    assert parsed.items == ()
    assert parsed.problems[0].code == code


@pytest.mark.parametrize(
    ("body", "codes", "items"),
    [
        # clause numbers out of order
        ("Điều 1. Bí mật nhà nước độ Mật gồm:\n1. A x\n3. B y\n", ["numbering"], 2),
        # point letters out of order
        ("Điều 1. Bí mật nhà nước độ Mật gồm:\n1. Nhóm:\na) A x\nc) B y\n", ["numbering"], 2),
        # nested numbering is not supported and is said so
        ("Điều 1. Bí mật nhà nước độ Mật gồm:\n1. A x\n1.1. B y\n", ["nested_numbering"], 1),
        # an article with a level but nothing in it
        (
            "Điều 1. Bí mật nhà nước độ Mật gồm:\nĐiều 2. Bí mật nhà nước độ Tối mật gồm:\n1. X\n",
            ["empty_article"],
            1,
        ),
        # the signature block is reported, never glued onto the last item
        ("Điều 1. Bí mật nhà nước độ Mật gồm:\n1. A x.\nNơi nhận:\n- Như Điều 3;\n", ["closing_block"], 1),
        # numbered lines before the first article
        ("1. lạc chỗ\nĐiều 1. Bí mật nhà nước độ Mật gồm:\n1. A\n", ["before_first_article"], 1),
    ],
)
def test_doubtful_lines_become_problems(body: str, codes: list[str], items: int) -> None:
    parsed = parse_text(body)
    assert [p.code for p in parsed.problems] == codes
    assert len(parsed.items) == items


def test_article_lead_in_is_context_for_its_clauses() -> None:
    text = (
        "Điều 1. Bí mật nhà nước độ Tuyệt mật gồm:\nThông tin về nhiệm vụ khoa học đặc biệt, gồm:\n"
        "1. Chương trình, thuyết minh.\n2. Báo cáo thẩm định.\n"
    )
    parsed = parse_text(text)
    assert [(i.clause, i.text, i.context) for i in parsed.items] == [
        ("1", "Chương trình, thuyết minh", "Thông tin về nhiệm vụ khoa học đặc biệt, gồm"),
        ("2", "Báo cáo thẩm định", "Thông tin về nhiệm vụ khoa học đặc biệt, gồm"),
    ]


def test_text_on_the_heading_line_after_gom_is_the_item() -> None:
    parsed = parse_text("ĐIỀU 1. BÍ MẬT NHÀ NƯỚC ĐỘ TUYỆT MẬT GỒM: Văn bản A chưa công khai.\n")
    assert [(i.level, i.text) for i in parsed.items] == [("top_secret", "Văn bản A chưa công khai")]


def test_decomposed_input_is_stored_nfc() -> None:
    import unicodedata

    parsed = parse_text(unicodedata.normalize("NFD", MINI))
    assert parsed.items[0].text == unicodedata.normalize("NFC", parsed.items[0].text)
    assert parsed.items[0].text.startswith("Phương án")
    assert parsed.decision == "19/QĐ-TTg"


def test_unsupported_extension_is_refused() -> None:
    assert parse_bytes(b"%PDF-1.7", "dm.pdf").problems[0].code == "unsupported_format"


def test_corrupt_office_file_is_reported_unreadable() -> None:
    assert parse_bytes(b"not a zip", "dm.xlsx").problems[0].code == "unreadable_file"
    assert parse_bytes(b"not a zip", "dm.docx").problems[0].code == "unreadable_file"
