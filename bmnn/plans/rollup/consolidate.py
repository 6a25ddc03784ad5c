"""Pure sums over subordinates' statistics and the who-reported / who-is-late table."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bmnn.lib.levels import LABELS, LEVELS

# Acts on secret items named in Vietnamese (glossary); any other event is shown by its code.
ACT_LABELS: dict[str, str] = {
    "registry.item_classified": "Xác định độ mật",
    "registry.item_proposed": "Đề xuất độ mật",
    "registry.item_extended": "Gia hạn thời hạn bảo vệ",
    "registry.item_relevelled": "Điều chỉnh độ mật",
    "registry.item_declassified": "Giải mật",
    "registry.item_auto_declassified": "Tự động giải mật",
    "registry.item_access_granted": "Cho phép tiếp cận",
    "registry.item_viewed": "Xem tài liệu",
}
SECRET_TEXT_KEYS = frozenset({"title", "summary", "trich_yeu", "titles", "summaries"})


def act_label(event: str) -> str:
    return ACT_LABELS.get(event, event)


def strip_secret_text(value: Any) -> Any:
    """Drop titles and summaries from statistics wherever they appear: a package carries counts.

    Defence in depth: today's statistics hold none, but a later statistic (e.g. a list of incidents)
    must not carry a secret summary onto a USB stick unless the installation allows it."""
    if isinstance(value, dict):
        return {k: strip_secret_text(v) for k, v in value.items() if k not in SECRET_TEXT_KEYS}
    if isinstance(value, list):
        return [strip_secret_text(v) for v in value]
    return value


def effective_statistics(payload: dict[str, Any]) -> dict[str, Any]:
    """What a package contributes: its consolidated totals when it is itself a roll-up."""
    consolidated = payload.get("consolidated")
    if isinstance(consolidated, dict) and isinstance(consolidated.get("totals"), dict):
        return consolidated["totals"]
    stats = payload.get("statistics")
    return stats if isinstance(stats, dict) else {}


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _mapping(value: Any) -> dict[str, Any]:
    """A signed package from a known key is trusted for origin, not for shape."""
    return value if isinstance(value, dict) else {}


def add_up(statistics: list[dict[str, Any]]) -> dict[str, Any]:
    """Sum events, acts by level and plan-task counts. Unknown or negative values count as 0."""
    events: Counter[str] = Counter()
    acts: dict[str, Counter[str]] = {}
    tasks: Counter[str] = Counter()
    units = 0
    for stats in statistics:
        units += _int(stats.get("units", 1)) or 1
        for event, count in _mapping(stats.get("events")).items():
            events[str(event)] += _int(count)
        for event, levels in _mapping(stats.get("acts")).items():
            bucket = acts.setdefault(str(event), Counter())
            for level, count in _mapping(levels).items():
                if level in LEVELS and _int(count):
                    bucket[level] += _int(count)
        for key in ("total", "done", "overdue"):
            tasks[key] += _int(_mapping(stats.get("tasks")).get(key))
    return {
        "events": dict(sorted(events.items())),
        "acts": {event: dict(sorted(levels.items())) for event, levels in sorted(acts.items()) if levels},
        "tasks": {key: tasks[key] for key in ("total", "done", "overdue")},
        "units": units,  # reporting agencies behind these numbers, counting nested roll-ups
    }


@dataclass(frozen=True)
class ActRow:
    event: str
    label: str
    by_level: tuple[int, ...]  # in LEVELS order

    @property
    def total(self) -> int:
        return sum(self.by_level)


def act_rows(totals: dict[str, Any]) -> list[ActRow]:
    return [
        ActRow(event, act_label(event), tuple(_int(levels.get(level)) for level in LEVELS))
        for event, levels in _mapping(totals.get("acts")).items()
    ]


LEVEL_HEADERS = tuple(LABELS[level] for level in LEVELS)


@dataclass(frozen=True)
class ReportingRow:
    name: str
    state: str  # "on_time" | "late" | "missing" | "waiting"
    received_on: dt.date | None

    @property
    def state_vi(self) -> str:
        return {
            "on_time": "Đã báo cáo",
            "late": "Báo cáo muộn",
            "missing": "Chưa báo cáo — quá hạn",
            "waiting": "Chưa báo cáo (chưa đến hạn)",
        }[self.state]


def reporting_rows(
    expected: list[tuple[int, str]], received: dict[int, dt.date], deadline: dt.date | None, today: dt.date
) -> list[ReportingRow]:
    """Who reported and who is late. A package counts by the day it reached this level, since that is
    when the upper level could use it (the file's own signing time is the sender's claim)."""
    rows = []
    for key, name in expected:
        day = received.get(key)
        if day is not None:
            state = "late" if deadline is not None and day > deadline else "on_time"
        else:
            state = "missing" if deadline is not None and today > deadline else "waiting"
        rows.append(ReportingRow(name, state, day))
    return rows
