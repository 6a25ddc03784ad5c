"""Pure checks on a package whose signature is good: is it the right report, for the right period,
and not already here? Every failure is collected, each with what the user can do about it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bmnn.lib.rules import Violation

PERIOD_BASIS = "Điều 8 Nghị định 26/2020/NĐ-CP (kỳ số liệu báo cáo)"
KIND_PERIODIC = "periodic_report"


@dataclass(frozen=True)
class PackageMeta:
    sender_name: str
    title: str
    period_start: dt.date
    period_end: dt.date
    exported_at: dt.datetime | None


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def read_meta(payload: dict[str, Any]) -> tuple[PackageMeta | None, list[Violation]]:
    """The header fields every package must carry, or why it is incomplete."""
    report = payload.get("report") if isinstance(payload.get("report"), dict) else {}
    assert isinstance(report, dict)
    start, end = _date(report.get("period_start")), _date(report.get("period_end"))
    problems = []
    if payload.get("kind") != KIND_PERIODIC:
        problems.append(Violation("wrong_kind", "Gói không phải báo cáo định kỳ.", PERIOD_BASIS))
    if not str(payload.get("agency") or "").strip():
        problems.append(Violation("no_sender", "Gói không ghi tên cơ quan gửi.", ""))
    if start is None or end is None or start > end:
        problems.append(
            Violation("no_period", "Gói không ghi rõ kỳ số liệu (từ ngày, đến ngày).", PERIOD_BASIS)
        )
    if not isinstance(payload.get("statistics"), dict):
        problems.append(Violation("no_statistics", "Gói không có phần số liệu.", ""))
    if problems or start is None or end is None:
        return None, problems
    try:
        exported = dt.datetime.fromisoformat(str(payload.get("exported_at")))
    except ValueError:
        exported = None
    meta = PackageMeta(
        sender_name=str(payload["agency"]).strip(),
        title=str(report.get("title") or "").strip() or "Báo cáo",
        period_start=start,
        period_end=end,
        exported_at=exported,
    )
    return meta, []


def _vn(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


@dataclass(frozen=True)
class ImportCheck:
    meta: PackageMeta
    report_start: dt.date
    report_end: dt.date
    subordinate_name: str
    same_digest_imported_on: dt.date | None  # this very file was imported before
    subordinate_reported_on: dt.date | None  # another package of this subordinate is already here


def check_import(check: ImportCheck) -> list[Violation]:
    """Wrong period and duplicates. The period must be the one the upper level is consolidating:
    numbers of different periods cannot be added up (NĐ 26/2020 Điều 8)."""
    meta, problems = check.meta, []
    if (meta.period_start, meta.period_end) != (check.report_start, check.report_end):
        problems.append(
            Violation(
                "wrong_period",
                f"Gói báo cáo kỳ {_vn(meta.period_start)} – {_vn(meta.period_end)}, không phải kỳ đang "
                f"tổng hợp {_vn(check.report_start)} – {_vn(check.report_end)}. Không nhập.",
                PERIOD_BASIS,
            )
        )
    if check.same_digest_imported_on is not None:
        problems.append(
            Violation(
                "duplicate",
                f"Gói này đã được nhập ngày {_vn(check.same_digest_imported_on)}; không nhập lần nữa.",
                "",
            )
        )
    elif check.subordinate_reported_on is not None:
        problems.append(
            Violation(
                "already_reported",
                f"{check.subordinate_name} đã có báo cáo kỳ này (nhập ngày "
                f"{_vn(check.subordinate_reported_on)}); không nhập thêm gói thứ hai.",
                "",
            )
        )
    return problems
