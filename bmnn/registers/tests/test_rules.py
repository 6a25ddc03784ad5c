import datetime as dt

import pytest

from bmnn.registers import rules

D = dt.date(2026, 4, 3)


def codes(violations):
    return sorted(v.code for v in violations)


@pytest.mark.parametrize(
    ("start", "books", "previous_locked", "opened_on", "expected"),
    [
        (None, 0, True, D, []),
        (418, 0, True, D, []),  # continuing a paper register from number 418
        (0, 0, True, D, ["book_start_invalid"]),
        (5, 1, True, D, ["book_start_not_first"]),
        (None, 1, False, D, ["book_previous_open"]),
        (None, 1, True, D, []),
        (None, 0, True, dt.date(2025, 12, 31), ["book_year_mismatch"]),
    ],
)
def test_book_opening(start, books, previous_locked, opened_on, expected):
    req = rules.BookOpening(2026, opened_on, start, books, previous_locked, 0)
    assert codes(rules.check_book_opening(req)) == expected


@pytest.mark.parametrize(
    ("requested_by", "approver", "role", "reason", "decided", "expected"),
    [
        (1, 2, "head", "Ghi sót số 12", False, []),
        (1, 2, "deputy", "Ghi sót", False, []),
        (1, 1, "head", "Ghi sót", False, ["unlock_same_person"]),
        (1, 2, "clerk", "Ghi sót", False, ["unlock_no_authority"]),
        (1, 2, "head", "  ", False, ["unlock_reason_missing"]),
        (1, 2, "head", "Ghi sót", True, ["unlock_decided"]),
    ],
)
def test_unlock_needs_a_reason_and_a_second_person_from_the_leadership(
    requested_by, approver, role, reason, decided, expected
):
    req = rules.UnlockApproval(requested_by, approver, role, reason, decided)
    assert codes(rules.check_unlock(req)) == expected


@pytest.mark.parametrize(
    ("locked", "on", "role", "expected"),
    [
        (False, D, "clerk", []),
        (False, D, "security_officer", []),
        (True, D, "clerk", ["book_locked"]),
        (False, D + dt.timedelta(days=1), "clerk", ["date_in_future"]),
        (False, D, "staff", ["register_not_keeper"]),
        (True, D, "head", ["book_locked", "register_not_keeper"]),
    ],
)
def test_registration_is_by_a_keeper_in_an_open_book_and_not_in_the_future(locked, on, role, expected):
    assert codes(rules.check_registration(rules.Registration(locked, on, D, role))) == expected


def test_cancelling_needs_a_reason_and_happens_once():
    assert codes(rules.check_cancellation(rules.Cancellation("", True, "clerk"))) == [
        "cancel_reason_missing",
        "entry_already_cancelled",
    ]
    assert rules.check_cancellation(rules.Cancellation("Vào sổ nhầm", False, "clerk")) == []


@pytest.mark.parametrize(
    ("role", "locked", "reason", "lock_codes", "request_codes"),
    [
        ("clerk", False, "Khóa nhầm", [], ["book_not_locked"]),
        ("clerk", True, "Khóa nhầm", ["book_already_locked"], []),
        ("security_officer", True, " ", ["book_already_locked"], ["unlock_reason_missing"]),
        ("staff", True, "Khóa nhầm", ["book_already_locked", "register_not_keeper"], ["register_not_keeper"]),
    ],
)
def test_locking_and_asking_to_reopen_a_book(role, locked, reason, lock_codes, request_codes):
    assert codes(rules.check_lock(role=role, locked=locked)) == lock_codes
    assert codes(rules.check_unlock_request(role=role, locked=locked, reason=reason)) == request_codes
