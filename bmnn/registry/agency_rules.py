"""The rule set in force for an agency: the shipped regime plus that agency's overrides of values the
law leaves unclear (``RuleSettingChange``). Every service picks its rule set through here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.registry.models import RuleSettingChange
from bmnn.registry.rulesets import RuleSet, available_codes, load_ruleset, ruleset_for


def current_overrides(agency_id: int | None) -> dict[str, dict[str, Any]]:
    """``{regime: {key: raw value}}`` from the newest change of each key (null = law's default)."""
    if agency_id is None:
        return {}
    out: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str]] = set()
    for change in RuleSettingChange.objects.filter(agency_id=agency_id).order_by("-changed_at", "-pk"):
        if (change.regime, change.key) in seen:
            continue
        seen.add((change.regime, change.key))
        if change.value is not None and _still_a_setting(change.regime, change.key):
            out.setdefault(change.regime, {})[change.key] = change.value
    return out


def _still_a_setting(regime: str, key: str) -> bool:
    # A newer shipped rule set may fix by law what used to be unclear: the law then wins.
    if regime not in available_codes():
        return False
    base = load_ruleset(regime)
    return key in base.settings()


def ruleset_for_agency(on: dt.date, agency_id: int | None) -> RuleSet:
    return ruleset_for(on, current_overrides(agency_id))


def regime_for_agency(code: str, agency_id: int | None) -> RuleSet:
    """A whole regime (for the settings page), with the agency's overrides applied."""
    base = load_ruleset(code)
    return ruleset_for(base.effective_from, current_overrides(agency_id))


def history(agency_id: int | None, regime: str) -> list[RuleSettingChange]:
    if agency_id is None:
        return []
    qs = RuleSettingChange.objects.filter(agency_id=agency_id, regime=regime)
    return list(qs.select_related("changed_by")[:200])
