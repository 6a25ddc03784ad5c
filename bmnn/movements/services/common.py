"""What the movement services share: authority look-ups, item checks, role sets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.accounts import access
from bmnn.lib.levels import LEVELS
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.org import queries as org_queries
from bmnn.org import rules as org_rules

# Who keeps the store and the registers (văn thư, cán bộ bảo mật): they perform copies, confirm
# returns, record councils' paperwork. The law names the act, the agency assigns the people.
KEEPER_ROLES = frozenset({"clerk", "security_officer"})
# Who may issue a recall notice ("Tài liệu thu hồi") on behalf of the agency: leadership and keepers.
RECALL_ROLES = frozenset({"head", "deputy", "security_officer", "clerk"})
ROLE_BASIS = "Quy chế bảo vệ BMNN của cơ quan (phân công văn thư, cán bộ bảo mật)"


def max_authorised_level(user: Any, act: str, on: dt.date) -> str | None:
    """The highest level ``user``'s position may authorise ``act`` for on ``on`` (directly or by delegation)."""
    if user is None or not getattr(user, "is_active", False):
        return None
    for level in reversed(LEVELS):
        if org_rules.authority_source(org_queries.authority_request(user, act, level, on)) is not None:
            return level
    return None


def refuse_if(violations: list[Violation]) -> None:
    if violations:
        raise RuleViolation(violations)


def actor_may_act(actor: Any) -> list[Violation]:
    if access.may_act_on_items(actor):
        return []
    return [
        Violation(
            "actor_read_only", "Vai trò này không thực hiện được thao tác trên tài liệu BMNN.", ROLE_BASIS
        )
    ]


def actor_in(actor: Any, roles: frozenset[str], what: str) -> list[Violation]:
    if actor.role in roles:
        return []
    return [Violation("actor_role", f"Vai trò của người dùng không được {what}.", ROLE_BASIS)]


def person_repr(user: Any) -> str:
    """'Chức vụ, Họ tên' as written under a signature."""
    name = user.get_full_name() or user.username
    return f"{user.position.name}, {name}" if getattr(user, "position", None) else name


def clean_list(values: Any) -> list[str]:
    from bmnn.lib.vntext import nfc

    if isinstance(values, str):
        values = values.splitlines()
    return [nfc(str(v)).strip() for v in (values or []) if str(v).strip()]
