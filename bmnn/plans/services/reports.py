"""Period reports: created with statistics filled from bmnn's data, narrative parts written by people."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.vntext import nfc
from bmnn.org.models import Agency
from bmnn.plans.models import Report, ReportStatus
from bmnn.plans.reporting import collect_statistics

PARTS = ("part_a", "part_b", "part_c", "part_d")


@transaction.atomic
def create_report(
    *,
    actor: Any,
    agency: Agency,
    title: str,
    period_start: dt.date,
    period_end: dt.date,
    deadline: dt.date | None,
    recipient: str,
    subordinate_deadline: dt.date | None = None,
) -> Report:
    if period_start > period_end:
        raise ValidationError({"period_end": "Ngày cuối kỳ phải sau ngày đầu kỳ."})
    report = Report(
        agency=agency,
        title=nfc(title).strip(),
        period_start=period_start,
        period_end=period_end,
        deadline=deadline,
        subordinate_deadline=subordinate_deadline,
        recipient=nfc(recipient).strip(),
        statistics=collect_statistics(agency=agency, start=period_start, end=period_end),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    report.full_clean()
    report.save()
    record(
        event="plans.report_created",
        actor=actor,
        subject=report,
        payload={"period": [period_start, period_end], "deadline": deadline, "recipient": report.recipient},
    )
    return report


@transaction.atomic
def update_report(*, actor: Any, report: Report, parts: dict[str, str], finalize: bool = False) -> Report:
    """Save the narrative (a)–(d) and refresh the statistics; a finished report is not changed again."""
    if report.status == ReportStatus.FINAL:
        raise ValidationError("Báo cáo đã hoàn thành, không sửa được nữa.")
    if finalize and not all((parts.get(p) or "").strip() for p in PARTS):
        raise ValidationError("Cần viết đủ bốn phần a), b), c), d) trước khi hoàn thành báo cáo.")
    for name in PARTS:
        setattr(report, name, nfc(parts.get(name) or "").strip())
    report.statistics = collect_statistics(
        agency=report.agency, start=report.period_start, end=report.period_end
    )
    if finalize:
        report.status = ReportStatus.FINAL
    report.save()
    record(
        event="plans.report_finalized" if finalize else "plans.report_updated",
        actor=actor,
        subject=report,
        payload={"period": [report.period_start, report.period_end], "status": report.status},
    )
    return report
