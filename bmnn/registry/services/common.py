"""Shared pieces of the registry services: input shape, basis lookup, ledger snapshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bmnn.catalog.models import CatalogItem
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registry import rules
from bmnn.registry.authority import basis_items
from bmnn.registry.models import Obligation, SecretItem


@dataclass
class ItemInput:
    kind: str
    level: str
    basis_ids: list[int]
    classified_on: dt.date
    document_type: str = ""
    number: str = ""
    date: dt.date | None = None
    issuing_body: str = ""
    summary: str = ""
    summary_consent: bool = False
    level_reason: str = ""
    copies: int = 1
    circulation_scope: str = ""
    copy_forbidden: bool = False
    storage_location: str = ""
    shorter_period_until: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def load_basis(actor: Any, ids: list[int]) -> list[CatalogItem]:
    found = list(CatalogItem.objects.select_related("catalog").filter(pk__in=ids))
    visible = [c for c in found if c.catalog.agency_id in (None, actor.agency_id)]
    if len(visible) != len(set(ids)):
        missing = sorted(set(ids) - {c.pk for c in visible})
        raise RuleViolation(
            [
                Violation(
                    "basis_unknown",
                    f"Không tìm thấy mục danh mục: {missing}.",
                    "Khoản 1 Điều 10 Luật 29/2018/QH14",
                )
            ]
        )
    return visible


def classification_request(data: ItemInput, basis: list[CatalogItem], authority: Any) -> Any:
    return rules.ClassificationRequest(
        kind=rules.ItemKind(data.kind),
        level=rules.as_level(data.level),
        basis=basis_items(basis),
        classified_on=data.classified_on,
        decider=authority,
        item_date=data.date,
        copies=data.copies,
        level_reason=data.level_reason,
        has_summary=bool(data.summary.strip()),
        summary_consent=data.summary_consent,
        shorter_period=data.shorter_period_until,
    )


def classified_on(item: SecretItem, fallback: dt.date) -> dt.date:
    """The classification date; ``fallback`` only for items never classified, which the rules then
    refuse by their status (a classified item always has its date)."""
    return item.classified_on or fallback


def protection_end_of(item: SecretItem, ruleset: Any) -> dt.date | None:
    assert item.classified_on is not None, "only a classified item has a protection period"
    return rules.protection_end(
        item.level, item.classified_on, item.kind, ruleset, shorter_period=item.shorter_period_until
    )


def ledger_snapshot(item: SecretItem) -> dict[str, Any]:
    out = {
        "level": item.level,
        "number": item.number,
        "document_type": item.document_type,
        "status": item.status,
        "regime": item.regime,
    }
    if item.level != "top_secret":
        out["summary"] = item.summary
    return out


def item_repr(item: SecretItem) -> str:
    return str(item)


def add_obligation(item: SecretItem, actor: Any, act: str, on: dt.date, ruleset: Any, text: str) -> None:
    due = rules.notification_due(on, ruleset, act)
    Obligation.objects.create(
        item=item,
        kind=f"notify_{act}",
        description=text,
        basis=f"Thông báo trong thời hạn theo chế độ {ruleset.code}",
        due_on=due,
        responsible=actor,
    )
