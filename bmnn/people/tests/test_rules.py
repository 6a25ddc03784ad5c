import datetime as dt

import pytest

from bmnn.people import rules

TODAY = dt.date(2026, 5, 4)


@pytest.mark.parametrize(
    ("number", "scope", "mode", "signed_on", "codes"),
    [
        ("12/QĐ-SNV", "Văn thư BMNN", "part_time", TODAY, []),
        ("", "Văn thư BMNN", "full_time", TODAY, ["number_missing"]),
        (
            "12/QĐ",
            "",
            "other",
            TODAY + dt.timedelta(days=1),
            ["scope_missing", "mode_invalid", "date_invalid"],
        ),
    ],
)
def test_a_designation_is_a_written_decision_full_or_part_time(number, scope, mode, signed_on, codes):
    result = rules.check_designation(number=number, scope=scope, mode=mode, signed_on=signed_on, today=TODAY)
    assert [v.code for v in result] == codes


@pytest.mark.parametrize(
    ("scan", "codes"),
    [
        (None, []),
        (rules.ScanFile("cam-ket.pdf", 1000), []),
        (rules.ScanFile("cam-ket.exe", 1000), ["scan_type"]),
        (rules.ScanFile("cam-ket.pdf", 11 * 1024 * 1024), ["scan_too_large"]),
    ],
)
def test_a_commitment_scan_is_limited_in_size_and_type(scan, codes):
    result = rules.check_commitment(
        signed_on=TODAY, scope="Bảo vệ BMNN", scan=scan, max_bytes=10 * 1024 * 1024, today=TODAY
    )
    assert [v.code for v in result] == codes


@pytest.mark.parametrize(
    ("departed", "scope", "codes"),
    [(False, "Cam kết", []), (False, " ", ["commitment_missing"]), (True, "Cam kết", ["already_departed"])],
)
def test_a_departing_custodian_must_sign_a_commitment(departed, scope, codes):
    result = rules.check_departure(already_departed=departed, commitment_scope=scope, leaves_on=TODAY)
    assert [v.code for v in result] == codes


@pytest.mark.parametrize(("trained", "total", "percent"), [(0, 0, 0), (1, 3, 33), (3, 3, 100)])
def test_training_coverage_is_the_share_of_staff_trained(trained, total, percent):
    assert rules.coverage_percent(trained, total) == percent


@pytest.mark.parametrize(
    ("key", "due", "overdue"),
    [
        (True, None, True),
        (True, TODAY - dt.timedelta(days=1), True),
        (True, TODAY, False),
        (False, None, False),
    ],
)
def test_a_key_post_review_is_overdue_after_its_date(key, due, overdue):
    assert rules.key_post_review_overdue(is_key_post=key, review_due=due, today=TODAY) is overdue


def test_refusing_a_declaration_needs_a_reason():
    assert [v.code for v in rules.check_decision(status="pending", approve=False, note="")] == [
        "reason_missing"
    ]
    assert [v.code for v in rules.check_decision(status="approved", approve=True, note="")] == [
        "already_decided"
    ]
