"""Explicit need-to-know grants on one item (who else may read it, within their clearance).

Access to a state secret follows the task a person is given (Điều 26 Luật 29/2018/QH14, người được
giao tiếp cận bí mật nhà nước) and never exceeds the person's clearance. Which roles may give such a
grant is the agency's own division of duties (a setting of bmnn, not a rule of law).
"""

from __future__ import annotations

from dataclasses import dataclass

from bmnn.registry.rules.types import Violation

TASK_BASIS = "Điều 26 Luật 29/2018/QH14 (tiếp cận bí mật nhà nước theo nhiệm vụ được giao)"
DUTIES_BASIS = "Phân công của cơ quan về quản lý bí mật nhà nước (vai trò được cấp quyền tiếp cận)"


@dataclass(frozen=True)
class GrantRequest:
    granter_may_grant: bool
    same_agency: bool
    grantee_active: bool
    grantee_cleared: bool  # the grantee's clearance covers the item's level
    already_granted: bool
    reason: str


def check_grant(request: GrantRequest) -> list[Violation]:
    out: list[Violation] = []
    if not request.granter_may_grant:
        out.append(
            Violation(
                "grant_not_allowed",
                "Chỉ lãnh đạo, cấp phó hoặc cán bộ bảo mật được cấp quyền tiếp cận.",
                DUTIES_BASIS,
            )
        )
    if not request.same_agency or not request.grantee_active:
        out.append(
            Violation(
                "grantee_invalid",
                "Người được cấp quyền: phải là người dùng đang hoạt động của cơ quan.",
                TASK_BASIS,
            )
        )
    elif not request.grantee_cleared:
        out.append(
            Violation(
                "grantee_not_cleared",
                "Người được cấp quyền: mức được tiếp cận thấp hơn độ mật của tài liệu, vật.",
                TASK_BASIS,
            )
        )
    if request.already_granted:
        out.append(Violation("grant_exists", "Người này đã được cấp quyền tiếp cận mục này.", TASK_BASIS))
    if not request.reason.strip():
        out.append(Violation("grant_reason_missing", "Lý do: phải ghi nhiệm vụ cần tiếp cận.", TASK_BASIS))
    return out


def check_revoke(*, granter_may_grant: bool, active: bool, reason: str) -> list[Violation]:
    out: list[Violation] = []
    if not granter_may_grant:
        out.append(
            Violation(
                "grant_not_allowed",
                "Chỉ lãnh đạo, cấp phó hoặc cán bộ bảo mật được thu hồi quyền tiếp cận.",
                DUTIES_BASIS,
            )
        )
    if not active:
        out.append(Violation("grant_already_revoked", "Quyền tiếp cận này đã được thu hồi.", TASK_BASIS))
    if not reason.strip():
        out.append(Violation("revoke_reason_missing", "Lý do thu hồi: phải ghi lý do.", TASK_BASIS))
    return out
