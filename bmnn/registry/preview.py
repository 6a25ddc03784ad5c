"""What the proposal form shows while the drafter fills it in: the level the chosen basis implies
(highest wins), the protection period it gives on the chosen date, and every refusal with its article.

Read-only "may I?" checks (the service runs the same rules again on save); nothing here is stored or
ledgered, and the draft text never reaches this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bmnn.lib import levels
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registry import rules
from bmnn.registry.agency_rules import ruleset_for_agency
from bmnn.registry.authority import AUTHORITY_CODES, decider_authority
from bmnn.registry.services.common import ItemInput, classification_request, load_basis


@dataclass(frozen=True)
class ClassificationPreview:
    basis_level: str | None  # the highest level among the chosen basis items
    level: str | None  # the level that would be recorded (chosen, else the basis level)
    regime: str
    protection_ends_on: dt.date | None
    period_years: int | None
    period_note: str
    competent: bool  # the actor may classify directly that day
    violations: list[Violation] = field(default_factory=list)  # refusals that block saving
    authority: list[Violation] = field(default_factory=list)  # why it becomes a proposal

    @property
    def level_label(self) -> str:
        return levels.label(self.level) if self.level else ""


def _period(level: str, kind: str, on: dt.date, ruleset: Any) -> tuple[dt.date | None, int | None, str]:
    years = int(ruleset.protection_years.value[rules.as_level(level)])
    end = rules.protection_end(level, on, kind, ruleset)
    if end is None:
        note = f"Đến khi địa điểm không còn được sử dụng ({ruleset.cite('place_period')})."
    else:
        note = f"{years} năm kể từ ngày xác định ({ruleset.protection_years.basis})."
    return end, years, note


def preview_classification(
    *,
    actor: Any,
    kind: str,
    level: str,
    basis_ids: list[int],
    classified_on: dt.date,
    level_reason: str = "",
    has_summary: bool = False,
) -> ClassificationPreview:
    ruleset = ruleset_for_agency(classified_on, actor.agency_id)
    if not basis_ids:
        # Nothing chosen yet: the form says "choose a basis"; a red refusal would only startle.
        return ClassificationPreview(None, None, ruleset.code, None, None, "", False)
    try:
        basis = load_basis(actor, basis_ids)
    except RuleViolation as exc:
        return ClassificationPreview(None, None, ruleset.code, None, None, "", False, exc.violations)
    basis_level = max((b.level for b in basis), key=levels.rank, default=None)
    chosen = level if level in levels.LEVELS else basis_level
    # Without any basis, a placeholder level: only the missing-basis message is shown.
    data_level = "confidential" if chosen is None else chosen
    data = ItemInput(
        kind=kind,
        level=data_level,
        basis_ids=[],
        classified_on=classified_on,
        copies=1,
        level_reason=level_reason,
        summary="x" if has_summary else "",
    )
    found = rules.check_classification(
        classification_request(data, basis, decider_authority(actor, "classify", classified_on)), ruleset
    )
    blocking = [v for v in found if v.code not in AUTHORITY_CODES]
    authority = [v for v in found if v.code in AUTHORITY_CODES]
    end, years, note = _period(chosen, kind, classified_on, ruleset) if chosen else (None, None, "")
    return ClassificationPreview(
        basis_level, chosen, ruleset.code, end, years, note, not found, blocking, authority
    )
