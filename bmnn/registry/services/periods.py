"""Extend, re-level, declassify (council) and automatic declassification when the period ends."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registry import rules
from bmnn.registry.agency_rules import current_overrides, ruleset_for_agency
from bmnn.registry.authority import basis_items, decider_authority
from bmnn.registry.models import ItemAct, ItemBasis, ItemStatus, SecretItem
from bmnn.registry.queries import search_text_for
from bmnn.registry.services.common import (
    add_obligation,
    classified_on,
    item_repr,
    ledger_snapshot,
    load_basis,
)


@transaction.atomic
def extend_item(*, actor: Any, item: SecretItem, on: dt.date, years: int) -> SecretItem:
    ruleset = ruleset_for_agency(on, item.agency_id)
    length = rules.Period(years=years)
    req = rules.ExtensionRequest(
        level=rules.as_level(item.level),
        status=rules.ItemStatus(item.status),
        current_end=item.protection_ends_on,
        decided_on=on,
        length=length,
        decider=decider_authority(actor, "extend", on, item_agency_id=item.agency_id),
    )
    violations = rules.check_extension(req, ruleset)
    if violations:
        raise RuleViolation(violations)
    before = item.protection_ends_on
    assert before is not None
    item.protection_ends_on = rules.extended_end(before, length, ruleset)
    item.save(update_fields=["protection_ends_on"])
    ItemAct.objects.create(
        item=item,
        act="extended",
        on=on,
        actor=actor,
        details={"from": before.isoformat(), "to": item.protection_ends_on.isoformat()},
    )
    add_obligation(item, actor, "extend", on, ruleset, "Thông báo gia hạn thời hạn bảo vệ cho nơi nhận")
    record(
        event="registry.item_extended",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={**ledger_snapshot(item), "from": before, "to": item.protection_ends_on, "years": years},
    )
    return item


@transaction.atomic
def relevel_item(
    *, actor: Any, item: SecretItem, new_level: str, basis_ids: list[int], on: dt.date, reason: str = ""
) -> SecretItem:
    if new_level not in {lv.value for lv in rules.Level}:
        raise RuleViolation(
            [
                Violation(
                    "level_invalid", f"Độ mật mới không hợp lệ: {new_level!r}.", "Điều 8 Luật 29/2018/QH14"
                )
            ]
        )
    ruleset = ruleset_for_agency(on, item.agency_id)
    basis = load_basis(actor, basis_ids)
    req = rules.RelevelRequest(
        old_level=rules.as_level(item.level),
        new_level=rules.as_level(new_level),
        status=rules.ItemStatus(item.status),
        basis=basis_items(basis),
        decided_on=on,
        decider=decider_authority(actor, "relevel", on, item_agency_id=item.agency_id),
        level_reason=reason,
        has_summary=bool(item.summary),
        summary_consent=item.summary_consent,
    )
    violations = rules.check_relevel(req, ruleset)
    if violations:
        raise RuleViolation(violations)
    old = item.level
    # The basis links are replaced; the old citations stay in the item's history and the ledger.
    old_basis = [c.citation for c in item.basis.select_related("catalog")]
    item.level = new_level
    item.protection_ends_on = rules.relevel_protection_end(
        classified_on(item, on), on, new_level, item.kind, ruleset
    )
    item.search_text = search_text_for(item)
    item.save()
    ItemBasis.objects.filter(item=item).delete()
    ItemBasis.objects.bulk_create([ItemBasis(item=item, catalog_item=c) for c in basis])
    ItemAct.objects.create(
        item=item,
        act="relevelled",
        on=on,
        actor=actor,
        details={"from": old, "to": new_level, "old_basis": old_basis},
    )
    add_obligation(item, actor, "relevel", on, ruleset, "Thông báo điều chỉnh độ mật cho nơi nhận")
    record(
        event="registry.item_relevelled",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={
            **ledger_snapshot(item),
            "from": old,
            "to": new_level,
            "basis": [c.citation for c in basis],
            "old_basis": old_basis,
        },
    )
    return item


@transaction.atomic
def declassify_item(
    *,
    actor: Any,
    item: SecretItem,
    on: dt.date,
    council_members: list[str],
    minutes_ref: str,
    decision_ref: str,
    partial_text: str = "",
) -> SecretItem:
    ruleset = ruleset_for_agency(on, item.agency_id)
    req = rules.DeclassificationRequest(
        level=rules.as_level(item.level),
        status=rules.ItemStatus(item.status),
        classified_on=classified_on(item, on),
        decided_on=on,
        decider=decider_authority(actor, "declassify", on, item_agency_id=item.agency_id),
        council_members=tuple(m for m in council_members if m.strip()),
        council_minutes_present=bool(minutes_ref.strip()),
        partial=bool(partial_text.strip()),
        partial_text=partial_text,
    )
    violations = rules.check_declassification(req, ruleset)
    if violations:
        raise RuleViolation(violations)
    details = {
        "council": council_members,
        "minutes": minutes_ref,
        "decision": decision_ref,
        "partial_text": partial_text,
    }
    if not partial_text.strip():
        item.status, item.declassified_on = ItemStatus.DECLASSIFIED, on
        item.save(update_fields=["status", "declassified_on"])
    ItemAct.objects.create(item=item, act="declassified", on=on, actor=actor, details=details)
    add_obligation(item, actor, "declassify", on, ruleset, "Thông báo giải mật cho nơi nhận")
    record(
        event="registry.item_declassified",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={
            **ledger_snapshot(item),
            "mode": "council",
            "partial": bool(partial_text.strip()),
            "decision": decision_ref,
        },
    )
    return item


@transaction.atomic
def apply_automatic_declassification(*, today: dt.date) -> list[SecretItem]:
    """``bmnn tick``: items whose period (with extensions) ended are declassified, one entry each."""
    done = []
    candidates = SecretItem.objects.filter(status=ItemStatus.CLASSIFIED, protection_ends_on__lt=today)
    for item in candidates.select_for_update():
        state = rules.ItemState(
            level=rules.as_level(item.level),
            kind=rules.ItemKind(item.kind),
            status=rules.ItemStatus(item.status),
            classified_on=classified_on(item, today),
            protection_end=item.protection_ends_on,
            basis=basis_items(list(item.basis.select_related("catalog"))),
        )
        due = rules.auto_declassification_due(state, today, current_overrides(item.agency_id))
        if due is None:
            continue
        item.status, item.declassified_on = ItemStatus.DECLASSIFIED, due.effective_on
        item.save(update_fields=["status", "declassified_on"])
        ItemAct.objects.create(
            item=item, act="declassified", on=due.effective_on, actor=None, details={"reason": due.reason}
        )
        record(
            event="registry.item_auto_declassified",
            actor=None,
            subject=item,
            subject_repr=item_repr(item),
            payload={
                **ledger_snapshot(item),
                "reason": due.reason,
                "basis": due.basis,
                "on": due.effective_on,
            },
        )
        done.append(item)
    return done
