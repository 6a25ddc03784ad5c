"""Correct a wrong classification (thu hồi / đính chính) and mark repetitive documents directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.rules import RuleViolation
from bmnn.lib.vntext import nfc
from bmnn.registry import rules
from bmnn.registry.agency_rules import ruleset_for_agency
from bmnn.registry.authority import basis_items, decider_authority
from bmnn.registry.models import ItemAct, ItemBasis, Obligation, SecretItem
from bmnn.registry.queries import search_text_for
from bmnn.registry.rules.corrections import (
    CORRECTION_BASIS,
    CorrectionKind,
    CorrectionRequest,
    check_correction,
)
from bmnn.registry.services.common import item_repr, ledger_snapshot, load_basis

NOTICE = {
    CorrectionKind.RECALL: "Gửi văn bản thu hồi cho nơi nhận và thu hồi tài liệu đã phát hành",
    CorrectionKind.AMEND: "Gửi văn bản đính chính cho nơi nhận (nơi nhận thông báo tiếp cho người đang giữ)",
}


def _request(item: SecretItem, actor: Any, kind: CorrectionKind, on: dt.date, **kw: Any) -> CorrectionRequest:
    new_level = kw.get("new_level")
    return CorrectionRequest(
        kind=kind,
        status=rules.ItemStatus(item.status),
        level=rules.as_level(item.level),
        classified_on=item.classified_on,
        decided_on=on,
        decider=decider_authority(actor, "classify", on, item_agency_id=item.agency_id),
        reason=kw["reason"],
        document_ref=kw["document_ref"],
        new_level=rules.as_level(new_level) if new_level else None,
        basis=basis_items(kw["basis"]),
        level_reason=kw.get("level_reason", ""),
        has_summary=bool(item.summary),
        summary_consent=item.summary_consent,
    )


def _notify(item: SecretItem, actor: Any, kind: CorrectionKind, on: dt.date, ruleset: Any) -> Obligation:
    # No deadline in the texts read: the re-level deadline is the lawful default (rules.corrections).
    return Obligation.objects.create(
        item=item,
        kind=f"notify_correction_{kind.value}",
        description=NOTICE[kind],
        basis=CORRECTION_BASIS,
        due_on=rules.notification_due(on, ruleset, "relevel"),
        responsible=item.custodian or actor,
    )


@transaction.atomic
def correct_classification(
    *,
    actor: Any,
    item: SecretItem,
    kind: str,
    on: dt.date,
    reason: str,
    document_ref: str,
    new_level: str = "",
    basis_ids: list[int] | None = None,
    level_reason: str = "",
) -> SecretItem:
    """Record a văn bản thu hồi or đính chính; holders are notified through an obligation."""
    correction = CorrectionKind(kind)
    basis = load_basis(actor, basis_ids) if basis_ids else []
    ruleset = ruleset_for_agency(on, item.agency_id)
    request = _request(
        item,
        actor,
        correction,
        on,
        reason=reason,
        document_ref=document_ref,
        new_level=new_level or None,
        basis=basis,
        level_reason=level_reason,
    )
    violations = check_correction(request, ruleset)
    if violations:
        raise RuleViolation(violations)
    old_level, old_basis = item.level, [c.citation for c in item.basis.select_related("catalog")]
    if correction is CorrectionKind.AMEND:
        item.level = new_level or item.level
        # A correction says what the item always was: its period runs from the original classification.
        assert item.classified_on is not None
        item.protection_ends_on = rules.protection_end(item.level, item.classified_on, item.kind, ruleset)
        item.search_text = search_text_for(item)
        item.save()
        if basis:
            ItemBasis.objects.filter(item=item).delete()
            ItemBasis.objects.bulk_create([ItemBasis(item=item, catalog_item=c) for c in basis])
    details = {
        "document": nfc(document_ref).strip(),
        "reason": nfc(reason).strip(),
        "from": old_level,
        "to": item.level,
        "old_basis": old_basis,
        "basis": [c.citation for c in basis] or old_basis,
    }
    ItemAct.objects.create(
        item=item, act=f"corrected_{correction.value}", on=on, actor=actor, details=details
    )
    _notify(item, actor, correction, on, ruleset)
    record(
        event=f"registry.item_corrected_{correction.value}",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={**ledger_snapshot(item), **details, "on": on},
    )
    return item
