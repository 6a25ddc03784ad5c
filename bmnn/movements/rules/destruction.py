"""Destruction (tiêu hủy): the file, step by step, and the custodian's emergency destruction.

Điều 23 Luật 29/2018/QH14 (khoản 1 the cases, khoản 2 who decides, khoản 3 council and minutes);
Điều 23 Luật 117/2025/QH15 and Điều 12 NĐ 63/2026/NĐ-CP from 01/03/2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.levels import label, rank
from bmnn.lib.rules import Violation
from bmnn.movements.rules.common import cite, item_open, not_before, not_future, required

# The council needs a chair and, by the law, the custodian and representatives of related bodies:
# at least two people besides the chair. The exact size is not fixed by law (agency setting).
MIN_COUNCIL_MEMBERS = 2


def destroy_basis(on: dt.date, clause: str = "") -> str:
    article = f"{clause} Điều 23".strip()
    return cite(on, article, decree_2025="Điều 12")


@dataclass(frozen=True)
class LineFacts:
    """One item or copy listed in a destruction file."""

    label: str
    status: str  # item status, or "destroyed" for a destroyed copy
    open_take_out: bool
    open_recall: bool
    in_other_open_case: bool = False


def _line_violations(line: LineFacts, on: dt.date) -> list[Violation]:
    basis = destroy_basis(on)
    out = [
        Violation(v.code, f"{line.label}: {v.message_vi}", v.basis)
        for v in item_open(line.status, "tiêu hủy", basis)
        if line.status != "declassified"  # a declassified item may still be destroyed as a record
    ]
    if line.open_take_out:
        out.append(
            Violation(
                "destroy_open_take_out",
                f"{line.label}: đang được mang ra khỏi nơi lưu giữ, chưa trả lại — không thể tiêu hủy.",
                cite(on, "Điều 14", decree_2018="Điều 5"),
            )
        )
    if line.open_recall:
        out.append(
            Violation(
                "destroy_open_recall",
                f"{line.label}: đang bị thu hồi, chưa hoàn tất — không thể tiêu hủy.",
                cite(on, "Điều 23", decree_2018="khoản 4 Điều 4"),
            )
        )
    if line.in_other_open_case:
        out.append(
            Violation(
                "destroy_in_other_case",
                f"{line.label}: đã có trong một hồ sơ tiêu hủy khác đang xử lý.",
                basis,
            )
        )
    return out


@dataclass(frozen=True)
class ProposalFacts:
    lines: tuple[LineFacts, ...]
    reason: str
    on: dt.date
    today: dt.date


def check_proposal(p: ProposalFacts) -> list[Violation]:
    basis = destroy_basis(p.on, "khoản 1")
    out: list[Violation] = []
    if not p.lines:
        out.append(Violation("destroy_nothing", "Chọn ít nhất một tài liệu hoặc bản sao để tiêu hủy.", basis))
    out += required(p.reason, "destroy_reason_missing", "Lý do đề xuất", basis)
    out += not_future(p.on, p.today, "destroy_date_future", "Ngày đề xuất", basis)
    for line in p.lines:
        out += _line_violations(line, p.on)
    return out


@dataclass(frozen=True)
class CouncilFacts:
    stage: str
    council_ref: str
    chair: str
    members: tuple[str, ...]
    on: dt.date
    proposed_on: dt.date
    today: dt.date


def check_council(c: CouncilFacts) -> list[Violation]:
    basis = destroy_basis(c.on, "khoản 3")
    out = _stage(c.stage, "proposed", "thành lập hội đồng", basis)
    out += required(c.council_ref, "council_ref_missing", "Quyết định thành lập hội đồng (số, ngày)", basis)
    out += required(c.chair, "council_chair_missing", "Chủ tịch hội đồng", basis)
    members = [m for m in c.members if m.strip()]
    if len(members) < MIN_COUNCIL_MEMBERS:
        out.append(
            Violation(
                "council_too_small",
                f"Trường “Thành viên hội đồng”: cần ít nhất {MIN_COUNCIL_MEMBERS} thành viên ngoài chủ tịch "
                "(người trực tiếp quản lý tài liệu và đại diện cơ quan, đơn vị liên quan).",
                basis,
            )
        )
    out += not_future(c.on, c.today, "council_date_future", "Ngày thành lập hội đồng", basis)
    out += not_before(
        c.on,
        c.proposed_on,
        "council_before_proposal",
        "Hội đồng không thể thành lập trước ngày đề xuất.",
        basis,
    )
    return out


@dataclass(frozen=True)
class MinutesFacts:
    stage: str
    minutes_ref: str
    opinion: str
    on: dt.date
    council_on: dt.date | None
    today: dt.date


def check_minutes(m: MinutesFacts) -> list[Violation]:
    basis = destroy_basis(m.on, "khoản 3")
    out = _stage(m.stage, "council", "ghi biên bản họp hội đồng", basis)
    out += required(m.minutes_ref, "minutes_ref_missing", "Biên bản họp hội đồng (số, ngày)", basis)
    out += required(m.opinion, "minutes_opinion_missing", "Kết luận của hội đồng", basis)
    out += not_future(m.on, m.today, "minutes_date_future", "Ngày họp hội đồng", basis)
    out += not_before(
        m.on,
        m.council_on,
        "minutes_before_council",
        "Hội đồng không thể họp trước ngày được thành lập.",
        basis,
    )
    return out


@dataclass(frozen=True)
class DecisionFacts:
    stage: str
    approve: bool
    decision_ref: str
    reason: str
    level: str
    decider_max_level: str | None  # what the decider's position may decide "destroy" for that day
    on: dt.date
    minutes_on: dt.date | None
    today: dt.date


def check_decision(d: DecisionFacts) -> list[Violation]:
    """Decided by the Tuyệt mật / Tối mật copy authorisers (khoản 2 Điều 23), configured as authority "destroy"."""
    basis = destroy_basis(d.on, "khoản 2")
    out = _stage(d.stage, "reviewed", "quyết định tiêu hủy", basis)
    out += required(d.decision_ref, "decision_ref_missing", "Quyết định (số, ngày)", basis)
    if not d.approve:
        out += required(d.reason, "decision_reason_missing", "Lý do không tiêu hủy", basis)
    held = d.decider_max_level
    if held is None or rank(held) < rank(d.level):
        what = f"chỉ đến độ {label(held)}" if held else "không có thẩm quyền quyết định tiêu hủy"
        out.append(
            Violation(
                "destroy_no_authority",
                f"Người quyết định {what} vào ngày {d.on:%d/%m/%Y}; hồ sơ có tài liệu độ {label(d.level)}.",
                basis,
            )
        )
    out += not_future(d.on, d.today, "decision_date_future", "Ngày quyết định", basis)
    out += not_before(
        d.on, d.minutes_on, "decision_before_minutes", "Quyết định không thể trước ngày họp hội đồng.", basis
    )
    return out


@dataclass(frozen=True)
class DestructionRecordFacts:
    stage: str
    method: str
    persons: tuple[str, ...]
    record_ref: str
    on: dt.date
    decided_on: dt.date | None
    today: dt.date
    lines: tuple[LineFacts, ...]


def check_destruction_record(r: DestructionRecordFacts) -> list[Violation]:
    """The biên bản tiêu hủy: method, date, persons; the result must be beyond recovery (khoản 1 Điều 23)."""
    basis = destroy_basis(r.on)
    out = _stage(r.stage, "decided", "lập biên bản tiêu hủy", basis)
    out += required(r.method, "record_method_missing", "Phương pháp tiêu hủy", basis)
    out += required(r.record_ref, "record_ref_missing", "Biên bản tiêu hủy (số, ngày)", basis)
    if not any(p.strip() for p in r.persons):
        out.append(Violation("record_persons_missing", "Trường “Người thực hiện tiêu hủy”: bắt buộc.", basis))
    out += not_future(r.on, r.today, "record_date_future", "Ngày tiêu hủy", basis)
    out += not_before(
        r.on, r.decided_on, "record_before_decision", "Không thể tiêu hủy trước ngày có quyết định.", basis
    )
    for line in r.lines:
        out += _line_violations(line, r.on)
    return out


def _stage(stage: str, expected: str, what: str, basis: str) -> list[Violation]:
    if stage == expected:
        return []
    return [Violation("destroy_wrong_stage", f"Hồ sơ không ở bước có thể {what}.", basis)]


@dataclass(frozen=True)
class EmergencyFacts:
    line: LineFacts
    actor_may_destroy: bool  # the custodian/holder, or the keeper of the store
    harm: str
    report: str
    method: str
    on: dt.date
    today: dt.date


def check_emergency(e: EmergencyFacts) -> list[Violation]:
    """Khoản 1.b, 3 Điều 23: kept any longer it would cause harm — the custodian destroys at once and
    reports in writing at once to the head."""
    basis = destroy_basis(e.on, "khoản 1, khoản 3")
    out = _line_violations(e.line, e.on)
    if not e.actor_may_destroy:
        out.append(
            Violation(
                "emergency_not_custodian",
                "Chỉ người đang trực tiếp quản lý tài liệu (hoặc văn thư, cán bộ bảo mật quản lý kho) "
                "được tiêu hủy khẩn cấp.",
                basis,
            )
        )
    out += required(e.harm, "emergency_harm_missing", "Nguy hại nếu không tiêu hủy ngay", basis)
    out += required(e.report, "emergency_report_missing", "Báo cáo bằng văn bản gửi người đứng đầu", basis)
    out += required(e.method, "emergency_method_missing", "Phương pháp tiêu hủy", basis)
    out += not_future(e.on, e.today, "emergency_date_future", "Ngày tiêu hủy", basis)
    return out
