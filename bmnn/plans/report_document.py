"""A period report as a ``bmnn.forms`` Document, so DOCX and PDF come from the shared NĐ 30/2020
renderers (letterhead, fonts, margins) instead of a layout of our own."""

from __future__ import annotations

from typing import Any

from bmnn.forms.catalogue.schema import Column, Page
from bmnn.forms.document import Document, Letterhead, Row, Signature, Table
from bmnn.lib.levels import LEVELS
from bmnn.plans.models import Report
from bmnn.plans.rollup.consolidate import LEVEL_HEADERS, act_rows, add_up, effective_statistics

# NĐ 30/2020 Phụ lục I: A4, top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
A4 = Page(size="A4", orientation="portrait", top=20, bottom=20, left=30, right=15)
PART_HEADINGS = (
    ("part_a", "a) Tình hình"),
    ("part_b", "b) Kết quả thực hiện; ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm"),
    ("part_c", "c) Số vụ lộ, mất bí mật nhà nước; nguyên nhân, việc xử lý, khắc phục hậu quả"),
    ("part_d", "d) Dự báo tình hình; đề xuất, kiến nghị"),
)


def _statistics(report: Report) -> dict[str, Any]:
    """Own numbers, or — once subordinates' packages are in — the consolidated totals."""
    received = [effective_statistics(p.payload) for p in report.received.all()]
    return add_up([report.statistics or {}, *received]) if received else (report.statistics or {})


def _body(report: Report, statistics: dict[str, Any]) -> tuple[str, ...]:
    tasks = statistics.get("tasks") or {}
    lines = [
        f"Kỳ số liệu: từ ngày {report.period_start:%d/%m/%Y} đến ngày {report.period_end:%d/%m/%Y}.",
    ]
    for name, heading in PART_HEADINGS:
        lines.append(heading)
        lines.extend(p for p in (getattr(report, name) or "").splitlines() if p.strip())
    lines.append(
        f"Thực hiện kế hoạch: {tasks.get('total', 0)} nhiệm vụ, hoàn thành {tasks.get('done', 0)}, "
        f"quá hạn chưa hoàn thành {tasks.get('overdue', 0)}."
    )
    units = statistics.get("units")
    scope = f", tổng hợp {units} cơ quan, đơn vị" if units else ""
    lines.append(f"Số liệu hoạt động theo độ mật (tự động từ sổ nhật ký{scope}):")
    return tuple(lines)


def _table(statistics: dict[str, Any]) -> Table:
    columns = (
        Column(1, "Hoạt động", "act", 60),
        *(
            Column(2 + i, label, level, 25, "right")
            for i, (level, label) in enumerate(zip(LEVELS, LEVEL_HEADERS, strict=True))
        ),
        Column(2 + len(LEVELS), "Cộng", "total", 25, "right"),
    )
    rows = [
        Row(
            {
                "act": r.label,
                **{lv: str(n) for lv, n in zip(LEVELS, r.by_level, strict=True)},
                "total": str(r.total),
            }
        )
        for r in act_rows(statistics)
    ]
    if not rows:
        rows = [Row({"act": "Không có hoạt động nào theo độ mật trong kỳ."})]
    return Table(columns=columns, rows=rows, expected_rows=len(rows))


def report_document(report: Report) -> Document:
    """The report as it is sent: letterhead, the four parts, the act table, signature, recipients.
    Counts only, no item titles, so the printout carries no secrecy mark of its own."""
    agency = report.agency
    statistics = _statistics(report)
    return Document(
        title="BÁO CÁO",
        subtitle=report.title,
        page=A4,
        letterhead=Letterhead(
            agency=agency.name,
            governing_body=agency.governing_body,
            number="…/BC-…",
            place=agency.place,
            date=None,
        ),
        body=_body(report, statistics),
        table=_table(statistics),
        signatures=(Signature("THỦ TRƯỞNG CƠ QUAN"),),
        recipients=tuple(r for r in (report.recipient, "Lưu: VT.") if r),
        form_key="plans.report",
    )
