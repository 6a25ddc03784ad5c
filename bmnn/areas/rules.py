"""Pure rules for restricted areas, secret meetings and internal rules. No Django.

Meetings (Điều 17–18 Luật 29/2018/QH14; Điều 6 NĐ 26/2020/NĐ-CP, per legal-notes §6.3 [H]): only the
proper attendees; documents recovered after the meeting; no recording or transmitting devices for
Tuyệt mật and Tối mật meetings, for Mật at the chair's discretion; prohibited act khoản 8 Điều 5.
Internal rules: the head issues nội quy (khoản 3 Điều 24), central/provincial bodies a quy chế (Điều 25).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib import levels
from bmnn.lib.rules import Violation

BASIS_MEETING = "Điều 17, 18 Luật 29/2018/QH14; Điều 6 NĐ 26/2020/NĐ-CP"
BASIS_RECORDING = "Khoản 8 Điều 5 Luật 29/2018/QH14; Điều 6 NĐ 26/2020/NĐ-CP"
BASIS_ACCESS = "Điều 8, Điều 26 Luật 29/2018/QH14 (tiếp cận đúng độ mật được giao)"
BASIS_AREA = "Quyết định xác định khu vực cấm, địa điểm cấm của cấp có thẩm quyền"
BASIS_RULES = "Khoản 3 Điều 24, Điều 25 Luật 29/2018/QH14"


def check_area(*, kind: str, name: str, decision_number: str, rules_text: str) -> list[Violation]:
    """A khu vực / địa điểm cấm exists by a decision; every area has entry rules. Which decision level is
    competent is not modelled (not confirmed in the sources): the decision reference is free text."""
    problems = []
    if not name.strip():
        problems.append(Violation("name_missing", "Tên: bắt buộc.", BASIS_AREA))
    if kind in ("forbidden_area", "forbidden_place") and not decision_number.strip():
        problems.append(
            Violation(
                "decision_missing", "Quyết định xác định số: bắt buộc với khu vực, địa điểm cấm.", BASIS_AREA
            )
        )
    if not rules_text.strip():
        problems.append(Violation("rules_missing", "Nội quy ra, vào, làm việc: bắt buộc.", BASIS_AREA))
    return problems


def device_rules(level: str, recording_allowed: bool) -> list[str]:
    """What the meeting page tells attendees about devices, by level."""
    if level in ("top_secret", "secret"):
        return [
            "Không mang thiết bị ghi âm, ghi hình, thu phát tín hiệu (điện thoại di động, máy tính bảng…) vào phòng họp.",
            "Micro, thiết bị âm thanh có dây đã được cơ quan công an kiểm tra.",
        ] + (
            ["Tuyệt mật: bảo vệ vòng ngoài, kiểm tra an ninh người dự họp."] if level == "top_secret" else []
        )
    if recording_allowed:
        return ["Độ Mật: chủ trì cho phép sử dụng thiết bị ghi âm, ghi hình theo hướng dẫn của ban tổ chức."]
    return ["Độ Mật: không sử dụng thiết bị ghi âm, ghi hình (chủ trì không cho phép)."]


@dataclass(frozen=True)
class MeetingFacts:
    title: str
    level: str
    starts_on: dt.date
    ends_on: dt.date
    approval_reference: str
    approved_on: dt.date
    recording_allowed: bool


def check_meeting(m: MeetingFacts) -> list[Violation]:
    problems = []
    if not m.title.strip():
        problems.append(Violation("title_missing", "Tên cuộc họp: bắt buộc.", BASIS_MEETING))
    if not m.approval_reference.strip():
        problems.append(Violation("approval_missing", "Văn bản phê duyệt: bắt buộc.", BASIS_MEETING))
    if m.approved_on > m.starts_on:
        problems.append(
            Violation("approved_after", "Ngày phê duyệt: phải trước hoặc trong ngày họp.", BASIS_MEETING)
        )
    if m.ends_on < m.starts_on:
        problems.append(
            Violation("ends_before_start", "Ngày kết thúc: không được trước ngày họp.", BASIS_MEETING)
        )
    if m.recording_allowed and m.level != "confidential":
        problems.append(
            Violation(
                "recording_forbidden",
                "Thiết bị ghi âm, ghi hình: không được phép trong cuộc họp độ Tối mật, Tuyệt mật.",
                BASIS_RECORDING,
            )
        )
    return problems


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    clearance: str  # effective clearance
    active: bool = True


def check_attendees(*, level: str, people: list[Person], already: frozenset[int]) -> list[Violation]:
    """Each attendee must be cleared for the meeting's level; one message per person."""
    problems = []
    for p in people:
        if p.id in already:
            problems.append(
                Violation("attendee_duplicate", f"Người dự: {p.name} đã có trong danh sách.", BASIS_MEETING)
            )
        elif not p.active:
            problems.append(
                Violation("attendee_inactive", f"Người dự: tài khoản {p.name} đã bị khóa.", BASIS_MEETING)
            )
        elif not levels.covers(p.clearance, level):
            problems.append(
                Violation(
                    "attendee_not_cleared",
                    f"Người dự: {p.name} chỉ được tiếp cận “{levels.label(p.clearance)}”, không đủ cho cuộc họp độ "
                    f"“{levels.label(level)}”.",
                    BASIS_ACCESS,
                )
            )
    return problems


def check_handout(
    *, meeting_level: str, item_level: str, recipient: Person, recipient_attends: bool
) -> list[Violation]:
    problems = []
    if levels.rank(item_level) > levels.rank(meeting_level):
        problems.append(
            Violation("item_above_meeting", "Tài liệu: độ mật cao hơn độ mật của cuộc họp.", BASIS_MEETING)
        )
    if not recipient_attends:
        problems.append(
            Violation(
                "recipient_not_attendee",
                f"Người nhận: {recipient.name} không có trong danh sách dự họp.",
                BASIS_MEETING,
            )
        )
    elif not levels.covers(recipient.clearance, item_level):
        problems.append(
            Violation(
                "recipient_not_cleared",
                f"Người nhận: {recipient.name} không đủ mức tiếp cận độ mật của tài liệu.",
                BASIS_ACCESS,
            )
        )
    return problems


def check_recovery(*, handed_out_on: dt.date, recovered_on: dt.date, already: bool) -> list[Violation]:
    problems = []
    if already:
        problems.append(Violation("already_recovered", "Tài liệu này đã được thu hồi.", BASIS_MEETING))
    if recovered_on < handed_out_on:
        problems.append(
            Violation("recovered_before_handout", "Ngày thu hồi: không được trước ngày phát.", BASIS_MEETING)
        )
    return problems


def unrecovered_is_late(*, meeting_ends_on: dt.date, today: dt.date) -> bool:
    """Documents are recovered after the meeting: still out the day after it ended is an alert."""
    return today > meeting_ends_on


def check_rule_version(
    *, number: str, issued_on: dt.date, effective_from: dt.date, review_due: dt.date
) -> list[Violation]:
    problems = []
    if not number.strip():
        problems.append(Violation("number_missing", "Số, ký hiệu: bắt buộc.", BASIS_RULES))
    if effective_from < issued_on:
        problems.append(
            Violation("effective_before_issue", "Hiệu lực từ: không được trước ngày ban hành.", BASIS_RULES)
        )
    if review_due <= issued_on:
        problems.append(Violation("review_before_issue", "Hạn rà soát: phải sau ngày ban hành.", BASIS_RULES))
    return problems


def review_overdue(review_due: dt.date, today: dt.date) -> bool:
    return review_due < today
