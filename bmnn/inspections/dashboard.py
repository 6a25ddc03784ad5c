"""Numbers of the compliance dashboard ("tình hình công tác bảo vệ BMNN"). Each number carries the
URL of the list it counts; a section whose app cannot answer yet is ``None`` (shown as such)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from bmnn.inspections import queries
from bmnn.inspections.facts import safely
from bmnn.inspections.svg import Bar
from bmnn.inspections.views_findings import AGE_BUCKETS, age_bucket


@dataclass(frozen=True)
class Kpi:
    label: str
    value: int | None
    url: str
    bad: bool = False


def url(name: str, query: str = "") -> str:
    try:
        return reverse(name) + (f"?{query}" if query else "")
    except NoReverseMatch:
        return ""


def training(user: Any, today: dt.date) -> list[Bar] | None:
    def gather() -> list[Bar]:
        from bmnn.people import queries as people

        cov = people.training_coverage(user.agency, today.year)
        link = url("people:training_list")
        return [
            Bar(f"Tập huấn {cov.year}", cov.trained, link, "bar-ok"),
            Bar("Chưa tập huấn năm nay", len(cov.not_this_year), link, "bar-bad"),
            Bar("Chưa từng tập huấn", len(cov.never_trained), link, "bar-bad"),
        ]

    return safely(gather, "dashboard.training")  # type: ignore[no-any-return]


def devices(user: Any, today: dt.date) -> list[Bar] | None:
    def gather() -> list[Bar]:
        from bmnn.assets import queries as assets

        stats = assets.device_stats(user.agency, today)
        link = url("assets:device_list")
        return [
            Bar("Máy soạn thảo BMNN", stats["drafting"], link),
            Bar("Có tem", stats["sealed"], link, "bar-ok"),
            Bar("Kiểm tra trong hạn", stats["checked_in_time"], link, "bar-ok"),
            Bar("Kiểm tra không đạt", stats["failed"], link, "bar-bad"),
            Bar("USB chưa trả", stats["usb_out"], url("assets:storage_list"), "bar-bad"),
        ]

    return safely(gather, "dashboard.devices")  # type: ignore[no-any-return]


def findings_by_age(user: Any, today: dt.date) -> list[Bar]:
    ages = Counter(age_bucket((today - f.found_on).days) for f in queries.open_findings(user))
    base = url("inspections:finding_list", "state=open&age=")
    return [Bar(f"{label} ngày", ages.get(label, 0), base + label, "bar") for label, _ in AGE_BUCKETS]


def incidents_by_year(user: Any, today: dt.date) -> list[Bar]:
    from bmnn.incidents.queries import visible_incidents

    years = Counter(d.year for d in visible_incidents(user).values_list("discovered_at", flat=True))
    span = range(min([*years, today.year - 4]), today.year + 1)
    return [Bar(str(y), years.get(y, 0), url("incidents:list", f"year={y}"), "bar-bad") for y in span]


def overdue(user: Any, today: dt.date, now: dt.datetime) -> list[Kpi]:
    from bmnn.incidents.queries import overdue_tasks
    from bmnn.registry import queries as registry

    registry_rows = safely(
        lambda: [r for r in registry.due_queue(user, today=today, days=0) if r.due_on < today], "due"
    )
    return [
        Kpi(
            "Phát hiện quá hạn khắc phục",
            queries.overdue_findings(user, today).count(),
            url("inspections:finding_list", "state=overdue"),
            True,
        ),
        Kpi(
            "Việc xử lý sự cố quá hạn",
            overdue_tasks(user, now=now).count(),
            url("incidents:list", "overdue=1"),
            True,
        ),
        Kpi(
            "Tài liệu: thời hạn, nghĩa vụ đã quá hạn",
            None if registry_rows is None else len(registry_rows),
            url("registry:due"),
            True,
        ),
    ]
