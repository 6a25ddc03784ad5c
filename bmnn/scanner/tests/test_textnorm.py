import pytest

from bmnn.scanner.textnorm import canon, normalize


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("TỐI MẬT", "tối mật"),
        ("T Ố I  M Ậ T", "tối mật"),
        ("TỐI\nMẬT", "tối mật"),
        ("TUYỆT\u00a0MẬT", "tuyệt mật"),
        ("TỐI\u200b MẬT", "tối mật"),
        ("To\u0302\u0301i ma\u0323\u0302t", "tối mật"),
        ("Hỏa tốc", "hoả tốc"),
        ("thủy", "thuỷ"),
    ],
)
def test_variants_of_a_marking_normalise_to_one_form(source, expected):
    import unicodedata

    assert normalize(unicodedata.normalize("NFC", source)).text == expected


def test_every_normalised_character_maps_back_to_its_source():
    source = "Số: 12\t T Ố I  M Ậ T"
    norm = normalize(source)
    start = norm.text.index("tối")
    s, e = norm.source_span(start, len(norm.text))
    assert source[s:e] == "T Ố I  M Ậ T"


def test_accents_are_kept_so_mat_and_mat_with_other_tones_differ():
    assert normalize("mất").text != normalize("mật").text
    assert canon("mặt") != canon("mật")


def test_ordinary_short_words_are_not_glued_together():
    assert normalize("đi ở lại").text == "đi ở lại"
