"""Register columns and envelope instructions come from versioned data files, chosen by the year."""

import pytest

from bmnn.registers import layouts


@pytest.mark.parametrize(
    ("kind", "year", "layout_id"),
    [
        ("outgoing", 2025, "outgoing-2020"),
        ("outgoing", 2026, "outgoing-2026"),
        ("incoming", 2021, "incoming-2020"),
        ("handover", 2027, "handover-2026"),
        ("copy", 2024, "copy-2020"),
    ],
)
def test_the_layout_is_chosen_by_the_registers_year(kind, year, layout_id):
    assert layouts.layout_for(kind, year).id == layout_id


def test_every_layout_starts_with_the_number_and_cites_its_form():
    for layout in layouts.all_layouts():
        assert layout.columns[0].field == "seq"
        assert "Mẫu" in layout.legal_basis or "Phụ lục" in layout.legal_basis


@pytest.mark.parametrize(
    ("level", "letter", "envelopes"), [("top_secret", "A", 2), ("secret", "B", 1), ("confidential", "C", 1)]
)
def test_envelopes_follow_the_level(level, letter, envelopes):
    env = layouts.envelope_for(level, named_addressee=False)
    assert (env.letter, env.envelopes) == (letter, envelopes)
    assert "Chỉ người có tên" not in env.text()
    assert "Chỉ người có tên mới được bóc bì" in layouts.envelope_for(level, named_addressee=True).text()
