"""The shape of a compliance alert, shared by ``assets``, ``people`` and ``areas`` ``queries.alerts``.

Inspections (automatic checklist) and the compliance dashboard read these; an alert is a fact about
the agency's data with the rule it breaks, never a secret's content.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Alert:
    code: str  # stable, dotted: "assets.drafting_unsealed"
    severity: str  # "high" | "medium" | "low"
    message_vi: str
    basis: str
    url: str  # page showing the evidence
    subject_id: int | None = None


def hostcheck_max_age_months() -> int:
    """How old a drafting computer's last check may be. The law sets no interval: agency policy,
    default 12 months; override with the Django setting BMNN_HOSTCHECK_MAX_AGE_MONTHS."""
    return int(getattr(settings, "BMNN_HOSTCHECK_MAX_AGE_MONTHS", 12))
