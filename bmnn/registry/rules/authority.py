"""Who may decide an act at a given level on a given day.

Own authority comes from the position (người đứng đầu; under the 2025 regime also
cấp phó, Điều 10 Luật 117/2025/QH15 as restated by Thông tư 115/2026/TT-BQP). A
deputy without own authority may act under a written delegation from a competent
position, within its scope and dates, never under a sub-delegation (the Điều 11
Luật 29/2018/QH14 principle). Which positions and whether delegation is allowed are
rule-set values (``<act>_positions``, ``deputy_delegation_allowed``,
``sub_delegation_allowed``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bmnn.registry.rules.types import Act, DeciderAuthority, Level, PositionKind, Violation, as_level

if TYPE_CHECKING:
    from bmnn.registry.rulesets import RuleSet, RuleValue

_ACT_KEYS = {
    Act.CLASSIFY: "classify_positions",
    Act.EXTEND: "extend_positions",
    Act.RELEVEL: "relevel_positions",
    Act.DECLASSIFY: "declassify_positions",
}
_ACT_VERBS = {
    Act.CLASSIFY: "xác định độ mật",
    Act.EXTEND: "gia hạn thời hạn bảo vệ",
    Act.RELEVEL: "điều chỉnh độ mật",
    Act.DECLASSIFY: "quyết định giải mật",
}
_POSITION_LABELS = {
    PositionKind.HEAD: "người đứng đầu",
    PositionKind.DEPUTY_HEAD: "cấp phó của người đứng đầu",
}


def fmt(day: date) -> str:
    """Vietnamese date format used in messages: 01/07/2040."""
    return day.strftime("%d/%m/%Y")


def _positions_rule(act: Act, ruleset: RuleSet) -> RuleValue:
    return ruleset.rule(_ACT_KEYS[act])


def has_own_authority(authority: DeciderAuthority, level: Level, act: Act, ruleset: RuleSet) -> bool:
    positions = _positions_rule(act, ruleset).value
    return (
        authority.position_kind in positions
        and authority.max_level is not None
        and level.rank <= as_level(authority.max_level).rank
    )


def _delegation_problems(
    authority: DeciderAuthority, level: Level, act: Act, on: date, ruleset: RuleSet
) -> list[Violation]:
    """Every reason why a written delegation does not cover this act (empty = it does)."""
    allowed, positions, sub = (
        ruleset.deputy_delegation_allowed,
        _positions_rule(act, ruleset),
        ruleset.sub_delegation_allowed,
    )
    starts, ends = authority.delegation_valid_from, authority.delegation_valid_to
    scope = authority.delegation_scope_max_level
    verb = _ACT_VERBS[act]
    checks = [
        (
            not allowed.value,
            "delegation_not_allowed",
            f"Chế độ {ruleset.code} không cho phép ủy quyền {verb} cho cấp phó.",
            allowed.basis,
        ),
        (
            authority.position_kind != PositionKind.DEPUTY_HEAD,
            "delegate_not_deputy",
            "Chỉ cấp phó của người đứng đầu mới được ủy quyền.",
            allowed.basis,
        ),
        (
            authority.delegated_from not in positions.value,
            "delegator_not_competent",
            f"Người ủy quyền không có thẩm quyền {verb} nên không thể ủy quyền.",
            positions.basis,
        ),
        (
            authority.is_sub_delegation and not sub.value,
            "sub_delegation",
            "Người được ủy quyền không được ủy quyền tiếp.",
            sub.basis,
        ),
        (
            (starts is not None and on < starts) or (ends is not None and on > ends),
            "delegation_not_in_force",
            f"Văn bản ủy quyền không có hiệu lực vào ngày {fmt(on)}.",
            allowed.basis,
        ),
        (
            scope is None or level.rank > as_level(scope).rank,
            "delegation_scope_exceeded",
            f"Phạm vi ủy quyền không bao gồm độ {level.label_vi}.",
            allowed.basis,
        ),
    ]
    return [Violation(code, message, basis) for failed, code, message, basis in checks if failed]


def check_authority(
    authority: DeciderAuthority, level: Level | str, act: Act | str, on: date, ruleset: RuleSet
) -> list[Violation]:
    """Is this person competent to perform ``act`` at ``level`` on ``on``?

    Basis: the rule set's ``<act>_positions`` value (khoản 2 Điều 10, Điều 20, 21, 22
    Luật 29/2018/QH14; Điều 10, 21 Luật 117/2025/QH15) and its delegation values.
    """
    level, act = as_level(level), Act(str(act))
    rule = _positions_rule(act, ruleset)
    out: list[Violation] = []
    if act is not Act.CLASSIFY and not authority.same_body:
        out.append(
            Violation(
                "decider_other_body",
                f"Việc {_ACT_VERBS[act]} do cơ quan, tổ chức đã xác định bí mật nhà nước quyết định.",
                rule.basis,
            )
        )
    if has_own_authority(authority, level, act, ruleset):
        return out
    if authority.delegated_from is not None:
        return out + _delegation_problems(authority, level, act, on, ruleset)
    who = " hoặc ".join(label for p, label in _POSITION_LABELS.items() if p in rule.value)
    out.append(
        Violation(
            "decider_not_competent",
            f"Người quyết định không có thẩm quyền {_ACT_VERBS[act]} độ "
            f"{level.label_vi} vào ngày {fmt(on)}; theo chế độ {ruleset.code} thẩm quyền thuộc "
            f"{who} (trong phạm vi độ mật được giao).",
            rule.basis,
        )
    )
    return out
