"""Handing over the whole holding when agencies or units are merged (the 2025 restructuring).

The law requires that every secret keeps a responsible holder and that handovers are recorded and
signed by the receiver (Điều 12, điểm d khoản 2 Điều 26 Luật 29/2018/QH14; Điều 15, 16 NĐ 26/2020;
the same duties under Luật 117/2025/QH15). How a merger's handover is reconciled is not prescribed:
bmnn requires a reconciliation of every item, copy and open act and the signature of both sides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.rules import Violation
from bmnn.movements.rules.common import cite, required

MERGER_ROLES = frozenset({"head", "deputy", "security_officer"})


def merger_basis(on: dt.date) -> str:
    return cite(on, "Điều 12, điểm d khoản 2 Điều 26") + "; quy chế bàn giao khi sáp nhập của bmnn"


@dataclass(frozen=True)
class MergerFacts:
    same_agency: bool
    from_unit: int | None
    to_unit: int | None
    basis: str
    actor_role: str
    actor_in_giving_agency: bool
    on: dt.date
    today: dt.date
    already_open: bool


def check_merger(m: MergerFacts) -> list[Violation]:
    basis = merger_basis(m.on)
    out = required(m.basis, "merger_basis_missing", "Văn bản sáp nhập, hợp nhất", basis)
    if m.same_agency and (m.from_unit is None or m.to_unit is None or m.from_unit == m.to_unit):
        out.append(
            Violation(
                "merger_same_holder",
                "Bên giao và bên nhận phải khác nhau (trong cùng cơ quan: chọn hai đơn vị khác nhau).",
                basis,
            )
        )
    if m.actor_role not in MERGER_ROLES or not m.actor_in_giving_agency:
        out.append(
            Violation(
                "merger_not_competent",
                "Chỉ lãnh đạo hoặc cán bộ bảo mật của bên giao được lập biên bản đối chiếu.",
                basis,
            )
        )
    if m.on > m.today:
        out.append(Violation("merger_date_future", "Ngày đối chiếu không được sau ngày hôm nay.", basis))
    if m.already_open:
        out.append(
            Violation(
                "merger_already_open", "Đã có một biên bản bàn giao chưa hoàn tất cho bên giao này.", basis
            )
        )
    return out


@dataclass(frozen=True)
class MergerConfirmation:
    side: str  # "giver", "receiver" or "" (the actor belongs to neither side)
    actor_role: str
    already_confirmed: bool
    completed: bool
    stale: bool
    on: dt.date
    signed_other_side: bool = False  # the same person may not sign for both sides


def check_merger_confirmation(c: MergerConfirmation) -> list[Violation]:
    basis = merger_basis(c.on)
    out: list[Violation] = []
    if c.completed:
        out.append(Violation("merger_completed", "Biên bản bàn giao đã hoàn tất.", basis))
    if not c.side or c.actor_role not in MERGER_ROLES:
        out.append(
            Violation(
                "merger_not_a_side",
                "Chỉ lãnh đạo hoặc cán bộ bảo mật của bên giao hoặc bên nhận được ký biên bản.",
                basis,
            )
        )
    elif c.already_confirmed:
        out.append(Violation("merger_side_signed", "Bên này đã ký biên bản.", basis))
    if c.signed_other_side:
        out.append(
            Violation("merger_same_signer", "Một người không được ký cho cả bên giao và bên nhận.", basis)
        )
    if c.stale:
        out.append(
            Violation(
                "merger_reconciliation_stale",
                "Số tài liệu đã thay đổi sau khi đối chiếu: lập lại biên bản đối chiếu trước khi ký.",
                basis,
            )
        )
    return out
