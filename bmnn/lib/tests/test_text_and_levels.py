import pytest

from bmnn.lib import levels
from bmnn.lib.vntext import fold, nfc


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("mật", "mat"),
        ("mất", "mat"),
        ("mặt", "mat"),
        ("ĐỀ ÁN", "de an"),
        ("Đường  đi\n", "duong di"),
        ("Tuyệt mật", "tuyet mat"),
    ],
)
def test_folding_removes_accents_case_and_d_stroke(text, folded):
    assert fold(text) == folded


def test_nfc_composes_decomposed_vietnamese():
    composed = "T\u1ed1i m\u1eadt"  # "Tối mật" as precomposed code points
    assert nfc("To\u0302\u0301i ma\u0323\u0302t") == composed


@pytest.mark.parametrize(
    ("clearance", "level", "allowed"),
    [
        ("none", "confidential", False),
        ("confidential", "confidential", True),
        ("confidential", "secret", False),
        ("secret", "secret", True),
        ("secret", "top_secret", False),
        ("top_secret", "top_secret", True),
        ("top_secret", "confidential", True),
    ],
)
def test_a_clearance_covers_its_level_and_those_below(clearance, level, allowed):
    assert levels.covers(clearance, level) is allowed


def test_an_unknown_level_is_refused_not_treated_as_lowest():
    with pytest.raises(ValueError, match="Độ mật không hợp lệ"):
        levels.rank("mat")


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (("2", "1", "b", "2500/QĐ-TTg"), "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg"),
        (("3", "2", "", "19/QĐ-TTg"), "Khoản 2 Điều 3 Quyết định 19/QĐ-TTg"),
        (("1", "", "", None), "Điều 1"),
    ],
)
def test_a_catalog_item_is_cited_point_clause_article_then_decision(args, text):
    from bmnn.lib.citation import format_citation

    assert format_citation(*args) == text
