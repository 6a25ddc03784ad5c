"""Incident rules, table-driven, without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bmnn.incidents import rules

NOW = dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC)
BASE = rules.ReportInput(
    kind="loss",
    level="",
    item_levels=("secret",),
    description="Mất bản số 2 khi đi công tác",
    how_found="Người mang đi báo cáo",
    discovered_at=NOW - dt.timedelta(hours=1),
    occurred_on=dt.date(2026, 6, 14),
    now=NOW,
    reporter_clearance="secret",
)


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        ({}, []),
        ({"kind": "theft"}, ["kind_invalid"]),
        ({"item_levels": ()}, ["level_required"]),
        ({"item_levels": (), "level": "confidential"}, []),
        ({"level": "confidential"}, ["level_below_items"]),
        ({"level": "top_secret"}, ["reporter_not_cleared"]),
        ({"level": "top_secret", "outside_only": True}, []),  # seen on an envelope, from the outside
        ({"reporter_clearance": "confidential"}, ["reporter_not_cleared"]),
        ({"description": " ", "how_found": ""}, ["description_required", "how_found_required"]),
        ({"discovered_at": None}, ["discovered_required"]),
        ({"discovered_at": NOW + dt.timedelta(minutes=5)}, ["discovered_future"]),
        ({"occurred_on": dt.date(2026, 6, 16)}, ["occurred_after_discovered"]),
    ],
)
def test_an_incident_report_says_what_when_and_how_at_the_right_level(changes, codes):
    assert [v.code for v in rules.check_report(replace(BASE, **changes))] == codes


@pytest.mark.parametrize(
    ("entered", "items", "expected"),
    [("", ("confidential", "secret"), "secret"), ("top_secret", ("secret",), "top_secret"), ("", (), "")],
)
def test_an_incident_takes_the_highest_level_involved(entered, items, expected):
    assert rules.incident_level(entered, items) == expected


@pytest.mark.parametrize(
    ("reported_after", "now_after", "expected"),
    [(1, 2, True), (25, 30, False), (None, 23, None), (None, 25, False), (24, 24, True)],
)
def test_the_police_report_is_tracked_against_its_deadline(reported_after, now_after, expected):
    found = NOW
    due = rules.police_report_due(found, 24)
    reported = None if reported_after is None else found + dt.timedelta(hours=reported_after)
    assert rules.reported_in_time(due, reported, found + dt.timedelta(hours=now_after)) is expected


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        ({}, []),
        ({"police_reported": False}, ["police_not_reported"]),
        ({"head_notified": False}, ["head_not_notified"]),
        ({"causes": "", "discipline": ""}, ["conclusion_missing", "conclusion_missing"]),
        ({"status": "closed"}, ["already_closed"]),
    ],
)
def test_an_incident_closes_only_once_reported_explained_and_remedied(changes, codes):
    base = rules.CloseInput("open", True, True, "Sơ suất", "Tập huấn lại", "Khiển trách")
    assert [v.code for v in rules.check_close(replace(base, **changes))] == codes


@pytest.mark.parametrize(
    ("already", "ref", "at", "codes"),
    [
        (False, "15/BC-SXD", NOW, []),
        (True, "15/BC-SXD", NOW, ["already_reported"]),
        (False, "", NOW, ["reference_required"]),
        (False, "x", None, ["reported_at_required"]),
        (False, "x", NOW - dt.timedelta(days=2), ["reported_at_invalid"]),
    ],
)
def test_a_police_report_needs_its_reference_and_a_sensible_time(already, ref, at, codes):
    found = rules.check_police_report(
        already=already, reference=ref, reported_at=at, discovered_at=NOW - dt.timedelta(hours=3), now=NOW
    )
    assert [v.code for v in found] == codes
