"""The automatic checklist items, one pure function each: facts (or None) in, a CheckResult out.

Bases are cited in the versioned checklist data file (``bmnn/inspections/data/checklists``); each
docstring names the rule the function applies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bmnn.inspections.rules.checks import (
    PASS,
    CheckContext,
    CheckResult,
    ComputerFacts,
    CopyFacts,
    ExpiryFacts,
    IncidentFacts,
    RegisterFacts,
    StaffFacts,
    TrainingFacts,
    _result,
    months_between,
    unknown,
)

NOT_READY = "phân hệ quản lý {what} chưa có dữ liệu trong bmnn"


def registers_numbered(facts: RegisterFacts | None, ctx: CheckContext) -> CheckResult:
    """Registers are numbered per year by the system and no number is missing (sổ đi, đến, chuyển
    giao, sao chụp — Điều 15, 16 NĐ 26/2020/NĐ-CP; Mẫu 12, 14, 15, 16 TT 24/2020/TT-BCA)."""
    if facts is None:
        return unknown(NOT_READY.format(what="sổ đăng ký"))
    if not facts.years:
        return CheckResult(PASS, "Chưa có sổ nào được mở; không có số bị thiếu.", (), facts.evidence)
    bad = []
    for year in facts.years:
        missing = sorted(set(range(year.first_seq, year.last_given + 1)) - year.seqs)
        if missing:
            shown = ", ".join(str(n) for n in missing[:10]) + (" …" if len(missing) > 10 else "")
            bad.append(f"{year.label}: thiếu số {shown}")
    return _result(
        bad,
        f"{len(facts.years)} sổ-năm được đánh số liên tục, không thiếu số.",
        "{n} sổ có số thứ tự bị thiếu.",
        facts.evidence,
    )


AUTHORISED_STATES = frozenset({"approved", "performed"})


def copies_authorised(facts: CopyFacts | None, ctx: CheckContext) -> CheckResult:
    """Every copy is made with the authoriser's permission and no more copies than permitted
    (Điều 11 Luật 29/2018/QH14; Điều 11 Luật 117/2025/QH15)."""
    if facts is None:
        return unknown(NOT_READY.format(what="sao, chụp"))
    bad = []
    for p in facts.permissions:
        if p.copies_made and p.status not in AUTHORISED_STATES:
            bad.append(f"{p.ref}: đã sao {p.copies_made} bản khi chưa được cho phép")
        elif p.copies_made > p.quantity:
            bad.append(f"{p.ref}: sao {p.copies_made} bản, vượt số được phép ({p.quantity})")
    if facts.copies_without_permission:
        bad.append(f"{facts.copies_without_permission} bản sao không gắn với văn bản cho phép nào")
    made = sum(p.copies_made for p in facts.permissions)
    return _result(
        bad,
        f"{made} bản sao đều có văn bản cho phép, đúng số lượng.",
        "{n} vi phạm về sao, chụp.",
        facts.evidence,
    )


def expired_items_handled(facts: ExpiryFacts | None, ctx: CheckContext) -> CheckResult:
    """An item whose protection period has ended is declassified automatically, so it must not stay
    "classified" in the registers (Điều 19, 22 Luật 29/2018/QH14; giải mật khi hết thời hạn bảo vệ,
    Luật 117/2025/QH15). ``protection_ends_on`` is the last protected day."""
    if facts is None:
        return unknown(NOT_READY.format(what="tài liệu BMNN"))
    bad = [
        f"{i.ref}: hết thời hạn bảo vệ ngày {i.protection_ends_on:%d/%m/%Y}, vẫn ghi 'đã xác định độ mật'"
        for i in sorted(facts.classified_items, key=lambda i: i.protection_ends_on)
        if i.protection_ends_on < ctx.today
    ]
    return _result(
        bad,
        "Không có tài liệu hết thời hạn bảo vệ mà chưa xử lý.",
        "{n} tài liệu đã hết thời hạn bảo vệ nhưng chưa giải mật hoặc gia hạn.",
        facts.evidence,
    )


def computers_sealed_and_checked(facts: ComputerFacts | None, ctx: CheckContext) -> CheckResult:
    """Drafting computers are sealed, checked recently and passed their last check (khoản 5, 7 Điều 5
    Luật 29/2018/QH14; Điều 5 Luật 117/2025/QH15). The maximum age of a check is a setting."""
    if facts is None:
        return unknown(NOT_READY.format(what="máy tính, thiết bị"))
    if not facts.drafting_computers:
        return unknown("chưa khai báo máy tính nào dùng để soạn thảo BMNN")
    bad = []
    for c in facts.drafting_computers:
        reasons = []
        if not c.sealed:
            reasons.append("chưa dán tem")
        if c.last_check_on is None:
            reasons.append("chưa kiểm tra")
        elif months_between(c.last_check_on, ctx.today) >= facts.max_check_age_months:
            reasons.append(f"lần kiểm tra gần nhất {c.last_check_on:%d/%m/%Y} đã quá hạn")
        if c.last_check_passed is False:
            reasons.append("lần kiểm tra gần nhất không đạt")
        if reasons:
            bad.append(f"{c.ref}: " + "; ".join(reasons))
    return _result(
        bad,
        f"{len(facts.drafting_computers)} máy soạn thảo BMNN đã dán tem và kiểm tra đạt trong thời hạn.",
        "{n} máy soạn thảo BMNN chưa đạt yêu cầu.",
        facts.evidence,
    )


def staff_designated(facts: StaffFacts | None, ctx: CheckContext) -> CheckResult:
    """Staff doing BMNN protection are designated in writing (Điều 7 NĐ 26/2020/NĐ-CP)."""
    if facts is None:
        return unknown(NOT_READY.format(what="cán bộ"))
    if facts.designated_officers:
        return CheckResult(
            PASS, f"{facts.designated_officers} người được phân công bằng văn bản.", (), facts.evidence
        )
    return CheckResult(
        "fail",
        "Chưa có quyết định phân công người làm công tác bảo vệ BMNN còn hiệu lực.",
        (),
        facts.evidence,
    )


def commitments_signed(facts: StaffFacts | None, ctx: CheckContext) -> CheckResult:
    """Everyone who manages BMNN has signed a cam kết (điểm d khoản 2 Điều 26 Luật 29/2018/QH14 on
    leaving; on appointment by the agency's quy chế — practice, legal-notes Q8)."""
    if facts is None:
        return unknown(NOT_READY.format(what="cán bộ"))
    if not facts.holders:
        return unknown("chưa khai báo người quản lý, tiếp cận BMNN")
    bad = [f"{name}: chưa có bản cam kết" for name in facts.without_commitment]
    return _result(
        bad,
        f"{len(facts.holders)} người quản lý, tiếp cận BMNN đều đã ký cam kết.",
        "{n} người chưa ký cam kết bảo vệ BMNN.",
        facts.evidence,
    )


def trainings_held(facts: TrainingFacts | None, ctx: CheckContext) -> CheckResult:
    """At least one training (tập huấn) on BMNN protection this year (the agency's annual plan)."""
    if facts is None:
        return unknown(NOT_READY.format(what="tập huấn"))
    if facts.sessions:
        return CheckResult(
            PASS, f"Năm {facts.year} đã tổ chức {facts.sessions} buổi tập huấn.", (), facts.evidence
        )
    return CheckResult("fail", f"Năm {facts.year} chưa tổ chức buổi tập huấn nào.", (), facts.evidence)


def incidents_reported_in_time(facts: IncidentFacts | None, ctx: CheckContext) -> CheckResult:
    """Every lộ/mất is reported to Công an "ngay sau khi phát hiện" (điểm b khoản 1 Điều 8 NĐ
    26/2020/NĐ-CP); the tracked deadline is a setting (see ``bmnn.incidents.rules``)."""
    if facts is None:
        return unknown(NOT_READY.format(what="sự cố lộ, mất"))
    bad = []
    for i in facts.incidents:
        if i.reported_at is None and ctx.now > i.deadline:
            bad.append(f"{i.ref}: chưa báo cáo Công an, quá hạn từ {i.deadline:%d/%m/%Y %H:%M}")
        elif i.reported_at is not None and i.reported_at > i.deadline:
            bad.append(f"{i.ref}: báo cáo Công an muộn (hạn {i.deadline:%d/%m/%Y %H:%M})")
    return _result(
        bad,
        f"{len(facts.incidents)} sự cố đều được báo cáo trong hạn (hoặc còn trong hạn).",
        "{n} sự cố báo cáo muộn hoặc chưa báo cáo.",
        facts.evidence,
    )


EVALUATORS: dict[str, Callable[[Any, CheckContext], CheckResult]] = {
    "registers_numbered": registers_numbered,
    "copies_authorised": copies_authorised,
    "expired_items_handled": expired_items_handled,
    "computers_sealed_and_checked": computers_sealed_and_checked,
    "staff_designated": staff_designated,
    "commitments_signed": commitments_signed,
    "trainings_held": trainings_held,
    "incidents_reported_in_time": incidents_reported_in_time,
}
# Which fact set each check reads (staff facts serve two checks).
FACT_KEYS: dict[str, str] = {
    "registers_numbered": "registers",
    "copies_authorised": "copies",
    "expired_items_handled": "expiry",
    "computers_sealed_and_checked": "computers",
    "staff_designated": "staff",
    "commitments_signed": "staff",
    "trainings_held": "trainings",
    "incidents_reported_in_time": "incidents",
}


def evaluate(code: str, ctx: CheckContext) -> CheckResult:
    """Run one check; an unknown code is UNKNOWN, never a pass."""
    evaluator = EVALUATORS.get(code)
    if evaluator is None:
        return unknown(f"chưa có phép kiểm tra tự động “{code}”")
    return evaluator(ctx.facts.get(FACT_KEYS[code]), ctx)
