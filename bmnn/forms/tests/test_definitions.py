import copy
import datetime as dt
import json

import pytest

from bmnn.forms.catalogue import library, select
from bmnn.forms.catalogue.validate import parse_definition

OUTGOING = json.loads((library.DEFINITIONS_DIR / "registers" / "outgoing-2018.json").read_text("utf-8"))


def codes(raw: dict) -> set[str]:
    definition, violations = parse_definition(raw)
    assert definition is None
    return {v.code for v in violations}


def changed(**updates: object) -> dict:
    raw = copy.deepcopy(OUTGOING)
    raw.update(updates)
    return raw


def test_every_shipped_definition_is_valid_and_without_overlap():
    defs = library.shipped()
    assert len(defs) >= 20
    assert select.check_catalogue(defs) == []


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (changed(colour="red"), "unknown_key"),
        (changed(basis=""), "missing_basis"),
        (changed(page={**OUTGOING["page"], "size": "A3"}), "bad_page_size"),
        (
            changed(
                page={**OUTGOING["page"], "margins_mm": {"top": 10, "bottom": 20, "left": 30, "right": 15}}
            ),
            "bad_margin",
        ),
        (
            changed(columns=[*OUTGOING["columns"][:-1], {**OUTGOING["columns"][-1], "field": "ghichu"}]),
            "unknown_field",
        ),
        (changed(columns=[{**OUTGOING["columns"][0], "width_mm": 400}]), "columns_too_wide"),
        (changed(effective_from="01/07/2020"), "bad_date"),
        (changed(source="register.nothing"), "unknown_source"),
    ],
)
def test_a_bad_definition_is_refused_with_its_reason(raw, code):
    assert code in codes(raw)


def test_every_reason_is_given_at_once_in_vietnamese():
    _, violations = parse_definition(
        changed(basis="", colour="x", page={**OUTGOING["page"], "size": "Letter"})
    )
    assert {v.code for v in violations} >= {"missing_basis", "unknown_key", "bad_page_size"}
    assert any("căn cứ pháp lý" in v.message_vi for v in violations)


def test_a_stamp_naming_an_unknown_field_is_refused():
    raw = json.loads((library.DEFINITIONS_DIR / "stamps" / "copy.json").read_text("utf-8"))
    raw["stamp"]["lines"] = ["BẢN SAO SỐ {so_ban}"]
    assert "unknown_field" in codes(raw)


def test_overlapping_validity_of_the_same_form_is_refused():
    new, _ = parse_definition(changed(version="2018.2", effective_from="2024-01-01"))
    assert new is not None
    problems = select.check_catalogue([*library.shipped(), new])
    assert [p.code for p in problems] == ["overlapping_validity"]
    assert "trùng" in problems[0].message_vi


def test_a_correction_that_supersedes_takes_over_from_its_start():
    new, _ = parse_definition(
        changed(version="2018.2", effective_from="2024-01-01", supersedes="register.outgoing@2018.1")
    )
    assert new is not None
    defs = [*library.shipped(), new]
    assert select.check_catalogue(defs) == []
    assert select.select(defs, "register.outgoing", dt.date(2023, 12, 31)).version == "2018.1"
    assert select.select(defs, "register.outgoing", dt.date(2024, 1, 1)).version == "2018.2"
    assert select.select(defs, "register.outgoing", dt.date(2026, 3, 1)).version == "2025.1"


@pytest.mark.parametrize(
    ("on", "version"),
    [(dt.date(2020, 7, 1), "2018.1"), (dt.date(2026, 2, 28), "2018.1"), (dt.date(2026, 3, 1), "2025.1")],
)
def test_the_form_in_force_on_the_register_date_is_chosen(on, version):
    assert select.select(library.shipped(), "register.incoming", on).version == version


@pytest.mark.django_db
def test_no_form_before_the_law_took_effect():
    with pytest.raises(library.DefinitionMissing):
        library.definition_for("register.outgoing", dt.date(2019, 1, 1))
