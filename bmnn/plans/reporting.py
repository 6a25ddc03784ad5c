"""Report periods and statistics.

The 2018 regime (NĐ 26/2020/NĐ-CP Điều 8, domain.md §6): data from 15/12 of the previous year to 14/12,
due by 20/12. The 2025 law amended this and the details are not yet known, so period start, deadline
and recipient are settings with these lawful defaults:
``BMNN_REPORT_PERIOD_START`` ("15/12"), ``BMNN_REPORT_DEADLINE`` ("20/12"), ``BMNN_REPORT_RECIPIENT``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from bmnn.lib.clock import VN_TZ
from bmnn.lib.levels import LEVELS

DEFAULT_PERIOD_START = "15/12"  # of the previous year (NĐ 26/2020 Điều 8)
DEFAULT_DEADLINE = "20/12"
DEFAULT_RECIPIENT = "Bộ Công an (qua Công an tỉnh)"  # subordinate units report earlier to Công an tỉnh


def _day_month(value: str, name: str) -> tuple[int, int]:
    try:
        day, month = (int(part) for part in value.split("/"))
        dt.date(2000, month, day)
    except ValueError as exc:
        raise ValueError(f"{name}={value!r}: cần dạng dd/mm") from exc
    return day, month


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    deadline: dt.date
    recipient: str


def default_period(today: dt.date) -> Period:
    """The yearly period whose report is being written on ``today``.

    After the deadline of this year's report the next period is proposed.
    """
    s_day, s_month = _day_month(getattr(settings, "BMNN_REPORT_PERIOD_START", DEFAULT_PERIOD_START), "start")
    d_day, d_month = _day_month(getattr(settings, "BMNN_REPORT_DEADLINE", DEFAULT_DEADLINE), "deadline")
    year = today.year
    if today > dt.date(year, d_month, d_day):
        year += 1
    start = dt.date(year - 1, s_month, s_day)
    end = dt.date(year, s_month, s_day) - dt.timedelta(days=1)
    recipient = getattr(settings, "BMNN_REPORT_RECIPIENT", DEFAULT_RECIPIENT)
    return Period(start, end, dt.date(year, d_month, d_day), recipient)


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Vietnamese calendar days → aware datetimes [from, to) for querying the ledger."""
    begin = dt.datetime.combine(start, dt.time.min, tzinfo=VN_TZ)
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=VN_TZ)
    return begin, stop


def collect_statistics(*, agency: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
    """What bmnn already knows for the period: acts by event type and plan task completion."""
    from bmnn.audit.models import LedgerEntry
    from bmnn.plans.models import Task, TaskStatus

    begin, stop = period_bounds(start, end)
    # Only this agency's people's acts: an installation may hold several agencies (e.g. the demo one).
    rows = LedgerEntry.objects.filter(created_at__gte=begin, created_at__lt=stop, actor__agency=agency)
    events: Counter[str] = Counter()
    acts: dict[str, Counter[str]] = {}
    for event, payload in rows.values_list("event", "payload").iterator():
        events[event] += 1
        level = _level_of(payload)
        if level:
            acts.setdefault(event, Counter())[level] += 1
    tasks = Task.objects.filter(plan__agency=agency, plan__year__in={start.year, end.year})
    total = tasks.count()
    done = tasks.filter(status=TaskStatus.DONE).count()
    overdue = tasks.exclude(status=TaskStatus.DONE).filter(deadline_date__lte=end).count()
    return {
        "period": [start.isoformat(), end.isoformat()],
        "events": dict(sorted(events.items())),
        # Acts on secret items by secrecy level (payload key ``level``, the ledger's convention).
        "acts": {event: dict(sorted(levels.items())) for event, levels in sorted(acts.items())},
        "tasks": {"total": total, "done": done, "overdue": overdue, "plans_year": end.year},
    }


def _level_of(payload: str) -> str:
    """The payload's secrecy level, when it names one; cheap pre-check avoids parsing every entry."""
    if '"level"' not in payload:
        return ""
    try:
        level = json.loads(payload).get("level")
    except (ValueError, AttributeError):
        return ""
    return level if level in LEVELS else ""
