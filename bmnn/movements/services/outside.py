"""Take-out permits and provision: request → decision by the competent position (or written refusal)
→ return. Điều 14, 15, 16 Luật 29/2018/QH14, Điều 5 NĐ 26/2020/NĐ-CP; same articles from 01/03/2026."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import Violation
from bmnn.lib.vntext import nfc
from bmnn.movements import rules
from bmnn.movements.models import ItemCopy, PermitStatus, ProvisionRequest, TakeOutPermit
from bmnn.movements.rules.outside import take_out_basis
from bmnn.movements.services.common import (
    KEEPER_ROLES,
    ROLE_BASIS,
    actor_may_act,
    max_authorised_level,
    refuse_if,
)
from bmnn.registry.models import SecretItem


@dataclass(frozen=True)
class TakeOutInput:
    scope: str
    purpose: str
    place: str
    period_from: dt.date
    period_to: dt.date
    protective_measures: str


def _open_take_out(item: SecretItem, item_copy: ItemCopy | None) -> bool:
    qs = TakeOutPermit.objects.filter(item=item, status__in=(PermitStatus.REQUESTED, PermitStatus.APPROVED))
    return (
        qs.filter(item_copy=item_copy).exists() if item_copy else qs.filter(item_copy__isnull=True).exists()
    )


@transaction.atomic
def request_take_out(
    *, actor: Any, item: SecretItem, item_copy: ItemCopy | None, data: TakeOutInput
) -> TakeOutPermit:
    item = SecretItem.objects.select_for_update().get(pk=item.pk)
    facts = rules.TakeOutFacts(
        item.status,
        data.scope,
        data.purpose,
        data.place,
        data.protective_measures,
        data.period_from,
        data.period_to,
        _open_take_out(item, item_copy),
    )
    refuse_if(actor_may_act(actor) + rules.check_take_out(facts))
    permit = TakeOutPermit.objects.create(
        item=item,
        item_copy=item_copy,
        scope=data.scope,
        requested_by=actor,
        requested_at=clock.now(),
        purpose=nfc(data.purpose).strip(),
        place=nfc(data.place).strip(),
        period_from=data.period_from,
        period_to=data.period_to,
        protective_measures=nfc(data.protective_measures).strip(),
        status=PermitStatus.REQUESTED,
    )
    record(
        event="movements.take_out_requested",
        actor=actor,
        subject=permit,
        payload={"level": item.level, "item": item.pk, "scope": data.scope, "to": data.period_to.isoformat()},
    )
    return permit


@transaction.atomic
def decide_take_out(
    *,
    actor: Any,
    permit: TakeOutPermit,
    approve: bool,
    on: dt.date,
    decision_ref: str = "",
    refusal_reason: str = "",
) -> TakeOutPermit:
    """In-country: authority "take_out"; abroad: "take_abroad" (khoản 1, 2 Điều 14)."""
    permit = TakeOutPermit.objects.select_for_update().select_related("item").get(pk=permit.pk)
    act = "take_abroad" if permit.scope == "abroad" else "take_out"
    facts = rules.TakeOutDecision(
        permit.status,
        permit.scope,
        permit.item.level,
        approve,
        refusal_reason,
        max_authorised_level(actor, act, on),
        on,
        clock.today(),
    )
    refuse_if(actor_may_act(actor) + rules.check_take_out_decision(facts))
    permit.status = PermitStatus.APPROVED if approve else PermitStatus.REFUSED
    permit.decided_by, permit.decided_on, permit.decision_ref = actor, on, nfc(decision_ref).strip()
    permit.refusal_reason = "" if approve else nfc(refusal_reason).strip()
    permit.save(update_fields=["status", "decided_by", "decided_on", "decision_ref", "refusal_reason"])
    record(
        event="movements.take_out_approved" if approve else "movements.take_out_refused",
        actor=actor,
        subject=permit,
        payload={"level": permit.item.level, "item": permit.item_id, "scope": permit.scope},
    )
    return permit


@transaction.atomic
def confirm_take_out_return(
    *, actor: Any, permit: TakeOutPermit, returned_on: dt.date, report: str
) -> TakeOutPermit:
    """The keeper confirms the item is back, with the holder's report on its use (khoản 5 Điều 14)."""
    permit = TakeOutPermit.objects.select_for_update().select_related("item").get(pk=permit.pk)
    facts = rules.ReturnFacts(
        permit.status == PermitStatus.APPROVED, returned_on, permit.period_from, report, clock.today(), True
    )
    violations = actor_may_act(actor) + rules.check_return(facts, take_out_basis(returned_on))
    if actor.role not in KEEPER_ROLES:
        violations.append(
            Violation(
                "return_not_keeper",
                "Việc nhận lại tài liệu do văn thư hoặc cán bộ bảo mật quản lý kho xác nhận.",
                ROLE_BASIS,
            )
        )
    refuse_if(violations)
    permit.status, permit.returned_on, permit.return_report = (
        PermitStatus.RETURNED,
        returned_on,
        nfc(report).strip(),
    )
    permit.return_confirmed_by = actor
    permit.save(update_fields=["status", "returned_on", "return_report", "return_confirmed_by"])
    record(
        event="movements.take_out_returned",
        actor=actor,
        subject=permit,
        payload={"level": permit.item.level, "item": permit.item_id, "on": returned_on.isoformat()},
    )
    return permit


@dataclass(frozen=True)
class ProvisionInput:
    recipient_kind: str
    recipient_name: str
    purpose: str
    commitment: str
    representative: str = ""
    id_number: str = ""
    address: str = ""
    position: str = ""
    nationality: str = ""
    no_third_party: bool = False
    request_ref: str = ""


@transaction.atomic
def register_provision_request(*, actor: Any, item: SecretItem, data: ProvisionInput) -> ProvisionRequest:
    item = SecretItem.objects.select_for_update().get(pk=item.pk)
    facts = rules.ProvisionFacts(
        item.status,
        data.recipient_kind,
        data.recipient_name,
        data.representative,
        data.id_number,
        data.address,
        data.nationality,
        data.purpose,
        data.commitment,
        data.no_third_party,
        clock.today(),
    )
    refuse_if(actor_may_act(actor) + rules.check_provision(facts))
    req = ProvisionRequest.objects.create(
        item=item,
        registered_by=actor,
        registered_at=clock.now(),
        status=PermitStatus.REQUESTED,
        **{k: nfc(v).strip() if isinstance(v, str) else v for k, v in data.__dict__.items()},
    )
    record(
        event="movements.provision_requested",
        actor=actor,
        subject=req,
        payload={"level": item.level, "item": item.pk, "recipient_kind": data.recipient_kind},
    )
    return req


@transaction.atomic
def decide_provision(
    *,
    actor: Any,
    request: ProvisionRequest,
    approve: bool,
    on: dt.date,
    decision_ref: str,
    refusal_reason: str = "",
    external_decider: str = "",
) -> ProvisionRequest:
    req = ProvisionRequest.objects.select_for_update().select_related("item").get(pk=request.pk)
    facts = rules.ProvisionDecision(
        req.status,
        req.is_foreign,
        req.item.level,
        approve,
        decision_ref,
        refusal_reason,
        max_authorised_level(actor, "provide", on),
        external_decider,
        on,
        clock.today(),
    )
    refuse_if(actor_may_act(actor) + rules.check_provision_decision(facts))
    req.status = PermitStatus.APPROVED if approve else PermitStatus.REFUSED
    req.decided_by, req.decided_on, req.decision_ref = actor, on, nfc(decision_ref).strip()
    req.external_decider = nfc(external_decider).strip()
    req.refusal_reason = "" if approve else nfc(refusal_reason).strip()
    req.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_on",
            "decision_ref",
            "external_decider",
            "refusal_reason",
        ]
    )
    record(
        event="movements.provision_approved" if approve else "movements.provision_refused",
        actor=actor,
        subject=req,
        payload={"level": req.item.level, "item": req.item_id, "foreign": req.is_foreign},
    )
    return req
