"""The legal library: lookup by (number, date) and the in-force rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bmnn.legal import LegalText, check_in_force, default_library


@dataclass(frozen=True)
class Ref:
    kind: str
    number: str | None
    date: date | None = None
    title: str | None = None


ND26 = Ref("decree", "26/2020/NĐ-CP", date(2020, 2, 28))


def test_a_2026_plan_citing_decree_26_2020_is_flagged_with_its_replacement() -> None:
    (violation,) = check_in_force(ND26, date(2026, 5, 1))
    assert violation.code == "legal.not_in_force"
    assert "63/2026/NĐ-CP" in violation.message_vi and "01/03/2026" in violation.message_vi
    assert violation.basis


def test_a_2025_plan_citing_decree_26_2020_is_not_flagged() -> None:
    assert check_in_force(ND26, date(2025, 5, 1)) == []


def test_the_day_the_new_regime_starts_is_already_flagged() -> None:
    assert check_in_force(ND26, date(2026, 3, 1))[0].code == "legal.not_in_force"
    assert check_in_force(ND26, date(2026, 2, 28)) == []


@pytest.mark.parametrize(
    ("day", "title_word"), [(date(2018, 7, 4), "không gian mạng"), (date(2019, 11, 15), "tăng cường")]
)
def test_directive_02_of_2018_and_of_2019_are_told_apart_by_date(day: date, title_word: str) -> None:
    (found,) = default_library().get("02/CT-TTg", day)
    assert title_word in found.title


def test_directive_02_without_date_is_ambiguous() -> None:
    (violation,) = check_in_force(Ref("directive", "02"), date(2022, 1, 1))
    assert violation.code == "legal.ambiguous_number"


def test_bare_number_resolves_when_only_one_text_fits() -> None:
    (found,) = default_library().resolve(Ref("directive", "05"), date(2021, 1, 1))
    assert found.number == "05/CT-TTg"


def test_unnamed_law_resolves_to_the_law_in_force_on_the_plan_date() -> None:
    law = Ref("law", None, title="Luật Bảo vệ bí mật nhà nước")
    assert [t.number for t in default_library().resolve(law, date(2021, 6, 1))] == ["29/2018/QH14"]
    assert [t.number for t in default_library().resolve(law, date(2026, 6, 1))] == ["117/2025/QH15"]


def test_number_lookup_ignores_d_with_stroke_and_spaces() -> None:
    assert default_library().get("26 / 2020 / ND-CP")[0].number == "26/2020/NĐ-CP"


def test_a_known_number_with_an_unknown_date_is_reported() -> None:
    (violation,) = check_in_force(Ref("directive", "02/CT-TTg", date(2018, 7, 5)), date(2022, 1, 1))
    assert violation.code == "legal.date_mismatch"


def test_texts_of_unknown_status_are_not_flagged() -> None:
    assert check_in_force(Ref("directive", "02/CT-TTg", date(2019, 11, 15)), date(2026, 6, 1)) == []


def test_citing_a_law_before_it_takes_effect_is_noted() -> None:
    (violation,) = check_in_force(Ref("law", "117/2025/QH15"), date(2026, 1, 10))
    assert violation.code == "legal.not_yet_in_force"


def test_user_added_entries_are_looked_up_and_checked() -> None:
    extra = LegalText(
        number="12/KH-UBND",
        kind="plan",
        title="Kế hoạch của tỉnh",
        issued_on=date(2020, 1, 2),
        effective_from=date(2020, 1, 2),
        effective_to=date(2021, 1, 1),
        replaced_by="3/KH-UBND",
    )
    library = default_library().with_entries([extra])
    (found,) = library.get("12/KH-UBND", date(2020, 1, 2))
    assert found.user_added
    assert check_in_force(Ref("plan", "12/KH-UBND", date(2020, 1, 2)), date(2022, 1, 1), library)[0].code == (
        "legal.not_in_force"
    )
    assert default_library().get("12/KH-UBND") == []


def test_every_shipped_entry_names_its_source_and_confidence() -> None:
    for entry in default_library().entries:
        assert entry.source and entry.confidence in {"H", "M", "L"}, entry.number
