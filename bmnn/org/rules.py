"""Pure rules on authority and delegation. No Django, no clock: everything comes in as arguments.

Who may authorise what is attached to positions (Luật 29/2018/QH14 Điều 10.2, 11, 14, 15, 23;
Luật 117/2025/QH15 Điều 10, 11). A Tuyệt mật / Tối mật authoriser may delegate to a deputy
in writing, stating scope, content and duration; the delegate may not delegate further
(Luật 29/2018 Điều 11.2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.levels import label, rank
from bmnn.lib.rules import Violation

BASIS_AUTHORITY = "Điều 10, 11, 14, 23 Luật 29/2018/QH14; Điều 10, 11 Luật 117/2025/QH15"
BASIS_DELEGATION = "Khoản 2 Điều 11 Luật 29/2018/QH14"
DEPUTY_KINDS = frozenset({"deputy_head", "deputy_unit_head"})


@dataclass(frozen=True)
class Grant:
    """An authority held directly by a position (from configuration)."""

    position_id: int
    act: str
    max_level: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class DelegatedGrant:
    from_position_id: int
    to_position_id: int
    act: str
    max_level: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    revoked_on: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        if self.revoked_on is not None and on >= self.revoked_on:
            return False
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class AuthorityRequest:
    position_id: int | None
    act: str
    act_label: str
    level: str
    on: dt.date
    grants: tuple[Grant, ...]  # all direct grants of the agency's positions
    delegations: tuple[DelegatedGrant, ...]


def direct_max_level(grants: tuple[Grant, ...], position_id: int, act: str, on: dt.date) -> str | None:
    """The highest level the position itself (not by delegation) may decide ``act`` for on ``on``."""
    held = [g.max_level for g in grants if g.position_id == position_id and g.act == act and g.in_force(on)]
    return max(held, key=rank) if held else None


def _direct_max(grants: tuple[Grant, ...], position_id: int, act: str, on: dt.date) -> int:
    level = direct_max_level(grants, position_id, act, on)
    return rank(level) if level else 0


def authority_source(req: AuthorityRequest) -> str | None:
    """'direct', 'delegated' or None: how (if at all) the position holds the authority that day."""
    if req.position_id is None:
        return None
    need = rank(req.level)
    if _direct_max(req.grants, req.position_id, req.act, req.on) >= need:
        return "direct"
    for d in req.delegations:
        if d.to_position_id != req.position_id or d.act != req.act or not d.in_force(req.on):
            continue
        # A delegation is only as good as the delegator's own direct authority that day.
        if rank(d.max_level) >= need and _direct_max(req.grants, d.from_position_id, req.act, req.on) >= need:
            return "delegated"
    return None


def check_authority(req: AuthorityRequest) -> list[Violation]:
    """The position must hold the authority for ``act`` at ``level`` on ``on``, directly or by delegation."""
    if req.position_id is None:
        return [
            Violation(
                "no_position",
                "Người quyết định chưa được gán chức vụ nên không có thẩm quyền.",
                BASIS_AUTHORITY,
            )
        ]
    if authority_source(req) is None:
        return [
            Violation(
                "no_authority",
                f"Chức vụ của người quyết định không có thẩm quyền “{req.act_label}” đối với độ "
                f"{label(req.level)} vào ngày {req.on:%d/%m/%Y}.",
                BASIS_AUTHORITY,
            )
        ]
    return []


@dataclass(frozen=True)
class DelegationRequest:
    from_position_id: int
    to_position_id: int
    to_position_kind: str
    same_agency: bool
    act: str
    max_level: str
    valid_from: dt.date
    valid_to: dt.date | None
    document_ref: str
    grants: tuple[Grant, ...]


def check_delegation(req: DelegationRequest) -> list[Violation]:
    """Written delegation to a deputy; only Tuyệt mật/Tối mật authorisers; no sub-delegation."""
    out: list[Violation] = []
    held = _direct_max(req.grants, req.from_position_id, req.act, req.valid_from)
    if held == 0:
        out.append(
            Violation(
                "delegator_lacks_authority",
                "Chức vụ ủy quyền không trực tiếp có thẩm quyền này (không được ủy quyền lại).",
                BASIS_DELEGATION,
            )
        )
    elif held < rank("secret"):
        out.append(
            Violation(
                "delegator_not_senior",
                "Chỉ người có thẩm quyền đối với độ Tuyệt mật hoặc Tối mật mới được ủy quyền cho cấp phó.",
                BASIS_DELEGATION,
            )
        )
    if held and rank(req.max_level) > held:
        out.append(
            Violation(
                "delegation_above_authority",
                f"Không thể ủy quyền đến độ {label(req.max_level)} vượt thẩm quyền của người ủy quyền.",
                BASIS_DELEGATION,
            )
        )
    if req.to_position_kind not in DEPUTY_KINDS or not req.same_agency:
        out.append(
            Violation(
                "delegate_not_deputy",
                "Chỉ được ủy quyền cho cấp phó trong cùng cơ quan, đơn vị.",
                BASIS_DELEGATION,
            )
        )
    if req.from_position_id == req.to_position_id:
        out.append(
            Violation("delegate_self", "Không thể tự ủy quyền cho chính chức vụ của mình.", BASIS_DELEGATION)
        )
    if not req.document_ref.strip():
        out.append(
            Violation(
                "delegation_not_written",
                "Ủy quyền phải bằng văn bản: hãy ghi số, ngày văn bản ủy quyền.",
                BASIS_DELEGATION,
            )
        )
    if req.valid_to is not None and req.valid_to < req.valid_from:
        out.append(
            Violation("delegation_dates", "Trường “Đến ngày” phải sau hoặc bằng “Từ ngày”.", BASIS_DELEGATION)
        )
    return out
