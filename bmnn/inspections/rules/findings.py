"""Inspection plans and findings: what a valid plan, finding, re-check and closure need (pure).

Inspections and self-inspections are the head's duty (Điều 24, 25 Luật 29/2018/QH14; Luật
117/2025/QH15 keeps the duty). How a finding is tracked to closure is bmnn's internal control: a
finding is closed only after a re-check found it remedied, so a report never shows a promise as a fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.rules import Violation

BASIS_INSPECTION = "Điều 24, 25 Luật 29/2018/QH14 (kiểm tra, thanh tra việc bảo vệ BMNN)"
BASIS_CONTROL = "Quy trình khắc phục sau kiểm tra của bmnn: khắc phục → kiểm tra lại → kết thúc"

SEVERITIES = ("low", "medium", "high")
MODES = ("self", "external")


class FindingStatus:
    OPEN = "open"
    FIXED = "fixed"  # the responsible unit reports it remedied; awaits re-check
    VERIFIED = "verified"  # the re-check found it remedied
    CLOSED = "closed"


@dataclass(frozen=True)
class PlanInput:
    title: str
    mode: str
    inspecting_body: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    scope: str
    team: str


def check_plan(p: PlanInput) -> list[Violation]:
    out: list[Violation] = []
    if not p.title.strip():
        out.append(Violation("title_required", "Tên đợt kiểm tra: bắt buộc.", BASIS_INSPECTION))
    if p.mode not in MODES:
        out.append(
            Violation(
                "mode_invalid",
                "Hình thức: chỉ nhận tự kiểm tra hoặc kiểm tra của cơ quan cấp trên/Công an.",
                BASIS_INSPECTION,
            )
        )
    if p.mode == "external" and not p.inspecting_body.strip():
        out.append(
            Violation(
                "body_required", "Cơ quan kiểm tra: bắt buộc khi không phải tự kiểm tra.", BASIS_INSPECTION
            )
        )
    if p.starts_on is None:
        out.append(Violation("start_required", "Ngày bắt đầu: bắt buộc.", BASIS_INSPECTION))
    elif p.ends_on is not None and p.ends_on < p.starts_on:
        out.append(
            Violation("end_before_start", "Ngày kết thúc: không được trước ngày bắt đầu.", BASIS_INSPECTION)
        )
    if not p.scope.strip():
        out.append(Violation("scope_required", "Phạm vi, nội dung kiểm tra: bắt buộc.", BASIS_INSPECTION))
    if not p.team.strip():
        out.append(Violation("team_required", "Thành phần đoàn kiểm tra: bắt buộc.", BASIS_INSPECTION))
    return out


@dataclass(frozen=True)
class FindingInput:
    description: str
    severity: str
    has_responsible_unit: bool
    due_on: dt.date | None
    found_on: dt.date
    inspection_closed: bool


def check_finding(f: FindingInput) -> list[Violation]:
    out: list[Violation] = []
    if f.inspection_closed:
        out.append(
            Violation(
                "inspection_closed", "Đợt kiểm tra đã kết thúc: không ghi thêm phát hiện.", BASIS_CONTROL
            )
        )
    if not f.description.strip():
        out.append(Violation("description_required", "Nội dung phát hiện: bắt buộc.", BASIS_INSPECTION))
    if f.severity not in SEVERITIES:
        out.append(
            Violation("severity_invalid", "Mức độ: chỉ nhận thấp, trung bình, nghiêm trọng.", BASIS_CONTROL)
        )
    if not f.has_responsible_unit:
        out.append(Violation("unit_required", "Đơn vị chịu trách nhiệm khắc phục: bắt buộc.", BASIS_CONTROL))
    if f.due_on is None:
        out.append(Violation("due_required", "Hạn khắc phục: bắt buộc.", BASIS_CONTROL))
    elif f.due_on < f.found_on:
        out.append(
            Violation("due_before_found", "Hạn khắc phục: không được trước ngày phát hiện.", BASIS_CONTROL)
        )
    return out


def check_mark_fixed(*, status: str, remediation: str) -> list[Violation]:
    out: list[Violation] = []
    if status != FindingStatus.OPEN:
        out.append(
            Violation("not_open", "Chỉ phát hiện đang mở mới báo cáo đã khắc phục được.", BASIS_CONTROL)
        )
    if not remediation.strip():
        out.append(Violation("remediation_required", "Biện pháp đã khắc phục: bắt buộc.", BASIS_CONTROL))
    return out


def check_recheck(*, status: str, note: str, rechecker_is_fixer: bool) -> list[Violation]:
    """The re-check is done by someone other than who reported the fix (four eyes)."""
    out: list[Violation] = []
    if status != FindingStatus.FIXED:
        out.append(Violation("not_fixed", "Chỉ kiểm tra lại phát hiện đã báo cáo khắc phục.", BASIS_CONTROL))
    if not note.strip():
        out.append(Violation("note_required", "Kết quả kiểm tra lại: ghi rõ đã xem gì.", BASIS_CONTROL))
    if rechecker_is_fixer:
        out.append(
            Violation("same_person", "Người kiểm tra lại phải khác người báo cáo khắc phục.", BASIS_CONTROL)
        )
    return out


def check_close_finding(*, status: str) -> list[Violation]:
    if status != FindingStatus.VERIFIED:
        return [Violation("not_verified", "Chỉ kết thúc phát hiện khi kiểm tra lại đã đạt.", BASIS_CONTROL)]
    return []


@dataclass(frozen=True)
class CloseInput:
    status: str
    conclusion: str
    unanswered: int
    open_findings: int
    started: bool


def check_close_inspection(c: CloseInput) -> list[Violation]:
    out: list[Violation] = []
    if c.status == "closed":
        out.append(Violation("already_closed", "Đợt kiểm tra đã kết thúc.", BASIS_CONTROL))
    if not c.started:
        out.append(
            Violation("not_started", "Chưa mở đợt kiểm tra (chưa có danh mục kiểm tra).", BASIS_CONTROL)
        )
    if not c.conclusion.strip():
        out.append(Violation("conclusion_required", "Kết luận kiểm tra: bắt buộc.", BASIS_INSPECTION))
    if c.unanswered:
        out.append(
            Violation(
                "unanswered", f"Còn {c.unanswered} nội dung kiểm tra chưa có kết quả.", BASIS_INSPECTION
            )
        )
    if c.open_findings:
        out.append(
            Violation(
                "findings_open",
                f"Còn {c.open_findings} phát hiện chưa kết thúc (chưa kiểm tra lại đạt).",
                BASIS_CONTROL,
            )
        )
    return out
