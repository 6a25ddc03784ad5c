"""Automatic checklist items: pure functions over facts gathered by ``bmnn.inspections.facts``.

Each check receives its facts or ``None`` when the facts could not be gathered (the app that holds
them is not installed yet, its tables are missing, …). ``None`` always gives UNKNOWN ("không đánh
giá được"): an inspection must never show a pass for something nobody looked at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
STATUS_LABELS = {PASS: "Đạt", FAIL: "Không đạt", UNKNOWN: "Không đánh giá được"}
MAX_DETAILS = 20  # the record lists at most this many offending rows; the evidence link shows all


@dataclass(frozen=True)
class Evidence:
    label: str
    url: str = ""


@dataclass(frozen=True)
class CheckResult:
    status: str
    summary: str
    details: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def unknown(reason: str) -> CheckResult:
    return CheckResult(UNKNOWN, f"Không đánh giá được: {reason}")


# ---- facts (frozen dataclasses; ``evidence`` are links to the lists the facts came from) ----


@dataclass(frozen=True)
class RegisterYear:
    label: str  # "Sổ đăng ký BMNN đi năm 2026"
    first_seq: int  # the year's first number (a paper register may be continued)
    last_given: int  # the counter: last number handed out
    seqs: frozenset[int]  # numbers present in the register (cancelled rows keep theirs)


@dataclass(frozen=True)
class RegisterFacts:
    years: tuple[RegisterYear, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class CopyPermissionFact:
    ref: str  # "Cho phép sao #12"
    status: str  # CopyStatus value of the movements app
    quantity: int
    copies_made: int


@dataclass(frozen=True)
class CopyFacts:
    permissions: tuple[CopyPermissionFact, ...]
    copies_without_permission: int = 0
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ExpiredItem:
    ref: str  # "Mục #15" — never a summary
    protection_ends_on: dt.date


@dataclass(frozen=True)
class ExpiryFacts:
    classified_items: tuple[ExpiredItem, ...]  # items still "classified" with a protection end date
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ComputerFact:
    ref: str  # asset tag / hostname
    sealed: bool
    last_check_on: dt.date | None
    last_check_passed: bool | None


@dataclass(frozen=True)
class ComputerFacts:
    drafting_computers: tuple[ComputerFact, ...]
    max_check_age_months: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class StaffFacts:
    designated_officers: int  # security officers designated by a decision in force
    holders: tuple[str, ...]  # people who hold or access secrets
    without_commitment: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class TrainingFacts:
    year: int
    sessions: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class IncidentFact:
    ref: str
    discovered_at: dt.datetime
    reported_at: dt.datetime | None
    deadline: dt.datetime


@dataclass(frozen=True)
class IncidentFacts:
    incidents: tuple[IncidentFact, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class CheckContext:
    """What a check may need besides its facts (the clock is passed in, never read)."""

    today: dt.date
    now: dt.datetime
    facts: dict[str, Any] = field(default_factory=dict)


def _result(bad: list[str], ok: str, fail: str, evidence: tuple[Evidence, ...]) -> CheckResult:
    if not bad:
        return CheckResult(PASS, ok, (), evidence)
    return CheckResult(FAIL, fail.format(n=len(bad)), tuple(bad[:MAX_DETAILS]), evidence)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (same reckoning as the devices app)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months
