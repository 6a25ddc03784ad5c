"""Destruction without the council path: the custodian's emergency destruction (khoản 1.b, 3 Điều 23)
and recording a whole destruction file already completed on paper (one act)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock, levels
from bmnn.lib.rules import Violation
from bmnn.lib.vntext import nfc
from bmnn.movements import rules
from bmnn.movements.models import (
    DestructionCase,
    DestructionLine,
    DestructionStage,
    EmergencyDestruction,
    ItemCopy,
)
from bmnn.movements.services.common import KEEPER_ROLES, actor_in, clean_list, max_authorised_level, refuse_if
from bmnn.movements.services.destruction import (
    CASE_ROLES,
    _line_label,
    _mark_destroyed,
    fresh_pairs,
    line_facts,
)
from bmnn.registry.models import ItemStatus, SecretItem


@transaction.atomic
def destroy_in_emergency(
    *,
    actor: Any,
    item: SecretItem,
    item_copy: ItemCopy | None,
    method: str,
    harm: str,
    report: str,
    on: dt.date,
) -> EmergencyDestruction:
    """Destroyed at once by the custodian; the written report goes to the head at once and stays open
    in the head's due queue until acknowledged."""
    item = SecretItem.objects.select_for_update().get(pk=item.pk)
    if item_copy is not None:
        item_copy = ItemCopy.objects.select_for_update().get(pk=item_copy.pk, item=item)
    custodian = item.custodian_id if item_copy is None else item_copy.holder_id
    facts = rules.EmergencyFacts(
        line=line_facts(item, item_copy),
        actor_may_destroy=actor.pk == custodian or actor.role in KEEPER_ROLES,
        harm=harm,
        report=report,
        method=method,
        on=on,
        today=clock.today(),
    )
    refuse_if(rules.check_emergency(facts))
    row = EmergencyDestruction.objects.create(
        agency_id=item.agency_id,
        item=item,
        item_copy=item_copy,
        destroyed_by=actor,
        destroyed_on=on,
        method=nfc(method).strip(),
        harm=nfc(harm).strip(),
        report=nfc(report).strip(),
        reported_at=clock.now(),
    )
    if item_copy is None:
        SecretItem.objects.filter(pk=item.pk).update(status=ItemStatus.DESTROYED)
    else:
        ItemCopy.objects.filter(pk=item_copy.pk).update(destroyed_on=on)
    record(
        event="movements.destroyed_in_emergency",
        actor=actor,
        subject=row,
        payload={
            "level": item.level,
            "item": item.pk,
            "copy": item_copy.copy_number if item_copy else None,
            "method": row.method,
        },
    )
    return row


@transaction.atomic
def acknowledge_emergency(*, actor: Any, report: EmergencyDestruction, on: dt.date) -> EmergencyDestruction:
    """The head has read the written report (it leaves the due queue)."""
    report = EmergencyDestruction.objects.select_for_update().get(pk=report.pk)
    basis = rules.cite(report.destroyed_on, "khoản 3 Điều 23")
    violations = actor_in(actor, frozenset({"head", "deputy"}), "xác nhận báo cáo tiêu hủy khẩn cấp")
    if report.acknowledged_on is not None:
        violations.append(Violation("emergency_acknowledged", "Báo cáo này đã được xác nhận.", basis))
    refuse_if(violations)
    report.acknowledged_by, report.acknowledged_on = actor, on
    report.save(update_fields=["acknowledged_by", "acknowledged_on"])
    record(
        event="movements.emergency_report_acknowledged",
        actor=actor,
        subject=report,
        payload={"level": report.item.level, "item": report.item_id},
    )
    return report


@transaction.atomic
def record_destruction_file(
    *,
    actor: Any,
    item: SecretItem,
    copies: list[ItemCopy],
    include_item: bool,
    council: dict[str, Any],
    decision: dict[str, Any],
    destruction: dict[str, Any],
) -> DestructionCase:
    """A destruction completed on paper (council, minutes, decision, biên bản) recorded as one act.

    Every step's rule applies exactly as in the step-by-step flow; the decider named in ``decision``
    must hold the authority "destroy" for the level on the decision's date."""
    pairs = fresh_pairs([item.pk] if include_item else [], [c.pk for c in copies if c.item_id == item.pk])
    item = SecretItem.objects.get(pk=item.pk)
    lines = tuple(line_facts(i, c) for i, c in pairs)
    violations = _file_violations(actor, lines, item.level, council, decision, destruction)
    refuse_if(_unique(violations))
    case = _file_case(actor, item, pairs, council, decision, destruction)
    created = DestructionLine.objects.bulk_create(
        [DestructionLine(case=case, item=i, item_copy=c) for i, c in pairs]
    )
    _mark_destroyed(created, destruction["on"])
    record(
        event="movements.destruction_recorded",
        actor=actor,
        subject=case,
        payload={
            "level": case.level,
            "case": case.pk,
            "record_ref": case.record_ref,
            "lines": [_line_label(ln) for ln in created],
        },
    )
    return case


def _unique(violations: list[Violation]) -> list[Violation]:
    """The combined checks may repeat a message (e.g. an empty field in two steps): keep the first."""
    seen: set[tuple[str, str]] = set()
    out = []
    for v in violations:
        if (v.code, v.message_vi) not in seen:
            seen.add((v.code, v.message_vi))
            out.append(v)
    return out


def _file_violations(
    actor: Any,
    lines: tuple[rules.LineFacts, ...],
    level: str,
    council: dict[str, Any],
    decision: dict[str, Any],
    destruction: dict[str, Any],
) -> list[Violation]:
    """Every step's rule, as in the step-by-step flow, for a file completed on paper."""
    today, decider = clock.today(), decision.get("decided_by")
    violations = actor_in(actor, CASE_ROLES, "ghi hồ sơ tiêu hủy")
    violations += rules.check_proposal(
        rules.ProposalFacts(lines, str(council.get("reason", "")), council["proposed_on"], today)
    )
    violations += rules.check_council(
        rules.CouncilFacts(
            "proposed",
            council["ref"],
            council["chair"],
            tuple(council["members"]),
            council["on"],
            council["proposed_on"],
            today,
        )
    )
    violations += rules.check_minutes(
        rules.MinutesFacts(
            "council", council["minutes_ref"], council["opinion"], council["minutes_on"], council["on"], today
        )
    )
    violations += rules.check_decision(
        rules.DecisionFacts(
            "reviewed",
            True,
            decision["ref"],
            "",
            level,
            max_authorised_level(decider, "destroy", decision["on"]) if decider else None,
            decision["on"],
            council["minutes_on"],
            today,
        )
    )
    violations += rules.check_destruction_record(
        rules.DestructionRecordFacts(
            "decided",
            destruction["method"],
            tuple(destruction["persons"]),
            destruction["ref"],
            destruction["on"],
            decision["on"],
            today,
            (),
        )
    )
    return violations


def _file_case(
    actor: Any,
    item: SecretItem,
    pairs: list[tuple[SecretItem, ItemCopy | None]],
    council: dict[str, Any],
    decision: dict[str, Any],
    destruction: dict[str, Any],
) -> DestructionCase:
    case = DestructionCase.objects.create(
        agency_id=item.agency_id,
        stage=DestructionStage.DESTROYED,
        level=max((i.level for i, _ in pairs), key=levels.rank),
        reason=nfc(str(council.get("reason", ""))).strip(),
        proposed_by=actor,
        proposed_on=council["proposed_on"],
        council_ref=nfc(council["ref"]).strip(),
        council_on=council["on"],
        council_chair=nfc(council["chair"]).strip(),
        council_members=clean_list(council["members"]),
        minutes_ref=nfc(council["minutes_ref"]).strip(),
        minutes_on=council["minutes_on"],
        council_opinion=nfc(council["opinion"]).strip(),
        decided_by=decision.get("decided_by"),
        decision_ref=nfc(decision["ref"]).strip(),
        decided_on=decision["on"],
        method=nfc(destruction["method"]).strip(),
        destroyed_on=destruction["on"],
        persons=clean_list(destruction["persons"]),
        record_ref=nfc(destruction["ref"]).strip(),
    )
    return case
