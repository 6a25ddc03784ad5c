"""Pure rules of issue #3: classification, periods, extension, re-level, declassification.

Cases come from Luật 29/2018/QH14 (regime ``2018``) and Luật 117/2025/QH15 (regime
``2025``); no database, no clock.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest

from bmnn.registry.rules import (
    Act,
    BasisItem,
    ClassificationRequest,
    DeciderAuthority,
    DeclassificationRequest,
    ExtensionRequest,
    ItemKind,
    ItemState,
    ItemStatus,
    Level,
    Period,
    PositionKind,
    RelevelRequest,
    auto_declassification_due,
    check_classification,
    check_declassification,
    check_extension,
    check_relevel,
    check_summary_allowed,
    extended_end,
    extension_last_day,
    notification_due,
    protection_end,
    relevel_protection_end,
)
from bmnn.registry.rulesets import load_ruleset, ruleset_for

TS, S, C = Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL
R2018, R2025 = load_ruleset("2018"), load_ruleset("2025")

HEAD = DeciderAuthority(PositionKind.HEAD, max_level=TS)
DEPUTY = DeciderAuthority(PositionKind.DEPUTY_HEAD, max_level=TS)
DEPUTY_NO_OWN = DeciderAuthority(PositionKind.DEPUTY_HEAD, max_level=None)
CLERK = DeciderAuthority(PositionKind.OTHER, max_level=None)


def delegated(**changes: object) -> DeciderAuthority:
    """A deputy without own authority holding a written delegation from the head."""
    base = DeciderAuthority(
        PositionKind.DEPUTY_HEAD,
        max_level=None,
        delegated_from=PositionKind.HEAD,
        delegation_valid_from=date(2020, 1, 1),
        delegation_valid_to=None,
        delegation_scope_max_level=TS,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# QĐ 2500/QĐ-TTg of 17/11/2025, Tối mật 1b (domain.md §8); an older catalog item for 2018 acts.
ITEM_2500_1B = BasisItem("2500-1b", S, "điểm b khoản 1 Điều 1 QĐ 2500/QĐ-TTg", date(2025, 11, 17))
ITEM_2500_TM = BasisItem("2500-tm", TS, "khoản 1 Điều 1 QĐ 2500/QĐ-TTg (Tuyệt mật)", date(2025, 11, 17))
ITEM_2500_M = BasisItem("2500-m", C, "khoản 1 Điều 3 QĐ 2500/QĐ-TTg", date(2025, 11, 17))
ITEM_1441 = BasisItem("1441-2a", S, "điểm a khoản 2 Điều 1 QĐ 1441/QĐ-TTg", date(2020, 9, 23))


def codes(violations: list) -> set[str]:
    return {v.code for v in violations}


# ------------------------------------------------------------------------ rule sets
@pytest.mark.parametrize(
    ("act_date", "regime"),
    [
        (date(2020, 7, 1), "2018"),
        (date(2026, 2, 28), "2018"),
        (date(2026, 3, 1), "2025"),
        (date(2030, 1, 1), "2025"),
        (date(2015, 5, 5), "2018"),  # older regimes are not modelled: earliest shipped one
    ],
)
def test_the_rule_set_is_chosen_by_the_date_of_the_act(act_date: date, regime: str) -> None:
    assert ruleset_for(act_date).code == regime


@pytest.mark.parametrize("regime", ["2018", "2025"])
def test_every_value_carries_a_legal_basis_and_a_confidence_mark(regime: str) -> None:
    from bmnn.registry.rulesets import VALUE_KEYS

    rs = load_ruleset(regime)
    for key in VALUE_KEYS:
        value = rs.rule(key)
        assert value.basis.strip() and value.confidence in {"H", "M", "L"}, key
    assert all(c.basis and c.confidence in {"H", "M", "L"} for c in rs.citations.values())


# Values the docs rate [M]/[L] that deliberately are not settings (see rules/__init__.py).
FIXED_ON_PURPOSE = {"top_secret_summary", "classify_outside_catalog_prohibited", "prohibited_acts"}


@pytest.mark.parametrize("regime", ["2018", "2025"])
def test_every_uncertain_value_is_a_setting_an_admin_can_change(regime: str) -> None:
    from bmnn.registry.rulesets import VALUE_KEYS

    rs = load_ruleset(regime)
    uncertain = {k for k in VALUE_KEYS if rs.rule(k).confidence != "H"} - FIXED_ON_PURPOSE
    assert uncertain <= set(rs.settings())


@pytest.mark.parametrize(
    ("regime", "key", "expected", "confidence", "is_setting"),
    [
        ("2018", "protection_years", {TS: 30, S: 20, C: 10}, "H", False),
        ("2025", "protection_years", {TS: 30, S: 20, C: 10}, "L", True),
        ("2018", "extension_min_days_before_expiry", 60, "H", False),
        ("2025", "extension_min_days_before_expiry", 60, "L", True),
        ("2018", "notify_days_relevel", 15, "H", False),
        ("2025", "notify_days_relevel", 15, "H", False),
        ("2018", "classify_positions", {PositionKind.HEAD}, "H", False),
        ("2025", "classify_positions", {PositionKind.HEAD, PositionKind.DEPUTY_HEAD}, "M", True),
        ("2018", "top_secret_summary", "with_consent", "H", False),
        ("2025", "top_secret_summary", "forbidden", "M", False),
        ("2018", "classify_outside_catalog_prohibited", False, "H", False),
        ("2025", "classify_outside_catalog_prohibited", True, "M", False),
    ],
)
def test_rule_set_values_are_those_the_docs_give(
    regime: str, key: str, expected: object, confidence: str, is_setting: bool
) -> None:
    value = load_ruleset(regime).rule(key)
    assert (dict(value.value) if isinstance(expected, dict) else value.value) == expected
    assert (value.confidence, value.setting) == (confidence, is_setting)


@pytest.mark.parametrize(("regime", "count", "new_in_2025"), [("2018", 9, False), ("2025", 11, True)])
def test_the_2025_law_adds_classifying_outside_the_catalog_and_ai_to_prohibited_acts(
    regime: str, count: int, new_in_2025: bool
) -> None:
    acts = load_ruleset(regime).prohibited_acts.value
    assert len(acts) == count
    assert ({"classify_outside_catalog", "ai_infringement"} <= {a.code for a in acts}) is new_in_2025


def test_an_admin_override_returns_a_new_rule_set_and_leaves_the_shipped_one_unchanged() -> None:
    from bmnn.registry.rulesets import apply_overrides

    changed = apply_overrides(
        R2025, {"protection_years": {"top_secret": 25, "secret": 15, "confidential": 5}}
    )
    assert changed.protection_years.value[TS] == 25 and changed.protection_years.overridden
    assert changed.protection_years.basis == R2025.protection_years.basis
    assert R2025.protection_years.value[TS] == 30
    with pytest.raises(AttributeError):
        changed.code = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"no_such_key": 1}, "không phải là một giá trị"),
        ({"extension_min_days_before_expiry": "60"}, "số nguyên"),
        ({"extension_min_days_before_expiry": True}, "số nguyên"),
        ({"deputy_delegation_allowed": 1}, "đúng/sai"),
        ({"protection_years": {"top_secret": 30}}, "đủ và chỉ có"),
        ({"classify_positions": ["minister"]}, "head"),
        ({"top_secret_summary": "allowed"}, "không được thay đổi"),  # fixed by law, not a setting
        ({"leap_day_rule": "feb_29"}, "một trong"),
    ],
)
def test_an_invalid_override_is_refused_with_a_vietnamese_message(overrides: dict, fragment: str) -> None:
    from bmnn.registry.rulesets import RuleSetError, apply_overrides

    with pytest.raises(RuleSetError) as caught:
        apply_overrides(R2025, overrides)
    assert any(fragment in m for m in caught.value.messages)


def test_every_problem_of_an_override_is_reported_at_once() -> None:
    from bmnn.registry.rulesets import RuleSetError, apply_overrides

    with pytest.raises(RuleSetError) as caught:
        apply_overrides(R2018, {"bogus": 1, "protection_years": {}, "leap_day_rule": 3})
    assert len(caught.value.messages) == 3


def test_overrides_are_keyed_by_regime_and_only_touch_that_regime() -> None:
    overrides = {"2025": {"extension_min_days_before_expiry": 90}}
    assert ruleset_for(date(2026, 5, 1), overrides).extension_min_days_before_expiry.value == 90
    assert ruleset_for(date(2025, 5, 1), overrides).extension_min_days_before_expiry.value == 60


def test_a_rule_set_file_missing_a_citation_is_refused() -> None:
    import json

    from bmnn.registry.rulesets import DATA_DIR, RuleSetError, parse_ruleset

    data = json.loads((DATA_DIR / "2018.json").read_text(encoding="utf-8"))
    del data["citations"]["highest_level"]
    with pytest.raises(RuleSetError, match="highest_level"):
        parse_ruleset(data)


# ------------------------------------------------------------------------ periods
@pytest.mark.parametrize(
    ("level", "classified_on", "kind", "regime", "shorter", "expected"),
    [
        (S, date(2020, 7, 1), ItemKind.PAPER_DOCUMENT, "2018", None, date(2040, 7, 1)),  # issue #3 example
        (TS, date(2020, 7, 1), ItemKind.PAPER_DOCUMENT, "2018", None, date(2050, 7, 1)),
        (C, date(2021, 3, 15), ItemKind.ELECTRONIC_DOCUMENT, "2018", None, date(2031, 3, 15)),
        (S, date(2026, 4, 2), ItemKind.PAPER_DOCUMENT, "2025", None, date(2046, 4, 2)),
        (C, date(2024, 2, 29), ItemKind.OBJECT, "2018", None, date(2034, 2, 28)),  # no 29/02 in 2034
        (S, date(2020, 2, 29), ItemKind.OBJECT, "2018", None, date(2040, 2, 29)),  # 2040 is a leap year
        (TS, date(2020, 7, 1), ItemKind.PLACE, "2018", None, None),  # until no longer used
        (S, date(2026, 4, 2), ItemKind.PLACE, "2025", None, None),
        (S, date(2026, 4, 2), ItemKind.ACTIVITY, "2025", Period(years=2), date(2028, 4, 2)),
        (C, date(2021, 1, 10), ItemKind.ACTIVITY, "2018", date(2021, 12, 31), date(2021, 12, 31)),
        (C, date(2021, 1, 31), ItemKind.ACTIVITY, "2018", Period(months=1), date(2021, 2, 28)),
    ],
)
def test_protection_ends_the_levels_number_of_years_after_classification(
    level: Level, classified_on: date, kind: ItemKind, regime: str, shorter: object, expected: date | None
) -> None:
    assert protection_end(level, classified_on, kind, load_ruleset(regime), shorter) == expected  # type: ignore[arg-type]


def test_the_leap_day_rule_is_a_setting_that_can_move_29_february_to_1_march() -> None:
    rs = ruleset_for(date(2024, 2, 29), {"2018": {"leap_day_rule": "mar_1"}})
    assert protection_end(C, date(2024, 2, 29), ItemKind.PAPER_DOCUMENT, rs) == date(2034, 3, 1)


@pytest.mark.parametrize(
    ("kind", "shorter"),
    [
        (ItemKind.PAPER_DOCUMENT, Period(years=1)),  # only activities may be shorter
        (ItemKind.ACTIVITY, Period(years=20)),  # not shorter than Tối mật's 20 years
    ],
)
def test_protection_end_refuses_an_unlawful_shorter_period(kind: ItemKind, shorter: Period) -> None:
    with pytest.raises(ValueError):
        protection_end(S, date(2020, 7, 1), kind, R2018, shorter)


@pytest.mark.parametrize(
    ("act", "act_date", "regime", "due"),
    [
        (Act.RELEVEL, date(2026, 4, 2), "2025", date(2026, 4, 17)),
        (Act.EXTEND, date(2025, 12, 20), "2018", date(2026, 1, 4)),
        (Act.DECLASSIFY, date(2024, 6, 1), "2018", date(2024, 6, 16)),
        (Act.DECLASSIFY_CATALOG_REMOVAL, date(2024, 6, 1), "2018", date(2024, 6, 1)),  # "thông báo ngay"
    ],
)
def test_holders_must_be_notified_within_the_deadline_of_the_act(
    act: Act, act_date: date, regime: str, due: date
) -> None:
    assert notification_due(act_date, load_ruleset(regime), act) == due


def test_a_re_level_keeps_the_original_classification_date_unless_the_setting_says_otherwise() -> None:
    classified, relevelled = date(2020, 7, 1), date(2023, 5, 10)
    assert relevel_protection_end(classified, relevelled, TS, ItemKind.PAPER_DOCUMENT, R2018) == date(
        2050, 7, 1
    )
    rs = ruleset_for(relevelled, {"2018": {"relevel_period_start": "relevel_date"}})
    assert relevel_protection_end(classified, relevelled, TS, ItemKind.PAPER_DOCUMENT, rs) == date(
        2053, 5, 10
    )


# ------------------------------------------------------------------------ classification
def classification(regime: str, **changes: object) -> ClassificationRequest:
    """A lawful classification under ``regime``; tests change one thing at a time."""
    if regime == "2018":
        base = ClassificationRequest(
            kind=ItemKind.PAPER_DOCUMENT,
            level=S,
            basis=(ITEM_1441,),
            classified_on=date(2021, 5, 4),
            decider=HEAD,
            item_date=date(2021, 5, 4),
            copies=3,
        )
    else:
        base = ClassificationRequest(
            kind=ItemKind.PAPER_DOCUMENT,
            level=S,
            basis=(ITEM_2500_1B,),
            classified_on=date(2026, 4, 2),
            decider=HEAD,
            item_date=date(2026, 4, 2),
            copies=3,
        )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("regime", "changes", "expected"),
    [
        # Lawful cases.
        ("2018", {}, set()),
        ("2025", {}, set()),
        ("2025", {"decider": DEPUTY}, set()),  # 2025: cấp phó classifies in own right
        ("2025", {"basis": (ITEM_2500_1B, ITEM_2500_M)}, set()),  # mixed contents: highest level
        ("2025", {"level": C, "level_reason": "Chỉ phần phụ lục thuộc danh mục"}, set()),
        (
            "2018",
            {
                "level": TS,
                "basis": (replace(ITEM_1441, level=TS),),
                "has_summary": True,
                "summary_consent": True,
            },
            set(),
        ),
        ("2025", {"kind": ItemKind.PLACE, "copies": None}, set()),
        ("2025", {"kind": ItemKind.ACTIVITY, "copies": None, "shorter_period": Period(years=2)}, set()),
        ("2025", {"decider": replace(DEPUTY, max_level=C), "level": C, "basis": (ITEM_2500_M,)}, set()),
        # Basis (Danh mục) problems.
        ("2018", {"basis": ()}, {"basis_missing"}),
        ("2025", {"basis": ()}, {"basis_missing"}),
        ("2025", {"basis": (replace(ITEM_2500_1B, valid_to=date(2026, 3, 31)),)}, {"basis_closed"}),
        ("2025", {"basis": (replace(ITEM_2500_1B, valid_from=date(2026, 5, 1)),)}, {"basis_not_yet_valid"}),
        ("2025", {"level": TS}, {"level_above_basis"}),
        ("2025", {"level": C}, {"level_below_basis_without_reason"}),
        ("2025", {"level": C, "level_reason": "   "}, {"level_below_basis_without_reason"}),
        # Decider authority.
        ("2018", {"decider": DEPUTY}, {"decider_not_competent"}),  # 2018: only the head
        ("2018", {"decider": CLERK}, {"decider_not_competent"}),
        ("2025", {"decider": CLERK}, {"decider_not_competent"}),
        ("2025", {"decider": replace(HEAD, max_level=None)}, {"decider_not_competent"}),
        ("2025", {"decider": replace(DEPUTY, max_level=C)}, {"decider_not_competent"}),
        ("2018", {"decider": delegated()}, {"delegation_not_allowed"}),
        ("2025", {"decider": delegated()}, set()),
        ("2025", {"decider": delegated(is_sub_delegation=True)}, {"sub_delegation"}),
        ("2025", {"decider": delegated(delegation_valid_to=date(2026, 4, 1))}, {"delegation_not_in_force"}),
        ("2025", {"decider": delegated(delegation_valid_from=date(2026, 4, 3))}, {"delegation_not_in_force"}),
        ("2025", {"decider": delegated(delegation_scope_max_level=C)}, {"delegation_scope_exceeded"}),
        ("2025", {"decider": delegated(delegated_from=PositionKind.OTHER)}, {"delegator_not_competent"}),
        ("2025", {"decider": delegated(position_kind=PositionKind.OTHER)}, {"delegate_not_deputy"}),
        # Tuyệt mật summary rule.
        (
            "2025",
            {"level": TS, "basis": (ITEM_2500_TM,), "has_summary": True},
            {"top_secret_summary_forbidden"},
        ),
        (
            "2025",
            {"level": TS, "basis": (ITEM_2500_TM,), "has_summary": True, "summary_consent": True},
            {"top_secret_summary_forbidden"},
        ),
        (
            "2018",
            {"level": TS, "basis": (replace(ITEM_1441, level=TS),), "has_summary": True},
            {"top_secret_summary_without_consent"},
        ),
        ("2025", {"level": TS, "basis": (ITEM_2500_TM,)}, set()),  # no summary: fine
        # Dates, copies, shorter periods.
        ("2025", {"item_date": date(2026, 4, 3)}, {"classified_before_item_date"}),
        ("2025", {"copies": 0}, {"copies_invalid"}),
        ("2025", {"copies": None}, {"copies_missing"}),
        ("2018", {"shorter_period": Period(years=1)}, {"shorter_period_not_activity"}),
        (
            "2025",
            {"kind": ItemKind.ACTIVITY, "shorter_period": Period(years=20)},
            {"shorter_period_not_shorter"},
        ),
        ("2025", {"kind": ItemKind.ACTIVITY, "shorter_period": Period()}, {"shorter_period_invalid"}),
        ("2025", {"kind": ItemKind.ACTIVITY, "shorter_period": date(2026, 1, 1)}, {"shorter_period_invalid"}),
    ],
)
def test_classification_rules_of_each_regime(regime: str, changes: dict, expected: set[str]) -> None:
    request = classification(regime, **changes)
    assert codes(check_classification(request, load_ruleset(regime))) == expected


def test_classification_reports_every_failure_at_once() -> None:
    request = classification("2025", basis=(), decider=CLERK, copies=0, item_date=date(2026, 5, 1))
    assert codes(check_classification(request)) == {
        "basis_missing",
        "decider_not_competent",
        "copies_invalid",
        "classified_before_item_date",
    }


@pytest.mark.parametrize(
    ("regime", "basis_fragment", "says_prohibited"),
    [("2018", "khoản 1 Điều 10 Luật 29/2018/QH14", False), ("2025", "Điều 5 Luật 117/2025/QH15", True)],
)
def test_classifying_without_a_catalog_item_cites_the_law_of_the_regime(
    regime: str, basis_fragment: str, says_prohibited: bool
) -> None:
    (violation,) = check_classification(classification(regime, basis=()))
    assert basis_fragment in violation.basis
    assert ("nghiêm cấm" in violation.message_vi) is says_prohibited


def test_a_2018_deputy_may_classify_under_a_delegation_once_the_admin_allows_it() -> None:
    rs = ruleset_for(date(2021, 5, 4), {"2018": {"deputy_delegation_allowed": True}})
    assert check_classification(classification("2018", decider=delegated()), rs) == []


def test_without_an_explicit_rule_set_the_one_in_force_on_the_classification_date_applies() -> None:
    # A deputy may classify on 01/03/2026 but not on 28/02/2026.
    on_2026 = classification("2025", decider=DEPUTY, classified_on=date(2026, 3, 1), item_date=None)
    on_2018 = replace(on_2026, classified_on=date(2026, 2, 28), basis=(ITEM_1441,))
    assert check_classification(on_2026) == []
    assert codes(check_classification(on_2018)) == {"decider_not_competent"}


def test_violation_messages_are_vietnamese_nfc_and_serialise_for_the_api() -> None:
    violations = check_classification(classification("2025", basis=(), decider=CLERK, copies=0))
    for v in violations:
        assert unicodedata.normalize("NFC", v.message_vi) == v.message_vi
        assert v.as_json() == {"code": v.code, "message": v.message_vi, "basis": v.basis}
    assert any("thẩm quyền" in v.message_vi for v in violations)


@pytest.mark.parametrize(
    ("level", "regime", "consent", "allowed"),
    [
        (TS, "2018", True, True),
        (TS, "2018", False, False),
        (TS, "2025", True, False),
        (S, "2025", False, True),
        (C, "2018", False, True),
    ],
)
def test_only_top_secret_items_are_restricted_in_their_summary(
    level: Level, regime: str, consent: bool, allowed: bool
) -> None:
    assert (check_summary_allowed(level, regime, consent) == []) is allowed


# ------------------------------------------------------------------------ extension
# A Tối mật item whose period (set under the 2018 transitional article) ends on 15/01/2026.
END_2026 = date(2026, 1, 15)


def extension(**changes: object) -> ExtensionRequest:
    base = ExtensionRequest(
        level=S,
        status=ItemStatus.CLASSIFIED,
        current_end=END_2026,
        decided_on=date(2025, 11, 16),  # exactly 60 days before 15/01/2026
        length=Period(years=20),
        decider=HEAD,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, set()),
        ({"decided_on": date(2025, 11, 17)}, {"extension_too_late"}),  # 59 days before: refused (2018)
        ({"decided_on": date(2025, 1, 2)}, set()),
        ({"decided_on": date(2026, 1, 16)}, {"extension_after_expiry"}),
        ({"length": Period(years=21)}, {"extension_too_long"}),  # each extension ≤ 20 years for Tối mật
        ({"length": Period(years=20, days=1)}, {"extension_too_long"}),
        ({"length": Period(years=5)}, set()),
        ({"level": C, "length": Period(years=11)}, {"extension_too_long"}),
        ({"length": Period()}, {"extension_length_invalid"}),
        ({"status": ItemStatus.DECLASSIFIED}, {"item_not_classified"}),
        ({"status": ItemStatus.DESTROYED}, {"item_not_classified"}),
        ({"current_end": None}, {"extension_no_end_date"}),
        ({"decider": DEPUTY}, {"decider_not_competent"}),
        ({"decider": replace(HEAD, same_body=False)}, {"decider_other_body"}),
    ],
)
def test_extension_rules_under_the_2018_law(changes: dict, expected: set[str]) -> None:
    assert codes(check_extension(extension(**changes), R2018)) == expected


def test_extension_59_days_before_expiry_is_refused_under_2018_with_the_last_lawful_day() -> None:
    (violation,) = check_extension(extension(decided_on=END_2026 - timedelta(days=59)))
    assert violation.code == "extension_too_late"
    assert "16/11/2025" in violation.message_vi and violation.basis == "Điều 20 Luật 29/2018/QH14"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, set()),
        ({"decided_on": date(2040, 5, 3)}, {"extension_too_late"}),  # 59 days before 01/07/2040
        ({"decider": DEPUTY}, {"decider_not_competent"}),  # default: head only, as in 2018
        ({"decider": delegated()}, set()),  # 2025: written delegation to a deputy
    ],
)
def test_extension_rules_under_the_2025_law_default_to_the_2018_values(changes: dict, expected: set) -> None:
    request = extension(**{"current_end": date(2040, 7, 1), "decided_on": date(2040, 5, 2), **changes})
    assert codes(check_extension(request)) == expected


def test_the_extension_lead_time_is_an_admin_setting_under_2025() -> None:
    rs = ruleset_for(date(2040, 5, 2), {"2025": {"extension_min_days_before_expiry": 90}})
    request = extension(current_end=date(2040, 7, 1), decided_on=date(2040, 5, 2))
    assert codes(check_extension(request, rs)) == {"extension_too_late"}


def test_an_extension_runs_on_from_the_current_end() -> None:
    assert extension_last_day(date(2040, 7, 1), R2018) == date(2040, 5, 2)
    assert extended_end(date(2040, 7, 1), Period(years=20), R2018) == date(2060, 7, 1)


# ------------------------------------------------------------------------ re-level
def relevel(**changes: object) -> RelevelRequest:
    base = RelevelRequest(
        old_level=S,
        new_level=TS,
        status=ItemStatus.CLASSIFIED,
        basis=(ITEM_2500_TM,),
        decided_on=date(2026, 6, 1),
        decider=HEAD,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, set()),
        ({"decider": DEPUTY}, set()),  # 2025 Điều 21: whoever may classify may re-level
        ({"new_level": S, "basis": (ITEM_2500_1B,)}, {"relevel_same_level"}),
        ({"basis": ()}, {"basis_missing"}),
        ({"basis": (replace(ITEM_2500_TM, valid_to=date(2026, 5, 31)),)}, {"basis_closed"}),
        ({"new_level": C, "basis": (ITEM_2500_M,)}, set()),  # lowering
        ({"new_level": C}, {"level_below_basis_without_reason"}),
        ({"decider": replace(DEPUTY, max_level=S)}, {"decider_not_competent"}),  # raising to Tuyệt mật
        (
            {
                "old_level": TS,
                "new_level": C,
                "basis": (ITEM_2500_M,),
                "decider": replace(DEPUTY, max_level=S),
            },
            {"decider_not_competent"},  # lowering a Tuyệt mật needs Tuyệt mật authority
        ),
        ({"has_summary": True}, {"top_secret_summary_forbidden"}),  # raised to Tuyệt mật: summary must go
        ({"status": ItemStatus.LOST}, {"item_not_classified"}),
    ],
)
def test_relevel_rules_under_the_2025_law(changes: dict, expected: set[str]) -> None:
    assert codes(check_relevel(relevel(**changes), R2025)) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, set()),
        ({"decider": DEPUTY}, {"decider_not_competent"}),  # 2018 Điều 21: the head
        ({"has_summary": True}, {"top_secret_summary_without_consent"}),
        ({"has_summary": True, "summary_consent": True}, set()),
    ],
)
def test_relevel_rules_under_the_2018_law(changes: dict, expected: set[str]) -> None:
    request = relevel(decided_on=date(2024, 6, 1), basis=(replace(ITEM_1441, level=TS),), **changes)
    assert codes(check_relevel(request)) == expected


def test_relevel_without_basis_cites_article_21() -> None:
    (violation,) = check_relevel(relevel(basis=()))
    assert violation.basis == "Điều 21 Luật 117/2025/QH15"


# ------------------------------------------------------------------------ declassification
def declassification(**changes: object) -> DeclassificationRequest:
    base = DeclassificationRequest(
        level=S,
        status=ItemStatus.CLASSIFIED,
        classified_on=date(2021, 5, 4),
        decided_on=date(2024, 9, 10),
        decider=HEAD,
        council_members=("Nguyễn Văn A (Chủ tịch)", "Trần Thị B"),
        council_minutes_present=True,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("regime", "changes", "expected"),
    [
        ("2018", {}, set()),
        ("2018", {"council_members": ()}, {"council_missing"}),
        ("2018", {"council_members": ("  ",)}, {"council_missing"}),
        ("2018", {"council_minutes_present": False}, {"council_minutes_missing"}),
        (
            "2018",
            {"council_members": (), "council_minutes_present": False},
            {"council_missing", "council_minutes_missing"},
        ),
        ("2018", {"partial": True}, {"partial_text_missing"}),
        ("2018", {"partial": True, "partial_text": "Mục II và Phụ lục 1"}, set()),
        ("2018", {"decider": DEPUTY}, {"decider_not_competent"}),
        ("2018", {"status": ItemStatus.DESTROYED}, {"item_not_classified"}),
        ("2018", {"decided_on": date(2021, 5, 3)}, {"decided_before_classification"}),
        ("2025", {"decided_on": date(2026, 9, 10)}, set()),
        ("2025", {"decided_on": date(2026, 9, 10), "decider": DEPUTY}, {"decider_not_competent"}),
        ("2025", {"decided_on": date(2026, 9, 10), "decider": delegated()}, set()),
    ],
)
def test_declassification_by_council_and_decision(regime: str, changes: dict, expected: set[str]) -> None:
    request = declassification(**changes)
    assert codes(check_declassification(request, ruleset_for(request.decided_on))) == expected
    assert ruleset_for(request.decided_on).code == regime


def state(**changes: object) -> ItemState:
    """The issue's example: Tối mật classified 01/07/2020, protected to 01/07/2040."""
    base = ItemState(
        level=S,
        kind=ItemKind.PAPER_DOCUMENT,
        status=ItemStatus.CLASSIFIED,
        classified_on=date(2020, 7, 1),
        protection_end=date(2040, 7, 1),
        basis=(ITEM_1441,),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "today", "reason", "effective_on", "regime"),
    [
        ({}, date(2040, 7, 1), None, None, None),  # last protected day
        ({}, date(2040, 7, 2), "period_expired", date(2040, 7, 2), "2025"),
        ({"protection_end": date(2060, 7, 1)}, date(2045, 1, 1), None, None, None),  # extended
        ({"kind": ItemKind.PLACE, "protection_end": None}, date(2090, 1, 1), None, None, None),
        ({"status": ItemStatus.DECLASSIFIED}, date(2041, 1, 1), None, None, None),
        (
            {"basis": (replace(ITEM_1441, valid_to=date(2025, 6, 30)),)},
            date(2025, 7, 1),
            "removed_from_catalog",
            date(2025, 7, 1),
            "2018",
        ),
        ({"basis": (replace(ITEM_1441, valid_to=date(2025, 6, 30)),)}, date(2025, 6, 30), None, None, None),
        (
            {"basis": (replace(ITEM_1441, valid_to=date(2025, 6, 30), carried_over=True),)},
            date(2025, 7, 1),
            None,
            None,
            None,
        ),
        (
            {"basis": (replace(ITEM_1441, valid_to=date(2025, 6, 30)), ITEM_2500_1B)},
            date(2026, 7, 1),
            None,  # still listed through another item
            None,
            None,
        ),
        (
            {"basis": (replace(ITEM_2500_1B, valid_to=date(2027, 1, 31)),)},
            date(2027, 3, 1),
            "removed_from_catalog",
            date(2027, 2, 1),
            "2025",
        ),
        (
            {
                "protection_end": date(2024, 12, 31),
                "basis": (replace(ITEM_1441, valid_to=date(2025, 6, 30)),),
            },
            date(2026, 1, 1),
            "period_expired",  # the earlier ground wins
            date(2025, 1, 1),
            "2018",
        ),
    ],
)
def test_automatic_declassification(
    changes: dict, today: date, reason: str | None, effective_on: date | None, regime: str | None
) -> None:
    due = auto_declassification_due(state(**changes), today)
    if reason is None:
        assert due is None
    else:
        assert due is not None
        assert (due.reason, due.effective_on, due.regime) == (reason, effective_on, regime)
        assert due.basis and due.message_vi


def test_removal_from_the_catalog_under_2025_follows_the_admin_setting() -> None:
    item = state(basis=(replace(ITEM_2500_1B, valid_to=date(2027, 1, 31)),))
    overrides = {"2025": {"declassify_on_catalog_removal": False}}
    assert auto_declassification_due(item, date(2027, 3, 1), overrides) is None


def test_removal_from_the_catalog_is_notified_at_once_and_expiry_within_15_days() -> None:
    removed = auto_declassification_due(
        state(basis=(replace(ITEM_1441, valid_to=date(2025, 6, 30)),)), date(2025, 7, 1)
    )
    assert removed is not None
    assert notification_due(removed.effective_on, R2018, removed.notify_act) == date(2025, 7, 1)
    expired = auto_declassification_due(state(), date(2040, 7, 2))
    assert expired is not None
    assert notification_due(expired.effective_on, R2025, expired.notify_act) == date(2040, 7, 17)


# ------------------------------------------------------------------------ integration seams
def test_rule_set_values_match_the_rule_set_fields() -> None:
    from dataclasses import fields

    from bmnn.registry.rulesets import VALUE_KEYS, RuleSet

    assert set(VALUE_KEYS) == {f.name for f in fields(RuleSet) if f.type == "RuleValue"}


@pytest.mark.parametrize("regime", ["2018", "2025"])
def test_every_setting_is_explained_in_the_rules_module_docstring(regime: str) -> None:
    import bmnn.registry.rules as rules

    assert rules.__doc__ is not None
    for key in load_ruleset(regime).settings():
        assert key.removeprefix("notify_days_") in rules.__doc__, key


@pytest.mark.parametrize("regime", ["2018", "2025"])
def test_the_admin_page_description_is_plain_json(regime: str) -> None:
    import json

    rows = load_ruleset(regime).describe()
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows
    assert {row["key"] for row in rows if row["setting"]} == set(load_ruleset(regime).settings())


def test_rules_accept_the_plain_string_codes_the_models_store() -> None:
    request = ClassificationRequest(
        kind="paper_document",  # type: ignore[arg-type]
        level="secret",  # type: ignore[arg-type]
        basis=(BasisItem("x", "secret", "điểm b khoản 1 Điều 1 QĐ 2500/QĐ-TTg", date(2025, 11, 17)),),  # type: ignore[arg-type]
        classified_on=date(2026, 4, 2),
        decider=DeciderAuthority("deputy_head", max_level="top_secret"),  # type: ignore[arg-type]
        copies=1,
    )
    assert check_classification(request) == []
    assert protection_end("secret", date(2026, 4, 2), "paper_document", R2025) == date(2046, 4, 2)
    assert codes(check_classification(replace(request, level="top_secret"))) == {"level_above_basis"}  # type: ignore[arg-type]
