import datetime as dt

import pytest

from bmnn.areas import rules

D = dt.date(2026, 5, 4)


@pytest.mark.parametrize(
    ("level", "clearance", "codes"),
    [
        ("confidential", "confidential", []),
        ("secret", "confidential", ["attendee_not_cleared"]),
        ("top_secret", "secret", ["attendee_not_cleared"]),
        ("top_secret", "top_secret", []),
        ("confidential", "none", ["attendee_not_cleared"]),
    ],
)
def test_an_attendee_must_be_cleared_for_the_meetings_level(level, clearance, codes):
    people = [rules.Person(1, "Nguyễn Văn A", clearance)]
    assert [v.code for v in rules.check_attendees(level=level, people=people, already=frozenset())] == codes


def test_every_uncleared_attendee_is_named():
    people = [
        rules.Person(1, "A", "confidential"),
        rules.Person(2, "B", "secret"),
        rules.Person(3, "C", "none"),
    ]
    messages = [
        v.message_vi for v in rules.check_attendees(level="secret", people=people, already=frozenset())
    ]
    assert len(messages) == 2 and "A" in messages[0] and "C" in messages[1]


@pytest.mark.parametrize(
    ("level", "recording", "codes"),
    [("confidential", True, []), ("secret", True, ["recording_forbidden"]), ("top_secret", False, [])],
)
def test_recording_devices_are_allowed_only_in_mat_meetings_by_the_chair(level, recording, codes):
    facts = rules.MeetingFacts("Họp", level, D, D, "12/GM", D, recording)
    assert [v.code for v in rules.check_meeting(facts)] == codes


def test_device_rules_forbid_phones_at_secret_meetings():
    assert "Không mang thiết bị ghi âm" in rules.device_rules("secret", False)[0]
    assert len(rules.device_rules("top_secret", False)) == 3


@pytest.mark.parametrize(
    ("item_level", "clearance", "attends", "codes"),
    [
        ("secret", "secret", True, []),
        ("top_secret", "top_secret", True, ["item_above_meeting"]),
        ("secret", "secret", False, ["recipient_not_attendee"]),
        ("secret", "confidential", True, ["recipient_not_cleared"]),
    ],
)
def test_documents_go_only_to_cleared_attendees(item_level, clearance, attends, codes):
    result = rules.check_handout(
        meeting_level="secret",
        item_level=item_level,
        recipient=rules.Person(1, "A", clearance),
        recipient_attends=attends,
    )
    assert [v.code for v in result] == codes


@pytest.mark.parametrize(("ends", "today", "late"), [(D, D, False), (D, D + dt.timedelta(days=1), True)])
def test_documents_still_out_after_the_meeting_are_late(ends, today, late):
    assert rules.unrecovered_is_late(meeting_ends_on=ends, today=today) is late


@pytest.mark.parametrize(
    ("issued", "effective", "review", "codes"),
    [
        (D, D, D + dt.timedelta(days=365), []),
        (D, D - dt.timedelta(days=1), D, ["effective_before_issue", "review_before_issue"]),
    ],
)
def test_an_internal_rule_version_needs_consistent_dates(issued, effective, review, codes):
    assert [
        v.code
        for v in rules.check_rule_version(
            number="01/NQ", issued_on=issued, effective_from=effective, review_due=review
        )
    ] == codes


@pytest.mark.parametrize(
    ("kind", "decision", "codes"),
    [("forbidden_area", "", ["decision_missing"]), ("forbidden_area", "05/QĐ", []), ("no_recording", "", [])],
)
def test_a_forbidden_area_needs_its_decision(kind, decision, codes):
    assert [
        v.code
        for v in rules.check_area(kind=kind, name="Phòng mật", decision_number=decision, rules_text="Cấm")
    ] == codes
