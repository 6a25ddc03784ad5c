"""Repetitive documents: the competent person authorises one kind once; its drafters then mark each
document directly (no proposal). Both acts are ledgered; each marked document is a classified item."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.registry import rules
from bmnn.registry.agency_rules import ruleset_for_agency
from bmnn.registry.authority import basis_items, decider_authority
from bmnn.registry.models import ItemAct, ItemBasis, ItemStatus, SecretItem, StandingAuthorisation
from bmnn.registry.queries import search_text_for
from bmnn.registry.rules.corrections import (
    REPETITIVE_BASIS,
    RepetitiveMarking,
    StandingAuthorisationRequest,
    check_repetitive_marking,
    check_standing_authorisation,
)
from bmnn.registry.services.common import item_repr, ledger_snapshot, load_basis


@transaction.atomic
def authorise_repetitive_kind(
    *,
    actor: Any,
    document_type: str,
    level: str,
    basis_id: int,
    on: dt.date,
    decision_ref: str,
    unit: Any = None,
) -> StandingAuthorisation:
    basis = load_basis(actor, [basis_id])
    ruleset = ruleset_for_agency(on, actor.agency_id)
    request = StandingAuthorisationRequest(
        document_type=document_type,
        level=rules.as_level(level),
        basis=basis_items(basis),
        decided_on=on,
        decider=decider_authority(actor, "classify", on),
        decision_ref=decision_ref,
    )
    violations = check_standing_authorisation(request, ruleset)
    if violations:
        raise RuleViolation(violations)
    auth = StandingAuthorisation.objects.create(
        agency_id=actor.agency_id,
        document_type=nfc(document_type).strip(),
        level=level,
        basis=basis[0],
        unit=unit,
        decision_ref=nfc(decision_ref).strip(),
        approved_by=actor,
        approved_position=actor.position,
        valid_from=on,
    )
    record(
        event="registry.standing_authorisation_granted",
        actor=actor,
        subject=auth,
        subject_repr=str(auth),
        payload={
            "level": level,
            "document_type": auth.document_type,
            "basis": basis[0].citation,
            "decision": auth.decision_ref,
            "unit": unit.code if unit else "",
            "valid_from": on,
        },
    )
    return auth


@transaction.atomic
def revoke_standing_authorisation(
    *, actor: Any, authorisation: StandingAuthorisation, on: dt.date, reason: str
) -> StandingAuthorisation:
    ruleset = ruleset_for_agency(on, authorisation.agency_id)
    violations = rules.check_authority(
        decider_authority(actor, "classify", on), authorisation.level, "classify", on, ruleset
    )
    if authorisation.revoked_on is not None:
        violations.append(
            Violation("standing_revoked", "Văn bản cho phép đã thôi áp dụng.", REPETITIVE_BASIS)
        )
    if not reason.strip():
        violations.append(Violation("standing_reason_missing", "Lý do: phải ghi lý do.", REPETITIVE_BASIS))
    if violations:
        raise RuleViolation(violations)
    authorisation.revoked_on, authorisation.revoke_reason = on, nfc(reason).strip()
    authorisation.save(update_fields=["revoked_on", "revoke_reason"])
    record(
        event="registry.standing_authorisation_revoked",
        actor=actor,
        subject=authorisation,
        subject_repr=str(authorisation),
        payload={"level": authorisation.level, "on": on, "reason": authorisation.revoke_reason},
    )
    return authorisation


def _marking(auth: StandingAuthorisation, actor: Any, data: dict[str, Any]) -> RepetitiveMarking:
    return RepetitiveMarking(
        authorised_type=auth.document_type,
        document_type=data["document_type"],
        valid_from=auth.valid_from,
        revoked_on=auth.revoked_on,
        drafter_in_scope=auth.agency_id == actor.agency_id and auth.unit_id in (None, actor.unit_id),
        marked_on=data["on"],
        basis=basis_items([auth.basis]),
        level=rules.as_level(auth.level),
        has_summary=bool(data.get("summary", "").strip()),
    )


@transaction.atomic
def mark_repetitive_document(
    *, actor: Any, authorisation: StandingAuthorisation, data: dict[str, Any]
) -> SecretItem:
    """``data``: document_type, number, date, on (marking date), summary, copies, circulation_scope."""
    auth, on = authorisation, data["on"]
    ruleset = ruleset_for_agency(on, auth.agency_id)
    violations = check_repetitive_marking(_marking(auth, actor, data), ruleset)
    if data.get("date") and on < data["date"]:
        violations.append(
            Violation(
                "classified_before_item_date",
                "Ngày đánh dấu không được trước ngày văn bản.",
                ruleset.cite("period_start"),
            )
        )
    if violations:
        raise RuleViolation(violations)
    item = SecretItem(
        agency_id=auth.agency_id,
        kind="paper_document",
        document_type=nfc(data["document_type"]).strip(),
        number=nfc(data.get("number", "")).strip(),
        date=data.get("date"),
        drafting_unit=actor.unit,
        drafter=actor,
        summary=nfc(data.get("summary", "")).strip(),
        initial_level=auth.level,
        level=auth.level,
        copies=data.get("copies") or 1,
        circulation_scope=nfc(data.get("circulation_scope", "")).strip(),
        regime=ruleset.code,
        classified_on=on,
        proposed_by=actor,
        custodian=actor,
        status=ItemStatus.CLASSIFIED,
        decided_by=auth.approved_by,
    )
    item.protection_ends_on = rules.protection_end(item.level, on, item.kind, ruleset)
    item.search_text = search_text_for(item)
    item.full_clean(exclude=["basis"])
    item.save()
    ItemBasis.objects.create(item=item, catalog_item=auth.basis)
    details = {"authorisation": auth.pk, "decision": auth.decision_ref, "basis": [auth.basis.citation]}
    ItemAct.objects.create(item=item, act="marked_repetitive", on=on, actor=actor, details=details)
    record(
        event="registry.item_marked_repetitive",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={**ledger_snapshot(item), **details, "protection_ends_on": item.protection_ends_on},
    )
    return item
