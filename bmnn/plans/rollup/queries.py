"""The consolidated view of one report: who reported, who is late, totals by level and act, charts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from bmnn.lib.clock import VN_TZ
from bmnn.lib.levels import LABELS, LEVELS
from bmnn.plans.models import ReceivedPackage, Report, Subordinate
from bmnn.plans.rollup.consolidate import (
    ActRow,
    ReportingRow,
    act_rows,
    add_up,
    effective_statistics,
    reporting_rows,
)
from bmnn.web.charts import bar_chart


@dataclass(frozen=True)
class Consolidation:
    rows: list[ReportingRow]
    received: list[ReceivedPackage]
    totals: dict[str, Any]
    acts: list[ActRow]
    level_totals: tuple[int, ...]
    by_agency_level: list[tuple[str, int, int]]  # (cấp, packages, acts on secret items)
    status_chart: SafeString
    level_chart: SafeString
    act_chart: SafeString

    @property
    def counts(self) -> dict[str, int]:
        states = [row.state for row in self.rows]
        return {state: states.count(state) for state in ("on_time", "late", "missing", "waiting")}


def consolidation(report: Report, today: dt.date) -> Consolidation:
    received = list(
        ReceivedPackage.objects.filter(report=report).select_related("subordinate").order_by("sender_name")
    )
    # Expected: every active subordinate, plus one deactivated since it reported (its numbers count).
    expected = {s.pk: s.name for s in Subordinate.objects.filter(agency_id=report.agency_id, is_active=True)}
    expected.update({p.subordinate_id: p.subordinate.name for p in received})
    days = {p.subordinate_id: p.imported_at.astimezone(VN_TZ).date() for p in received}
    deadline = report.subordinate_deadline or report.deadline
    rows = reporting_rows(sorted(expected.items(), key=lambda kv: kv[1]), days, deadline, today)
    totals = add_up([report.statistics] + [effective_statistics(p.payload) for p in received])
    acts = act_rows(totals)
    level_totals = tuple(sum(row.by_level[i] for row in acts) for i in range(len(LEVELS)))
    return Consolidation(
        rows=rows,
        received=received,
        totals=totals,
        acts=acts,
        level_totals=level_totals,
        by_agency_level=_by_agency_level(received),
        status_chart=_status_chart(rows),
        level_chart=bar_chart(
            [(LABELS[level], level_totals[i]) for i, level in enumerate(LEVELS)],
            title="Tổng số hoạt động theo độ mật",
        ),
        act_chart=bar_chart(
            [(row.label[:18], row.total) for row in sorted(acts, key=lambda r: -r.total)[:8]],
            title="Các hoạt động nhiều nhất",
        ),
    )


def _status_chart(rows: list[ReportingRow]) -> SafeString:
    states = [row.state for row in rows]
    points = [
        ("Đúng hạn", states.count("on_time")),
        ("Muộn", states.count("late")),
        ("Quá hạn chưa gửi", states.count("missing")),
        ("Chưa đến hạn", states.count("waiting")),
    ]
    return bar_chart(points, title="Tình hình nhận báo cáo của đơn vị cấp dưới", height=140)


def _by_agency_level(received: list[ReceivedPackage]) -> list[tuple[str, int, int]]:
    """Packages and acts per administrative level of the sender (tỉnh, xã, đơn vị…), as it declared."""
    from bmnn.org.models import AgencyLevel

    labels = dict(AgencyLevel.choices)
    groups: dict[str, list[int]] = {}
    for item in received:
        label = labels.get(str(item.payload.get("agency_level") or ""), "Không ghi cấp")
        acts = sum(row.total for row in act_rows(effective_statistics(item.payload)))
        bucket = groups.setdefault(label, [0, 0])
        bucket[0] += 1
        bucket[1] += acts
    return [(label, n, acts) for label, (n, acts) in sorted(groups.items())]
