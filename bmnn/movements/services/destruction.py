"""Destruction acts (Điều 23 Luật 29/2018/QH14; Điều 23 Luật 117/2025/QH15, Điều 12 NĐ 63/2026/NĐ-CP):
proposal → council → minutes → decision → destruction record, and the custodian's emergency destruction.
Destroyed items and copies stay in every register, marked, forever."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock, levels
from bmnn.lib.vntext import nfc
from bmnn.movements import rules
from bmnn.movements.models import (
    DestructionCase,
    DestructionLine,
    DestructionStage,
    ItemCopy,
    Recall,
    TakeOutPermit,
)
from bmnn.movements.services.common import (
    KEEPER_ROLES,
    actor_in,
    actor_may_act,
    clean_list,
    max_authorised_level,
    refuse_if,
)
from bmnn.registry.models import ItemStatus, SecretItem

# Who keeps the file's paperwork (council, minutes, record): leadership and the keepers of the store.
CASE_ROLES = KEEPER_ROLES | {"head", "deputy"}
OPEN_STAGES = (
    DestructionStage.PROPOSED,
    DestructionStage.COUNCIL,
    DestructionStage.REVIEWED,
    DestructionStage.DECIDED,
)


def line_facts(
    item: SecretItem, item_copy: ItemCopy | None, *, exclude_case: int | None = None
) -> rules.LineFacts:
    if item_copy is not None:
        label, status = f"{item_copy.label} của {item}", item.status
        if item_copy.is_destroyed:
            status = "destroyed"
        elif item.status == ItemStatus.DESTROYED:
            status = ItemStatus.CLASSIFIED  # a copy outlives its destroyed original until destroyed itself
        take_outs = TakeOutPermit.objects.filter(item_copy=item_copy)
        recalls = Recall.objects.filter(item_copy=item_copy)
        other = DestructionLine.objects.filter(item_copy=item_copy)
    else:
        label, status = str(item), item.status
        take_outs = TakeOutPermit.objects.filter(item=item, item_copy__isnull=True)
        recalls = Recall.objects.filter(item=item, item_copy__isnull=True)
        other = DestructionLine.objects.filter(item=item, item_copy__isnull=True)
    other = other.filter(case__stage__in=OPEN_STAGES)
    if exclude_case is not None:
        other = other.exclude(case_id=exclude_case)
    return rules.LineFacts(
        label=label,
        status=status,
        open_take_out=take_outs.filter(status__in=("requested", "approved")).exists(),
        open_recall=recalls.filter(returned_on__isnull=True).exists(),
        in_other_open_case=other.exists(),
    )


def fresh_pairs(item_ids: list[int], copy_ids: list[int]) -> list[tuple[SecretItem, ItemCopy | None]]:
    """The listed items and copies as stored now (locked), never as a caller's stale objects."""
    items = SecretItem.objects.select_for_update().filter(pk__in=item_ids).order_by("pk")
    copies = (
        ItemCopy.objects.select_for_update().filter(pk__in=copy_ids).select_related("item").order_by("pk")
    )
    return [(i, None) for i in items] + [(c.item, c) for c in copies]


def _case(case: DestructionCase) -> DestructionCase:
    return DestructionCase.objects.select_for_update().get(pk=case.pk)


def _lines(case: DestructionCase) -> list[DestructionLine]:
    return list(case.lines.select_related("item", "item_copy"))


def _payload(case: DestructionCase, **extra: Any) -> dict[str, Any]:
    return {"level": case.level, "case": case.pk, "stage": case.stage, **extra}


@transaction.atomic
def propose_destruction(
    *, actor: Any, items: Iterable[SecretItem], copies: Iterable[ItemCopy], reason: str, on: dt.date
) -> DestructionCase:
    """A list of items and copies proposed for destruction because no longer needed (khoản 1.a Điều 23)."""
    pairs = fresh_pairs([i.pk for i in items], [c.pk for c in copies])
    facts = tuple(line_facts(i, c) for i, c in pairs)
    refuse_if(
        actor_may_act(actor) + rules.check_proposal(rules.ProposalFacts(facts, reason, on, clock.today()))
    )
    level = max((i.level for i, _ in pairs), key=levels.rank)
    case = DestructionCase.objects.create(
        agency_id=actor.agency_id,
        stage=DestructionStage.PROPOSED,
        level=level,
        reason=nfc(reason).strip(),
        proposed_by=actor,
        proposed_on=on,
    )
    DestructionLine.objects.bulk_create([DestructionLine(case=case, item=i, item_copy=c) for i, c in pairs])
    record(
        event="movements.destruction_proposed",
        actor=actor,
        subject=case,
        payload=_payload(
            case, items=[i.pk for i, c in pairs if c is None], copies=[c.pk for _, c in pairs if c]
        ),
    )
    return case


@transaction.atomic
def form_council(
    *, actor: Any, case: DestructionCase, council_ref: str, chair: str, members: list[str], on: dt.date
) -> DestructionCase:
    case = _case(case)
    members = clean_list(members)
    facts = rules.CouncilFacts(
        case.stage, council_ref, chair, tuple(members), on, case.proposed_on, clock.today()
    )
    refuse_if(actor_in(actor, CASE_ROLES, "lập hồ sơ tiêu hủy") + rules.check_council(facts))
    case.council_ref, case.council_chair, case.council_members = (
        nfc(council_ref).strip(),
        nfc(chair).strip(),
        members,
    )
    case.council_on, case.stage = on, DestructionStage.COUNCIL
    case.save(update_fields=["council_ref", "council_chair", "council_members", "council_on", "stage"])
    record(
        event="movements.destruction_council_formed",
        actor=actor,
        subject=case,
        payload=_payload(case, members=len(members)),
    )
    return case


@transaction.atomic
def record_minutes(
    *, actor: Any, case: DestructionCase, minutes_ref: str, opinion: str, on: dt.date
) -> DestructionCase:
    case = _case(case)
    facts = rules.MinutesFacts(case.stage, minutes_ref, opinion, on, case.council_on, clock.today())
    refuse_if(actor_in(actor, CASE_ROLES, "lập hồ sơ tiêu hủy") + rules.check_minutes(facts))
    case.minutes_ref, case.council_opinion = nfc(minutes_ref).strip(), nfc(opinion).strip()
    case.minutes_on, case.stage = on, DestructionStage.REVIEWED
    case.save(update_fields=["minutes_ref", "council_opinion", "minutes_on", "stage"])
    record(event="movements.destruction_reviewed", actor=actor, subject=case, payload=_payload(case))
    return case


@transaction.atomic
def decide_destruction(
    *, actor: Any, case: DestructionCase, approve: bool, decision_ref: str, on: dt.date, reason: str = ""
) -> DestructionCase:
    """The competent position decides (authority "destroy" for the file's highest level on that day)."""
    case = _case(case)
    facts = rules.DecisionFacts(
        case.stage,
        approve,
        decision_ref,
        reason,
        case.level,
        max_authorised_level(actor, "destroy", on),
        on,
        case.minutes_on,
        clock.today(),
    )
    refuse_if(actor_may_act(actor) + rules.check_decision(facts))
    case.decided_by, case.decision_ref, case.decided_on = actor, nfc(decision_ref).strip(), on
    case.stage = DestructionStage.DECIDED if approve else DestructionStage.REJECTED
    case.rejection_reason = "" if approve else nfc(reason).strip()
    case.save(update_fields=["decided_by", "decision_ref", "decided_on", "stage", "rejection_reason"])
    record(
        event="movements.destruction_decided" if approve else "movements.destruction_rejected",
        actor=actor,
        subject=case,
        payload=_payload(case, decision_ref=case.decision_ref),
    )
    return case


@transaction.atomic
def record_destruction(
    *, actor: Any, case: DestructionCase, method: str, persons: list[str], record_ref: str, on: dt.date
) -> DestructionCase:
    """The biên bản tiêu hủy; every listed item and copy becomes "đã tiêu hủy" for ever."""
    case = _case(case)
    lines = _lines(case)
    persons = clean_list(persons)
    facts = rules.DestructionRecordFacts(
        case.stage,
        method,
        tuple(persons),
        record_ref,
        on,
        case.decided_on,
        clock.today(),
        tuple(line_facts(ln.item, ln.item_copy, exclude_case=case.pk) for ln in lines),
    )
    refuse_if(actor_in(actor, CASE_ROLES, "lập biên bản tiêu hủy") + rules.check_destruction_record(facts))
    case.method, case.persons, case.record_ref = nfc(method).strip(), persons, nfc(record_ref).strip()
    case.destroyed_on, case.stage = on, DestructionStage.DESTROYED
    case.save(update_fields=["method", "persons", "record_ref", "destroyed_on", "stage"])
    _mark_destroyed(lines, on)
    record(
        event="movements.destroyed",
        actor=actor,
        subject=case,
        payload=_payload(
            case, record_ref=case.record_ref, method=case.method, lines=[_line_label(ln) for ln in lines]
        ),
    )
    return case


def _mark_destroyed(lines: list[DestructionLine], on: dt.date) -> None:
    item_ids = [ln.item_id for ln in lines if ln.item_copy_id is None]
    copy_ids = [ln.item_copy_id for ln in lines if ln.item_copy_id is not None]
    SecretItem.objects.filter(pk__in=item_ids).update(status=ItemStatus.DESTROYED)
    ItemCopy.objects.filter(pk__in=copy_ids).update(destroyed_on=on)


def _line_label(line: DestructionLine) -> str:
    item = line.item
    name = " ".join(p for p in (item.document_type, item.number) if p) or f"#{item.pk}"
    return f"{name} bản sao số {line.item_copy.copy_number}" if line.item_copy else name
