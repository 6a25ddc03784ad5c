"""Change a rule-set value the law leaves unclear, for the actor's agency (one ledger entry each)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bmnn.accounts import access
from bmnn.audit.ledger import record
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.registry.agency_rules import regime_for_agency
from bmnn.registry.models import RuleSettingChange
from bmnn.registry.rulesets import RuleSetError, apply_overrides, available_codes, jsonable, load_ruleset

# Who may change a value is the installation's own division of duties, not a legal rule.
DUTIES = "Phân công quản trị hệ thống của cơ quan (chỉ Quản trị hệ thống thay đổi bộ quy tắc)"


def check_rule_setting_change(
    *, actor: Any, regime: str, key: str, value: Any, reason: str
) -> list[Violation]:
    """Every reason why this change may not be made ("may I?", used by the page too)."""
    out: list[Violation] = []
    if not access.can_manage_org(actor):
        out.append(Violation("setting_not_admin", "Chỉ Quản trị hệ thống được thay đổi giá trị này.", DUTIES))
    if not reason.strip():
        out.append(Violation("setting_reason_missing", "Lý do: phải ghi lý do thay đổi.", DUTIES))
    if regime not in available_codes():
        out.append(Violation("setting_regime_unknown", f"Chế độ pháp lý «{regime}» không có.", DUTIES))
        return out
    base = load_ruleset(regime)
    if key not in base.settings():
        basis = base.rule(key).basis if key in base.describe_keys() else DUTIES
        out.append(
            Violation(
                "setting_fixed_by_law",
                f"«{key}»: giá trị do luật quy định rõ hoặc không tồn tại; không được thay đổi.",
                basis,
            )
        )
        return out
    if value is not None:
        try:
            apply_overrides(base, {key: value})
        except RuleSetError as exc:
            out += [Violation("setting_value_invalid", m, base.rule(key).basis) for m in exc.messages]
    return out


@transaction.atomic
def change_rule_setting(*, actor: Any, regime: str, key: str, value: Any, reason: str) -> RuleSettingChange:
    """``value`` None returns the key to the law's default; the old and new values are ledgered."""
    violations = check_rule_setting_change(actor=actor, regime=regime, key=key, value=value, reason=reason)
    if violations:
        raise RuleViolation(violations)
    old = regime_for_agency(regime, actor.agency_id).rule(key)
    change = RuleSettingChange.objects.create(
        agency_id=actor.agency_id,
        regime=regime,
        key=key,
        value=value,
        reason=nfc(reason).strip(),
        changed_by=actor,
    )
    new = regime_for_agency(regime, actor.agency_id).rule(key)
    record(
        event="registry.rule_setting_changed",
        actor=actor,
        subject=change,
        subject_repr=f"Bộ quy tắc {regime}: {key}",
        payload={
            "regime": regime,
            "key": key,
            "old": jsonable(old.value),
            "new": jsonable(new.value),
            "default": value is None,
            "reason": change.reason,
            "basis": old.basis,
        },
    )
    return change
