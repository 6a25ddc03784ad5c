"""Propose, classify directly, decide a proposal, resubmit; ledger every view of a Tuyệt mật item."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.registry import rules
from bmnn.registry.agency_rules import ruleset_for_agency
from bmnn.registry.authority import AUTHORITY_CODES, decider_authority
from bmnn.registry.models import ItemAct, ItemBasis, ItemStatus, SecretItem
from bmnn.registry.queries import search_text_for
from bmnn.registry.services.common import (
    ItemInput,
    classification_request,
    item_repr,
    ledger_snapshot,
    load_basis,
    protection_end_of,
)


@transaction.atomic
def create_item(*, actor: Any, data: ItemInput) -> SecretItem:
    """Classify at once when the actor may classify that level that day; otherwise file a proposal."""
    basis = load_basis(actor, data.basis_ids)
    ruleset = ruleset_for_agency(data.classified_on, actor.agency_id)
    violations = rules.check_classification(
        classification_request(data, basis, decider_authority(actor, "classify", data.classified_on)),
        ruleset,
    )
    blocking = [v for v in violations if v.code not in AUTHORITY_CODES]
    if blocking:
        raise RuleViolation(blocking)
    competent = not violations
    item = SecretItem(
        agency=actor.agency,
        kind=data.kind,
        document_type=nfc(data.document_type).strip(),
        number=nfc(data.number).strip(),
        date=data.date,
        issuing_body=nfc(data.issuing_body).strip(),
        drafting_unit=actor.unit,
        drafter=actor,
        summary=nfc(data.summary).strip(),
        summary_consent=data.summary_consent,
        initial_level=data.level,
        level=data.level,
        level_reason=nfc(data.level_reason).strip(),
        copies=data.copies,
        circulation_scope=nfc(data.circulation_scope).strip(),
        copy_forbidden=data.copy_forbidden,
        storage_location=nfc(data.storage_location).strip(),
        shorter_period_until=data.shorter_period_until,
        regime=ruleset.code,
        classified_on=data.classified_on,
        proposed_by=actor,
        custodian=actor,
        status=ItemStatus.CLASSIFIED if competent else ItemStatus.PROPOSED,
        decided_by=actor if competent else None,
    )
    if competent:
        item.protection_ends_on = protection_end_of(item, ruleset)
    item.search_text = search_text_for(item)
    item.full_clean(exclude=["basis"])
    item.save()
    ItemBasis.objects.bulk_create([ItemBasis(item=item, catalog_item=c) for c in basis])
    act = "classified" if competent else "proposed"
    ItemAct.objects.create(
        item=item, act=act, on=data.classified_on, actor=actor, details={"basis": [c.citation for c in basis]}
    )
    record(
        event=f"registry.item_{act}",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={
            **ledger_snapshot(item),
            "basis": [c.citation for c in basis],
            "protection_ends_on": item.protection_ends_on,
        },
    )
    return item


@transaction.atomic
def decide_proposal(
    *, actor: Any, item: SecretItem, approve: bool, on: dt.date, reason: str = ""
) -> SecretItem:
    """The competent person approves (classifies) or returns a proposal with reasons."""
    if item.status != ItemStatus.PROPOSED:
        raise RuleViolation(
            [
                Violation(
                    "not_proposed",
                    "Mục này không ở trạng thái chờ quyết định.",
                    "Điều 3 NĐ 63/2026/NĐ-CP; Điều 2 NĐ 26/2020/NĐ-CP",
                )
            ]
        )
    basis = list(item.basis.select_related("catalog"))
    data = ItemInput(
        kind=item.kind,
        level=item.level,
        basis_ids=[],
        classified_on=on,
        date=item.date,
        summary=item.summary,
        summary_consent=item.summary_consent,
        level_reason=item.level_reason,
        copies=item.copies,
        shorter_period_until=item.shorter_period_until,
    )
    ruleset = ruleset_for_agency(on, item.agency_id)
    violations = rules.check_classification(
        classification_request(data, basis, decider_authority(actor, "classify", on)), ruleset
    )
    if not approve:
        if not reason.strip():
            violations = [
                Violation(
                    "return_reason_missing", "Trả lại đề xuất phải ghi rõ lý do.", "Điều 3 NĐ 63/2026/NĐ-CP"
                )
            ]
        else:
            violations = [v for v in violations if v.code in AUTHORITY_CODES]
    if violations:
        raise RuleViolation(violations)
    if approve:
        item.status, item.classified_on, item.decided_by, item.regime = (
            ItemStatus.CLASSIFIED,
            on,
            actor,
            ruleset.code,
        )
        item.protection_ends_on = protection_end_of(item, ruleset)
    else:
        item.status, item.returned_reason = ItemStatus.DRAFT, nfc(reason).strip()
    item.save()
    act = "classified" if approve else "proposal_returned"
    ItemAct.objects.create(item=item, act=act, on=on, actor=actor, details={"reason": nfc(reason)})
    record(
        event=f"registry.item_{act}",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={
            **ledger_snapshot(item),
            "reason": nfc(reason),
            "protection_ends_on": item.protection_ends_on,
        },
    )
    return item


@transaction.atomic
def resubmit_proposal(*, actor: Any, item: SecretItem) -> SecretItem:
    """The drafter sends a returned proposal back for decision."""
    if item.status != ItemStatus.DRAFT:
        raise RuleViolation(
            [
                Violation(
                    "not_draft",
                    "Chỉ gửi lại được đề xuất đang ở trạng thái dự thảo.",
                    "Điều 3 NĐ 63/2026/NĐ-CP",
                )
            ]
        )
    item.status, item.returned_reason = ItemStatus.PROPOSED, ""
    item.save(update_fields=["status", "returned_reason"])
    ItemAct.objects.create(item=item, act="proposed", on=clock.today(), actor=actor, details={})
    record(
        event="registry.item_proposed",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload=ledger_snapshot(item),
    )
    return item


def record_view(*, actor: Any, item: SecretItem, via: str) -> None:
    """Every view of a Tuyệt mật item is ledgered (and inspectors' reads at any level)."""
    if item.level == "top_secret" or getattr(actor, "role", "") == "inspector":
        record(
            event="registry.item_viewed",
            actor=actor,
            subject=item,
            subject_repr=item_repr(item),
            payload={"level": item.level, "via": via},
        )
