"""The reference parser: shapes from the seeds and properties under PDF/TXT damage."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bmnn.plans.importing.normalize import reflow
from bmnn.plans.importing.refs import canonical_symbol, find_legal_refs


@pytest.mark.parametrize(
    ("text", "kind", "number", "day", "article"),
    [
        ("Nghị định số 26/2020/NĐ-CP ngày 28/02/2020", "decree", "26/2020/NĐ-CP", date(2020, 2, 28), None),
        (
            "Quyết định 1082/QĐ-UBND ngày 15/4/2014 về Quy chế",
            "decision",
            "1082/QĐ-UBND",
            date(2014, 4, 15),
            None,
        ),
        ("Chỉ thị số 05 của Thủ tướng Chính phủ", "directive", "05", None, None),
        ("Chỉ thị số 02/CT-\nTTg ngày 15/11/2019", "directive", "02/CT-TTg", date(2019, 11, 15), None),
        ("Nghị quyết số 18-NQ/TW ngày 25/10/2017", "resolution", "18-NQ/TW", date(2017, 10, 25), None),
        (
            "Thông tư 24/2020/TT-BCA ngày 10 tháng 3 năm 2020",
            "circular",
            "24/2020/TT-BCA",
            date(2020, 3, 10),
            None,
        ),
        (
            "khoản 1 và khoản 2 Điều 8 Nghị định số 26/2020/NĐ-CP",
            "decree",
            "26/2020/NĐ-CP",
            None,
            "khoản 1 và khoản 2 Điều 8",
        ),
        ("theo quy định tại Điều 7 Nghị định 26/2020/NĐ-CP ngày", "decree", "26/2020/NĐ-CP", None, "Điều 7"),
        ("Luật Bảo vệ bí mật nhà nước số 117/2025/QH15", "law", "117/2025/QH15", None, None),
        ("NĐ 26/2020/ND-CP", "decree", "26/2020/NĐ-CP", None, None),
    ],
)
def test_reference_shapes_from_the_seed_plans(
    text: str, kind: str, number: str, day: date | None, article: str | None
) -> None:
    (ref,) = find_legal_refs(text)
    assert (ref.kind, ref.number, ref.date, ref.article) == (kind, number, day, article)


def test_article_level_reference_lists_its_clauses() -> None:
    (ref,) = find_legal_refs("khoản 1 và khoản 2 Điều 8 Nghị định số 26/2020/NĐ-CP")
    assert ref.article_no == 8
    assert ref.clauses == (1, 2)


def test_same_number_is_kept_twice_when_dates_differ() -> None:
    text = "Chỉ thị số 02/CT-TTg ngày 04/7/2018 về không gian mạng; Chỉ thị số 02/CT-TTg ngày 15/11/2019"
    assert [r.date for r in find_legal_refs(text)] == [date(2018, 7, 4), date(2019, 11, 15)]


def test_unnamed_law_is_a_reference_without_number() -> None:
    (ref,) = find_legal_refs("theo quy định tại Điều 23, Luật bảo vệ BMNN.")
    assert (ref.kind, ref.number, ref.title, ref.article) == (
        "law",
        None,
        "Luật Bảo vệ bí mật nhà nước",
        "Điều 23",
    )


@pytest.mark.parametrize(
    "text", ["nghiên cứu Luật, Nghị định, Thông tư của Trung ương", "Kế hoạch này", "Kế hoạch 5 nội"]
)
def test_kind_words_without_a_number_are_not_references(text: str) -> None:
    assert find_legal_refs(text) == []


def test_canonical_symbol_restores_d_with_stroke_and_ttg() -> None:
    assert canonical_symbol("26 / 2020 / ND - CP") == "26/2020/NĐ-CP"
    assert canonical_symbol("05/CT-TTG") == "05/CT-TTg"


# --- properties -------------------------------------------------------------

KINDS = st.sampled_from(
    [
        ("Nghị định", "decree", "NĐ-CP"),
        ("Quyết định", "decision", "QĐ-UBND"),
        ("Thông tư", "circular", "TT-BCA"),
    ]
)


@st.composite
def written_refs(draw: st.DrawFn) -> tuple[str, str, str, date]:
    """A reference as a clerk might type it, plus its expected canonical symbol and date."""
    kind_vi, kind, suffix = draw(KINDS)
    number = draw(st.integers(1, 2999))
    year = draw(st.integers(1990, 2030))
    day = draw(st.dates(date(1990, 1, 1), date(2030, 12, 31)))
    so = draw(st.sampled_from(["số ", "", "số: "]))
    written_suffix = suffix.replace("Đ", draw(st.sampled_from(["Đ", "D"])))
    sep = draw(st.sampled_from(["/", " / ", "/ "]))
    dash = draw(st.sampled_from(["-", " - ", "- "]))
    head, tail = written_suffix.split("-")
    padded = draw(st.booleans())
    dated = f"{day.day:02d}/{day.month:02d}/{day.year}" if padded else f"{day.day}/{day.month}/{day.year}"
    text = f"{kind_vi} {so}{number}{sep}{year}{sep}{head}{dash}{tail} ngày {dated}"
    return text, kind, f"{number}/{year}/{suffix}", day


@settings(max_examples=150, deadline=None)
@given(written_refs(), st.data())
def test_reference_survives_line_breaks_spacing_so_and_d_variants(
    case: tuple[str, str, str, date], data: st.DataObject
) -> None:
    text, kind, symbol, day = case
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    breaks = data.draw(st.sets(st.sampled_from(spaces), max_size=3)) if spaces else set()
    damaged = "".join("\n" if i in breaks else ch for i, ch in enumerate(text))
    for source in (damaged, " ".join(reflow(damaged.split("\n")))):
        refs = find_legal_refs(f"Căn cứ {source} của Chính phủ;")
        assert [(r.kind, r.number, r.date) for r in refs] == [(kind, symbol, day)]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abcdđêơưáàảãạ ĐDNQTCK0123456789/-.,;\n", max_size=80))
def test_reference_parser_never_crashes_and_numbers_contain_digits(text: str) -> None:
    for ref in find_legal_refs(text):
        assert ref.number is None or any(ch.isdigit() for ch in ref.number)
