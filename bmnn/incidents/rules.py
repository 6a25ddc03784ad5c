"""Pure rules for lộ / mất incidents (no Django).

- Whoever finds a lộ/mất reports it to the head at once (khoản 4 Điều 14, điểm c khoản 2 Điều 26,
  khoản 3 Điều 25 Luật 29/2018/QH14).
- The agency sends an ad-hoc report to Công an "ngay sau khi phát hiện vụ lộ, mất BMNN" (điểm b
  khoản 1 Điều 8 NĐ 26/2020/NĐ-CP). The law gives no number of hours, so the *tracked* deadline is the
  setting ``BMNN_INCIDENT_REPORT_HOURS`` (default 24): a bookkeeping alarm, not a legal period. The
  2025 rules in NĐ 63/2026 were not obtained (legal-notes Q7), so the 2018 rule stays the default.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib import levels
from bmnn.lib.rules import Violation

BASIS_HEAD = "Khoản 4 Điều 14, khoản 3 Điều 25, điểm c khoản 2 Điều 26 Luật 29/2018/QH14"
BASIS_POLICE = "Điểm b khoản 1 Điều 8 Nghị định 26/2020/NĐ-CP (báo cáo đột xuất ngay sau khi phát hiện)"
BASIS_INPUT = "Kiểm tra dữ liệu đầu vào"
KINDS = ("leak", "loss", "suspected")
DEFAULT_REPORT_HOURS = 24  # tracking alarm for "ngay sau khi phát hiện"; see module docstring
DEFAULT_HEAD_HOURS = 0  # "ngay": the head is told at once; the task is due when recorded


@dataclass(frozen=True)
class ReportInput:
    kind: str
    level: str  # entered level ("" = take the highest item level)
    item_levels: tuple[str, ...]
    description: str
    how_found: str
    discovered_at: dt.datetime | None
    occurred_on: dt.date | None
    now: dt.datetime
    reporter_clearance: str
    # Signs of opening seen on an envelope are reported from the outside by whoever registers it,
    # cleared or not (domain.md §4.3); the report then holds no content of the document.
    outside_only: bool = False


def incident_level(entered: str, item_levels: tuple[str, ...]) -> str:
    """Mixed contents take the highest level (khoản 2 Điều 10 Luật 29/2018/QH14)."""
    candidates = [lv for lv in (entered, *item_levels) if lv in levels.LEVELS]
    return max(candidates, key=levels.rank) if candidates else ""


def check_report(r: ReportInput) -> list[Violation]:
    out: list[Violation] = []
    if r.kind not in KINDS:
        out.append(
            Violation("kind_invalid", "Loại sự cố: chỉ nhận lộ, mất hoặc dấu hiệu lộ, mất.", BASIS_INPUT)
        )
    if r.level and r.level not in levels.LEVELS:
        out.append(Violation("level_invalid", "Độ mật: không hợp lệ.", BASIS_INPUT))
    level = incident_level(r.level, r.item_levels)
    if not level:
        out.append(
            Violation("level_required", "Độ mật: chọn độ mật hoặc chọn tài liệu liên quan.", BASIS_INPUT)
        )
    elif r.level in levels.LEVELS and levels.rank(r.level) < max(
        (levels.rank(lv) for lv in r.item_levels), default=0
    ):
        out.append(
            Violation(
                "level_below_items",
                "Độ mật: không được thấp hơn độ mật cao nhất của tài liệu liên quan.",
                "Khoản 2 Điều 10 Luật 29/2018/QH14",
            )
        )
    elif not r.outside_only and not levels.covers(r.reporter_clearance, level):
        out.append(
            Violation(
                "reporter_not_cleared",
                "Người báo cáo không được tiếp cận độ mật này: báo cáo trực tiếp người đứng đầu.",
                BASIS_HEAD,
            )
        )
    if not r.description.strip():
        out.append(Violation("description_required", "Diễn biến: bắt buộc.", BASIS_HEAD))
    if not r.how_found.strip():
        out.append(Violation("how_found_required", "Phát hiện như thế nào: bắt buộc.", BASIS_HEAD))
    if r.discovered_at is None:
        out.append(Violation("discovered_required", "Thời điểm phát hiện: bắt buộc.", BASIS_POLICE))
    elif r.discovered_at > r.now:
        out.append(
            Violation("discovered_future", "Thời điểm phát hiện: không được ở tương lai.", BASIS_POLICE)
        )
    elif r.occurred_on is not None and r.occurred_on > r.discovered_at.date():
        out.append(
            Violation(
                "occurred_after_discovered", "Ngày xảy ra: không được sau thời điểm phát hiện.", BASIS_INPUT
            )
        )
    return out


def police_report_due(discovered_at: dt.datetime, hours: int = DEFAULT_REPORT_HOURS) -> dt.datetime:
    return discovered_at + dt.timedelta(hours=max(hours, 0))


def reported_in_time(due: dt.datetime, reported_at: dt.datetime | None, now: dt.datetime) -> bool | None:
    """True/False once decided; None while still within the deadline and not yet reported."""
    if reported_at is not None:
        return reported_at <= due
    return False if now > due else None


def check_police_report(
    *,
    already: bool,
    reference: str,
    reported_at: dt.datetime | None,
    discovered_at: dt.datetime,
    now: dt.datetime,
) -> list[Violation]:
    out: list[Violation] = []
    if already:
        out.append(Violation("already_reported", "Đã ghi nhận báo cáo Công an cho sự cố này.", BASIS_POLICE))
    if not reference.strip():
        out.append(Violation("reference_required", "Số, ngày văn bản báo cáo: bắt buộc.", BASIS_POLICE))
    if reported_at is None:
        out.append(Violation("reported_at_required", "Thời điểm gửi báo cáo: bắt buộc.", BASIS_POLICE))
    elif reported_at < discovered_at or reported_at > now:
        out.append(
            Violation(
                "reported_at_invalid",
                "Thời điểm gửi báo cáo: phải sau khi phát hiện và không ở tương lai.",
                BASIS_POLICE,
            )
        )
    return out


@dataclass(frozen=True)
class CloseInput:
    status: str
    head_notified: bool
    police_reported: bool
    causes: str
    remediation: str
    discipline: str


def check_close(c: CloseInput) -> list[Violation]:
    """An incident is closed only once reported, its causes found and remediation and discipline decided
    (khoản 3 Điều 25 Luật 29/2018/QH14: the head handles and remedies)."""
    out: list[Violation] = []
    if c.status == "closed":
        out.append(Violation("already_closed", "Sự cố đã kết thúc.", BASIS_HEAD))
    if not c.head_notified:
        out.append(Violation("head_not_notified", "Chưa ghi nhận việc báo cáo người đứng đầu.", BASIS_HEAD))
    if not c.police_reported:
        out.append(Violation("police_not_reported", "Chưa gửi báo cáo đột xuất cho Công an.", BASIS_POLICE))
    for value, field in (
        (c.causes, "Nguyên nhân"),
        (c.remediation, "Biện pháp khắc phục"),
        (c.discipline, "Xử lý kỷ luật, trách nhiệm"),
    ):
        if not value.strip():
            out.append(Violation("conclusion_missing", f"{field}: bắt buộc trước khi kết thúc.", BASIS_HEAD))
    return out
