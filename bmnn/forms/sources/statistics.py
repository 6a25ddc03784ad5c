"""Thống kê BMNN (Mẫu 18 TT 24/2020/TT-BCA; Điều 12 Luật 29/2018/QH14): acts by secrecy level for a
period, counted from the ledger by ``plans.reporting.collect_statistics`` (the same numbers as the
period report). Only report readers may print it, and counts of a level above the printer's
clearance are withheld: issue #11 asks that counts do not leak either.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.forms.catalogue.library import definition_for
from bmnn.forms.document import Document, Row
from bmnn.forms.sources.act_values import ActPrint
from bmnn.forms.sources.common import d, person
from bmnn.lib import clock, levels
from bmnn.lib.rules import Violation

FORM_ID = "doc.statistics"
PERIOD_BASIS = "Điều 12 Luật Bảo vệ bí mật nhà nước 29/2018/QH14 (thống kê theo trình tự thời gian)"
WITHHELD = "—"
# Acts of the movements and registers apps, named as in the glossary; other events keep their code.
EXTRA_LABELS = {
    "movements.copy_requested": "Đề nghị sao, chụp", "movements.copy_approved": "Cho phép sao, chụp",
    "movements.copy_refused": "Không cho phép sao, chụp", "movements.copy_performed": "Sao, chụp",
    "movements.copy_recorded": "Ghi nhận sao, chụp", "movements.take_out_requested": "Đề nghị mang ra",
    "movements.take_out_approved": "Cho phép mang ra", "movements.take_out_refused": "Không cho phép mang ra",
    "movements.take_out_returned": "Trả lại tài liệu mang ra",
    "movements.provision_requested": "Đề nghị cung cấp, chuyển giao",
    "movements.provision_approved": "Cho phép cung cấp, chuyển giao",
    "movements.provision_refused": "Từ chối cung cấp, chuyển giao", "movements.recall_issued": "Thu hồi",
    "movements.recall_returned": "Trả lại tài liệu thu hồi",
    "movements.destruction_proposed": "Đề xuất tiêu hủy", "movements.destruction_council_formed": "Thành lập hội đồng tiêu hủy",
    "movements.destruction_reviewed": "Họp hội đồng tiêu hủy", "movements.destruction_decided": "Quyết định tiêu hủy",
    "movements.destruction_rejected": "Không tiêu hủy", "movements.destroyed": "Tiêu hủy",
    "movements.destroyed_in_emergency": "Tiêu hủy khẩn cấp", "movements.merger_reconciled": "Đối chiếu khi sáp nhập",
    "movements.merger_completed": "Bàn giao khi sáp nhập", "registers.outgoing_registered": "Đăng ký văn bản đi",
    "registers.incoming_registered": "Đăng ký văn bản đến", "registers.handover_registered": "Chuyển giao",
    "registers.handover_confirmed": "Ký nhận chuyển giao", "registers.viewed": "Xem sổ đăng ký",
    "forms.printed": "In biểu mẫu, sổ",
}  # fmt: skip


def parse_day(raw: str) -> dt.date | None:
    """dd/mm/yyyy as typed, or yyyy-mm-dd as a date input sends it."""
    text = (raw or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def check_period(
    raw_from: str, raw_to: str, today: dt.date
) -> tuple[dt.date | None, dt.date | None, list[Violation]]:
    """Both dates, each valid, from ≤ to, and no day after today (pure; every reason at once)."""
    out: list[Violation] = []
    start, end = parse_day(raw_from), parse_day(raw_to)
    for name, raw, value in (("Từ ngày", raw_from, start), ("Đến ngày", raw_to, end)):
        if not (raw or "").strip():
            out.append(Violation("period_missing", f"{name}: bắt buộc nhập ngày (dd/mm/yyyy).", PERIOD_BASIS))
        elif value is None:
            out.append(Violation("period_bad_date", f"{name}: “{raw}” không phải ngày hợp lệ dạng dd/mm/yyyy.",
                                 PERIOD_BASIS))  # fmt: skip
        elif value > today:
            out.append(Violation("period_future", f"{name}: không được sau ngày hôm nay ({today:%d/%m/%Y}).",
                                 PERIOD_BASIS))  # fmt: skip
    if start and end and start > end:
        out.append(Violation("period_reversed", "Đến ngày: phải bằng hoặc sau “Từ ngày”.", PERIOD_BASIS))
    return start, end, out


def may_read_statistics(user: Any) -> bool:
    from bmnn.plans.permissions import may_read_reports_of

    return may_read_reports_of(user, getattr(user, "agency_id", None))


def count_rows(acts: dict[str, dict[str, int]], shown: tuple[str, ...]) -> list[Row]:
    """One row per act; a withheld level prints as “—” and is left out of the row's total (pure)."""
    from bmnn.plans.rollup.consolidate import act_label

    rows = []
    for event, by_level in sorted(acts.items(), key=lambda kv: EXTRA_LABELS.get(kv[0], act_label(kv[0]))):
        cells = {lv: (str(by_level.get(lv, 0)) if lv in shown else WITHHELD) for lv in levels.LEVELS}
        total = sum(by_level.get(lv, 0) for lv in shown)
        rows.append(Row({"act": EXTRA_LABELS.get(event, act_label(event)), **cells, "total": str(total)}))
    return rows or [Row({"act": "Không có hoạt động nào theo độ mật trong kỳ."})]


def statistics_print(*, user: Any, start: dt.date, end: dt.date) -> ActPrint:
    from bmnn.accounts import access
    from bmnn.plans.reporting import collect_statistics

    agency = user.agency
    shown = tuple(lv for lv in levels.LEVELS if access.may_access_level(user, lv))
    hidden = [levels.label(lv) for lv in levels.LEVELS if lv not in shown]
    note = (f"Số liệu độ {', '.join(hidden)} không hiển thị (“{WITHHELD}”) vì vượt mức được tiếp cận của người lập."
            if hidden else "Số liệu gồm đủ các độ mật.")  # fmt: skip
    acts = collect_statistics(agency=agency, start=start, end=end)["acts"]
    values = {
        "agency": agency.name, "governing_body": agency.governing_body, "place": agency.place,
        "period_from": d(start), "period_to": d(end), "printed_by": person(user), "withheld_note": note,
    }  # fmt: skip
    # Counts only, never an item's number or summary: the printout carries no secrecy mark (as the
    # period report of bmnn.plans).
    return ActPrint(values, agency, clock.today(), "", rows=count_rows(acts, shown))


def statistics_document(*, user: Any, start: dt.date, end: dt.date) -> Document:
    from bmnn.forms.sources.acts import build_document

    data = statistics_print(user=user, start=start, end=end)
    return build_document(definition_for(FORM_ID, data.on), data)
