"""A Gantt-like timeline of dated tasks: server-rendered SVG, no script, no inline style (CSP-safe)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from bmnn.plans.models import Task, TaskStatus

_COLOURS: dict[str, str] = {TaskStatus.DONE: "#2e7d32", TaskStatus.OVERDUE: "#b71c1c"}
_DEFAULT_COLOUR = "#5d6d7e"
_ROW, _LABEL_W, _TOP = 18, 70, 28


def _span(tasks: Sequence[Task], year: int | None) -> tuple[dt.date, dt.date]:
    dates = [t.deadline_date for t in tasks if t.deadline_date]
    if year is None:
        return min(dates), max(dates)
    return min(dt.date(year, 1, 1), *dates), max(dt.date(year, 12, 31), *dates)


def gantt(tasks: Sequence[Task], *, today: dt.date, year: int | None, width: int = 760) -> SafeString:
    """One row per dated task: a bar from the plan's start to the deadline, coloured by status."""
    dated = [t for t in tasks if t.deadline_date is not None]
    if not dated:
        return mark_safe("")  # nosec B308 - every piece escaped before joining
    start, end = _span(dated, year)
    days = max((end - start).days, 1)
    plot_w = width - _LABEL_W - 10
    height = _TOP + _ROW * len(dated) + 10

    def x(day: dt.date) -> float:
        return _LABEL_W + plot_w * min(max((day - start).days, 0), days) / days

    parts = [
        f'<svg class="chart gantt" role="img" aria-label="Tiến độ theo thời hạn" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>Tiến độ theo thời hạn</title>',
        *_month_ticks(start, end, x, height),
    ]
    for i, task in enumerate(dated):
        assert task.deadline_date is not None
        y = _TOP + i * _ROW
        status = task.status_on(today)
        colour = _COLOURS.get(status, _DEFAULT_COLOUR)
        label = escape(task.number or str(i + 1))
        tip = escape(f"{task.number} {task.text[:120]} — hạn {task.deadline_date:%d/%m/%Y}")
        parts.append(f'<text x="4" y="{y + 12}" font-size="10">{label}</text>')
        parts.append(
            f'<rect x="{x(start):.1f}" y="{y + 3}" width="{max(x(task.deadline_date) - x(start), 2):.1f}" '
            f'height="{_ROW - 6}" fill="{colour}" opacity="0.8" data-status="{status}"><title>{tip}</title></rect>'
        )
    if start <= today <= end:
        parts.append(
            f'<line x1="{x(today):.1f}" y1="{_TOP - 6}" x2="{x(today):.1f}" y2="{height - 4}" '
            f'stroke="#8b1a1a" stroke-dasharray="4 2"><title>Hôm nay {today:%d/%m/%Y}</title></line>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text is escaped above) # nosec B308 B703


def _month_ticks(start: dt.date, end: dt.date, x: Callable[[dt.date], float], height: int) -> list[str]:
    ticks = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            pos = x(day)
            ticks.append(f'<line x1="{pos:.1f}" y1="{_TOP - 4}" x2="{pos:.1f}" y2="{height}" stroke="#ddd"/>')
            ticks.append(f'<text x="{pos + 2:.1f}" y="{_TOP - 10}" font-size="9">{day:%m/%Y}</text>')
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return ticks
