"""Pieces shared by the register services: dates in order, the Tuyệt mật summary rule, the keeper check."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.lib.rules import Violation
from bmnn.registry.rules import check_summary_allowed
from bmnn.registry.rulesets import ruleset_for


def regime_on(on: dt.date) -> str:
    """A register act follows the regime in force on its own date (domain.md §1)."""
    return ruleset_for(on).code


def summary_violations(*, level: str, summary: str, consent: bool, on: dt.date) -> list[Violation]:
    """Tuyệt mật: no trích yếu under 2025; under 2018 only with the classifier's consent. The message
    never repeats the summary."""
    if not summary.strip():
        return []
    return [
        Violation(v.code, f"Trích yếu: {v.message_vi}", v.basis)
        for v in check_summary_allowed(level, ruleset_for(on), consent)
    ]


def lawful_summary(*, level: str, summary: str, consent: bool, on: dt.date) -> str:
    """The item's summary as the register may copy it on ``on`` (dropped when the rule forbids it)."""
    return "" if summary_violations(level=level, summary=summary, consent=consent, on=on) else summary


def last_date(model: Any, agency_id: int, year: int, field: str) -> dt.date | None:
    """The date of the row written last (highest number). Registration keeps dates in order, so it is
    also the latest date, read through the (agency, year, seq) unique index instead of a scan."""
    value = (
        model.objects.filter(agency_id=agency_id, year=year)
        .order_by("-seq")
        .values_list(field, flat=True)
        .first()
    )
    return value if isinstance(value, dt.date) else None


def unknown(code: str, message: str) -> Violation:
    return Violation(code, message, "Kiểm tra dữ liệu đầu vào")
