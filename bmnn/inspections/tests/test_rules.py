"""Automatic checklist items and finding rules, table-driven, without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from bmnn.inspections.rules import automatic, findings
from bmnn.inspections.rules import checks as c

TODAY = dt.date(2026, 6, 15)
NOW = dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC)
CTX = c.CheckContext(today=TODAY, now=NOW)


def year(first: int, last: int, seqs: set[int]) -> c.RegisterYear:
    return c.RegisterYear("Sổ đi năm 2026", first, last, frozenset(seqs))


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ((), c.PASS),
        ((year(1, 3, {1, 2, 3}),), c.PASS),
        ((year(1, 3, {1, 3}),), c.FAIL),  # number 2 is missing
        ((year(40, 42, {40, 41, 42}),), c.PASS),  # continues a paper register from 40
        ((year(1, 2, {1, 2}), year(1, 1, set())), c.FAIL),  # a number given but its row is gone
    ],
)
def test_registers_are_numbered_without_gaps(years, expected):
    assert automatic.registers_numbered(c.RegisterFacts(years), CTX).status == expected


def test_a_register_gap_names_the_missing_numbers():
    result = automatic.registers_numbered(c.RegisterFacts((year(1, 5, {1, 2, 5}),)), CTX)
    assert result.details == ("Sổ đi năm 2026: thiếu số 3, 4",)


def perm(status: str, quantity: int, made: int) -> c.CopyPermissionFact:
    return c.CopyPermissionFact("Cho phép #1", status, quantity, made)


@pytest.mark.parametrize(
    ("permissions", "without", "expected"),
    [
        ((), 0, c.PASS),
        ((perm("performed", 2, 2),), 0, c.PASS),
        ((perm("approved", 3, 0),), 0, c.PASS),  # permitted, not copied yet
        ((perm("requested", 1, 1),), 0, c.FAIL),  # copied before permission
        ((perm("refused", 1, 1),), 0, c.FAIL),
        ((perm("performed", 2, 3),), 0, c.FAIL),  # more copies than permitted
        ((perm("requested", 1, 0),), 0, c.PASS),  # a pending request is no violation
        ((), 1, c.FAIL),  # a copy with no permission at all
    ],
)
def test_copies_need_a_permission_and_stay_within_its_quantity(permissions, without, expected):
    facts = c.CopyFacts(permissions, without)
    assert automatic.copies_authorised(facts, CTX).status == expected


@pytest.mark.parametrize(
    ("ends", "expected"),
    [
        ((), c.PASS),
        ((dt.date(2026, 6, 15),), c.PASS),  # today is still the last protected day
        ((dt.date(2026, 6, 14),), c.FAIL),
        ((dt.date(2030, 1, 1), dt.date(2020, 1, 1)), c.FAIL),
    ],
)
def test_items_past_their_protection_period_must_not_stay_classified(ends, expected):
    facts = c.ExpiryFacts(tuple(c.ExpiredItem(f"Mục #{i}", e) for i, e in enumerate(ends)))
    assert automatic.expired_items_handled(facts, CTX).status == expected


def computer(sealed=True, checked=dt.date(2026, 3, 1), passed=True) -> c.ComputerFact:
    return c.ComputerFact("MT-01", sealed, checked, passed)


@pytest.mark.parametrize(
    ("computers", "expected", "reason"),
    [
        ((computer(),), c.PASS, ""),
        ((computer(sealed=False),), c.FAIL, "chưa dán tem"),
        ((computer(checked=None, passed=None),), c.FAIL, "chưa kiểm tra"),
        ((computer(checked=dt.date(2025, 6, 15)),), c.FAIL, "quá hạn"),  # exactly 12 months
        ((computer(checked=dt.date(2025, 6, 16)),), c.PASS, ""),  # 11 whole months
        ((computer(passed=False),), c.FAIL, "không đạt"),
        ((), c.UNKNOWN, "chưa khai báo"),  # no computer declared: nothing to pass
    ],
)
def test_drafting_computers_are_sealed_checked_recently_and_passed(computers, expected, reason):
    result = automatic.computers_sealed_and_checked(c.ComputerFacts(computers, 12), CTX)
    assert result.status == expected
    assert reason in " ".join(result.details) + result.summary


@pytest.mark.parametrize(
    ("designated", "holders", "without", "check", "expected"),
    [
        (1, ("A",), (), "staff_designated", c.PASS),
        (0, ("A",), (), "staff_designated", c.FAIL),
        (1, ("A", "B"), (), "commitments_signed", c.PASS),
        (1, ("A", "B"), ("B",), "commitments_signed", c.FAIL),
        (1, (), (), "commitments_signed", c.UNKNOWN),
    ],
)
def test_staff_are_designated_and_commitments_signed(designated, holders, without, check, expected):
    facts = c.StaffFacts(designated, holders, without)
    assert automatic.EVALUATORS[check](facts, CTX).status == expected


@pytest.mark.parametrize(("sessions", "expected"), [(0, c.FAIL), (1, c.PASS), (5, c.PASS)])
def test_a_training_is_held_this_year(sessions, expected):
    assert automatic.trainings_held(c.TrainingFacts(2026, sessions), CTX).status == expected


def incident(hours_ago: float, reported_after: float | None, limit: float = 24) -> c.IncidentFact:
    found = NOW - dt.timedelta(hours=hours_ago)
    reported = None if reported_after is None else found + dt.timedelta(hours=reported_after)
    return c.IncidentFact("Sự cố số 1/2026", found, reported, found + dt.timedelta(hours=limit))


@pytest.mark.parametrize(
    ("incidents", "expected"),
    [
        ((), c.PASS),
        ((incident(48, 2),), c.PASS),
        ((incident(48, 30),), c.FAIL),  # reported late
        ((incident(30, None),), c.FAIL),  # past the deadline, not reported
        ((incident(2, None),), c.PASS),  # still within the deadline
    ],
)
def test_incidents_are_reported_to_police_in_time(incidents, expected):
    assert automatic.incidents_reported_in_time(c.IncidentFacts(incidents), CTX).status == expected


@pytest.mark.parametrize("code", sorted(automatic.EVALUATORS))
def test_missing_facts_are_never_a_pass(code):
    result = automatic.evaluate(code, c.CheckContext(today=TODAY, now=NOW, facts={}))
    assert result.status == c.UNKNOWN
    assert result.summary.startswith("Không đánh giá được")


def test_an_unknown_check_code_is_not_evaluated():
    assert automatic.evaluate("no_such_check", CTX).status == c.UNKNOWN


PLAN = findings.PlanInput(
    "Tự kiểm tra 2026", "self", "", dt.date(2026, 6, 1), dt.date(2026, 6, 5), "Toàn bộ", "Ông A"
)


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        ({}, []),
        ({"title": " "}, ["title_required"]),
        ({"mode": "external"}, ["body_required"]),
        ({"mode": "other"}, ["mode_invalid"]),
        ({"ends_on": dt.date(2026, 5, 1)}, ["end_before_start"]),
        ({"starts_on": None, "scope": "", "team": ""}, ["start_required", "scope_required", "team_required"]),
    ],
)
def test_an_inspection_plan_names_what_who_and_when(changes, codes):
    from dataclasses import replace

    assert [v.code for v in findings.check_plan(replace(PLAN, **changes))] == codes


@pytest.mark.parametrize(
    ("status", "remediation", "codes"),
    [("open", "Đã dán tem", []), ("fixed", "x", ["not_open"]), ("open", " ", ["remediation_required"])],
)
def test_only_an_open_finding_is_reported_fixed_with_its_remediation(status, remediation, codes):
    assert [v.code for v in findings.check_mark_fixed(status=status, remediation=remediation)] == codes


@pytest.mark.parametrize(
    ("status", "note", "same", "codes"),
    [
        ("fixed", "Đã xem tem số 123", False, []),
        ("open", "x", False, ["not_fixed"]),
        ("fixed", "", False, ["note_required"]),
        ("fixed", "x", True, ["same_person"]),
    ],
)
def test_a_recheck_follows_a_fix_and_is_done_by_someone_else(status, note, same, codes):
    assert [
        v.code for v in findings.check_recheck(status=status, note=note, rechecker_is_fixer=same)
    ] == codes


@pytest.mark.parametrize(
    ("unanswered", "open_findings", "conclusion", "codes"),
    [
        (0, 0, "Đạt yêu cầu", []),
        (2, 0, "x", ["unanswered"]),
        (0, 1, "x", ["findings_open"]),
        (0, 0, "", ["conclusion_required"]),
    ],
)
def test_an_inspection_closes_only_when_everything_is_answered_and_remedied(
    unanswered, open_findings, conclusion, codes
):
    c_in = findings.CloseInput("in_progress", conclusion, unanswered, open_findings, True)
    assert [v.code for v in findings.check_close_inspection(c_in)] == codes


def test_a_finding_closes_only_after_a_passed_recheck():
    assert findings.check_close_finding(status="fixed")
    assert not findings.check_close_finding(status="verified")
