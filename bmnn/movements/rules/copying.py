"""Copying (sao, chụp): who may authorise, what may be copied, how many.

Điều 11 Luật 29/2018/QH14 and Điều 3 NĐ 26/2020/NĐ-CP; Điều 11 Luật 117/2025/QH15 and Điều 5
NĐ 63/2026/NĐ-CP from 01/03/2026. The authority itself (position, level, date, written delegation)
is judged by ``bmnn.org.rules.check_authority``; these rules add what is specific to copying.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.levels import label, rank
from bmnn.lib.rules import Violation
from bmnn.movements.rules.common import REGIME_2025_FROM, cite, item_open, not_future

KINDS = ("sao_y", "sao_luc", "trich_sao", "chup", "so_hoa")
# Highest number of copies in one act. The law sets none; the authoriser states the number.
# A bound keeps a typing slip (200 for 2) from creating hundreds of numbered copies.
MAX_QUANTITY_PER_ACT = 100


def copy_basis(on: dt.date) -> str:
    return cite(on, "Điều 11", decree_2018="Điều 3", decree_2025="Điều 5")


@dataclass(frozen=True)
class CopyAct:
    """A copy to be authorised (request) or recorded (permission already given)."""

    item_status: str
    item_level: str
    copy_forbidden: bool
    kind: str
    quantity: int
    recipients: tuple[str, ...]
    on: dt.date
    today: dt.date
    authoriser_same_agency: bool
    authoriser_max_level: str | None  # what the authoriser's position may authorise that day (None: nothing)


def check_copy(act: CopyAct) -> list[Violation]:
    """Every reason a copy may not be authorised or recorded, at once."""
    basis = copy_basis(act.on)
    out = item_open(act.item_status, "sao, chụp", basis)
    if act.copy_forbidden:
        out.append(
            Violation(
                "copy_forbidden",
                "Tài liệu được đánh dấu “không được phép sao, chụp”: không thể sao, chụp.",
                cite(act.on, "Khoản 2 Điều 10", decree_2018="Điều 2", decree_2025="Điều 3"),
            )
        )
    if act.kind not in KINDS:
        out.append(Violation("copy_kind_invalid", f"Trường “Hình thức”: không hợp lệ ({act.kind!r}).", basis))
    elif act.kind == "so_hoa" and act.on < REGIME_2025_FROM:
        out.append(
            Violation(
                "copy_digitise_before_2025",
                "Hình thức “số hóa” (sao từ giấy sang điện tử) chỉ có từ 01/03/2026; "
                "trước ngày đó việc chụp ảnh tài liệu ghi là “chụp”.",
                "Điều 5 Nghị định 63/2026/NĐ-CP",
            )
        )
    if act.quantity < 1:
        out.append(Violation("copy_quantity_invalid", "Trường “Số lượng bản”: phải từ 1 trở lên.", basis))
    elif act.quantity > MAX_QUANTITY_PER_ACT:
        out.append(
            Violation(
                "copy_quantity_too_many",
                f"Trường “Số lượng bản”: quá {MAX_QUANTITY_PER_ACT} bản trong một lần; kiểm tra lại số lượng.",
                "Quy chế của bmnn (sao đúng số lượng được phép)",
            )
        )
    if not any(r.strip() for r in act.recipients):
        out.append(Violation("copy_recipients_missing", "Trường “Nơi nhận bản sao”: bắt buộc.", basis))
    out += not_future(act.on, act.today, "copy_date_future", "Ngày cho phép", basis)
    out += _authority(act, basis)
    return out


def _authority(act: CopyAct, basis: str) -> list[Violation]:
    if not act.authoriser_same_agency:
        return [
            Violation(
                "copy_authoriser_other_agency",
                "Người cho phép sao, chụp phải thuộc cơ quan đang quản lý tài liệu.",
                basis,
            )
        ]
    if act.item_level not in ("confidential", "secret", "top_secret"):
        return []
    held = act.authoriser_max_level
    if held is None or rank(held) < rank(act.item_level):
        what = f"chỉ đến độ {label(held)}" if held else "không có thẩm quyền cho phép sao, chụp"
        return [
            Violation(
                "copy_above_authority",
                f"Người cho phép {what} vào ngày {act.on:%d/%m/%Y}; tài liệu độ {label(act.item_level)} "
                "cần người có thẩm quyền cho phép sao, chụp độ này (hoặc cấp phó được ủy quyền bằng văn bản).",
                basis,
            )
        ]
    return []


@dataclass(frozen=True)
class CopyDecision:
    """The named authoriser approves or refuses an in-app request."""

    status: str
    actor_is_authoriser: bool
    approve: bool
    refusal_reason: str


def check_copy_decision(d: CopyDecision, on: dt.date) -> list[Violation]:
    basis = copy_basis(on)
    out: list[Violation] = []
    if d.status != "requested":
        out.append(Violation("copy_already_decided", "Đề nghị sao, chụp này đã được xử lý.", basis))
    if not d.actor_is_authoriser:
        out.append(
            Violation(
                "copy_not_named_authoriser",
                "Chỉ người được đề nghị cho phép (người có thẩm quyền) mới quyết định đề nghị này.",
                basis,
            )
        )
    if not d.approve and not d.refusal_reason.strip():
        out.append(
            Violation("copy_refusal_reason_missing", "Trường “Lý do không cho phép”: bắt buộc.", basis)
        )
    return out
