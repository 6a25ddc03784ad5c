"""Copy acts: request → authorisation → performed by văn thư (numbered copies, copy register row);
or a permission already given on paper recorded in one act. One ledger entry per act."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.db import transaction

from bmnn.accounts.models import User
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import Violation
from bmnn.lib.vntext import fold, nfc
from bmnn.movements import rules
from bmnn.movements.models import CopyEntry, CopyPermission, CopyStatus, ItemCopy
from bmnn.movements.services.common import (
    actor_may_act,
    clean_list,
    max_authorised_level,
    person_repr,
    refuse_if,
)
from bmnn.registers.services import allocate, registration_violations
from bmnn.registry.models import SecretItem


def _copy_facts(
    item: SecretItem, *, kind: str, quantity: int, recipients: list[str], authoriser: Any, on: dt.date
) -> rules.CopyAct:
    return rules.CopyAct(
        item_status=item.status,
        item_level=item.level,
        copy_forbidden=item.copy_forbidden,
        kind=kind,
        quantity=quantity,
        recipients=tuple(recipients),
        on=on,
        today=clock.today(),
        authoriser_same_agency=authoriser is not None and authoriser.agency_id == item.agency_id,
        authoriser_max_level=max_authorised_level(authoriser, "copy", on),
    )


def _locked(item: SecretItem) -> SecretItem:
    return SecretItem.objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def request_copy(
    *,
    actor: Any,
    item: SecretItem,
    kind: str,
    quantity: int,
    recipients: list[str],
    authoriser: User,
    purpose: str = "",
) -> CopyPermission:
    """A request to the named authoriser; checked now against the authority in force today."""
    item = _locked(item)
    recipients = clean_list(recipients)
    today = clock.today()
    refuse_if(
        actor_may_act(actor)
        + rules.check_copy(
            _copy_facts(
                item, kind=kind, quantity=quantity, recipients=recipients, authoriser=authoriser, on=today
            )
        )
    )
    permission = CopyPermission.objects.create(
        item=item,
        kind=kind,
        quantity=quantity,
        recipients=recipients,
        purpose=nfc(purpose).strip(),
        requested_by=actor,
        requested_at=clock.now(),
        authorised_by=authoriser,
        authoriser_repr=person_repr(authoriser),
        status=CopyStatus.REQUESTED,
    )
    record(
        event="movements.copy_requested",
        actor=actor,
        subject=permission,
        payload={
            "level": item.level,
            "item": item.pk,
            "kind": kind,
            "quantity": quantity,
            "authoriser": authoriser.username,
        },
    )
    return permission


@transaction.atomic
def decide_copy(
    *,
    actor: Any,
    permission: CopyPermission,
    approve: bool,
    on: dt.date,
    refusal_reason: str = "",
    permission_ref: str = "",
) -> CopyPermission:
    """The named authoriser allows (authority re-checked on the decision's date) or refuses with reasons."""
    permission = CopyPermission.objects.select_for_update().get(pk=permission.pk)
    item = _locked(permission.item)
    violations = rules.check_copy_decision(
        rules.CopyDecision(
            permission.status, actor.pk == permission.authorised_by_id, approve, refusal_reason
        ),
        on,
    )
    if approve:
        violations += rules.check_copy(
            _copy_facts(
                item,
                kind=permission.kind,
                quantity=permission.quantity,
                recipients=permission.recipients,
                authoriser=actor,
                on=on,
            )
        )
    refuse_if(violations)
    permission.status = CopyStatus.APPROVED if approve else CopyStatus.REFUSED
    permission.decided_on = on
    permission.refusal_reason = "" if approve else nfc(refusal_reason).strip()
    permission.permission_ref = nfc(permission_ref).strip()
    permission.save(update_fields=["status", "decided_on", "refusal_reason", "permission_ref"])
    record(
        event="movements.copy_approved" if approve else "movements.copy_refused",
        actor=actor,
        subject=permission,
        payload={"level": item.level, "item": item.pk, "on": on.isoformat(), "quantity": permission.quantity},
    )
    return permission


@transaction.atomic
def perform_copy(*, actor: Any, permission: CopyPermission, on: dt.date) -> list[ItemCopy]:
    """Văn thư makes exactly the authorised copies, numbers them and enters them in the copy register."""
    permission = CopyPermission.objects.select_for_update().get(pk=permission.pk)
    item = _locked(permission.item)
    violations = registration_violations(actor=actor, kind="copy", on=on)
    if permission.status != CopyStatus.APPROVED:
        violations.append(
            Violation(
                "copy_not_approved",
                "Chỉ sao, chụp sau khi người có thẩm quyền đã cho phép.",
                rules.cite(on, "Điều 11"),
            )
        )
    elif permission.decided_on and on < permission.decided_on:
        violations.append(
            Violation(
                "copy_before_permission",
                "Ngày sao, chụp không thể trước ngày cho phép.",
                rules.cite(on, "Điều 11"),
            )
        )
    violations += [
        v
        for v in rules.check_copy(
            _copy_facts(
                item,
                kind=permission.kind,
                quantity=permission.quantity,
                recipients=permission.recipients,
                authoriser=permission.authorised_by,
                on=permission.decided_on or on,
            )
        )
        if v.code != "copy_date_future"
    ]
    refuse_if(violations)
    copies = _make_copies(actor=actor, item=item, permission=permission, on=on)
    record(
        event="movements.copy_performed",
        actor=actor,
        subject=permission,
        payload={
            "level": item.level,
            "item": item.pk,
            "copies": [c.copy_number for c in copies],
            "seq": copies[0].entry.seq,
        },
    )
    return copies


@transaction.atomic
def record_copy(
    *,
    actor: Any,
    item: SecretItem,
    kind: str,
    quantity: int,
    recipients: list[str],
    authoriser: User | None,
    permission_ref: str,
    authorised_on: dt.date,
    performed_on: dt.date,
) -> list[ItemCopy]:
    """A permission already given (usually on paper) and the copies made: one act, one ledger entry."""
    item = _locked(item)
    recipients = clean_list(recipients)
    refuse_if(
        _record_violations(
            actor,
            item,
            kind=kind,
            quantity=quantity,
            recipients=recipients,
            authoriser=authoriser,
            authorised_on=authorised_on,
            performed_on=performed_on,
        )
    )
    assert authoriser is not None
    permission = CopyPermission.objects.create(
        item=item,
        kind=kind,
        quantity=quantity,
        recipients=recipients,
        requested_by=actor,
        requested_at=clock.now(),
        authorised_by=authoriser,
        authoriser_repr=person_repr(authoriser),
        status=CopyStatus.APPROVED,
        permission_ref=nfc(permission_ref).strip(),
        decided_on=authorised_on,
        recorded_from_paper=True,
    )
    copies = _make_copies(actor=actor, item=item, permission=permission, on=performed_on)
    record(
        event="movements.copy_recorded",
        actor=actor,
        subject=permission,
        payload={
            "level": item.level,
            "item": item.pk,
            "authoriser": authoriser.username,
            "permission_ref": permission.permission_ref,
            "copies": [c.copy_number for c in copies],
            "seq": copies[0].entry.seq,
        },
    )
    return copies


def _record_violations(
    actor: Any,
    item: SecretItem,
    *,
    kind: str,
    quantity: int,
    recipients: list[str],
    authoriser: User | None,
    authorised_on: dt.date,
    performed_on: dt.date,
) -> list[Violation]:
    basis = rules.cite(authorised_on, "Điều 11")
    out = registration_violations(actor=actor, kind="copy", on=performed_on)
    facts = _copy_facts(
        item, kind=kind, quantity=quantity, recipients=recipients, authoriser=authoriser, on=authorised_on
    )
    if authoriser is None:
        out.append(
            Violation(
                "copy_authoriser_unknown", "Trường “Người cho phép”: không tìm thấy người dùng này.", basis
            )
        )
        facts = replace(facts, authoriser_same_agency=True)  # one reason for one missing person
    out += rules.check_copy(facts)
    if performed_on < authorised_on:
        out.append(
            Violation("copy_before_permission", "Ngày sao, chụp không thể trước ngày cho phép.", basis)
        )
    return out


def _make_copies(*, actor: Any, item: SecretItem, permission: CopyPermission, on: dt.date) -> list[ItemCopy]:
    slot = allocate(actor=actor, kind="copy", on=on)
    n = permission.quantity
    recipients = list(permission.recipients)
    authoriser_text, performer_text = permission.authoriser_repr, person_repr(actor)
    source, recipients_text = source_repr(item), "; ".join(recipients)
    entry = CopyEntry.objects.create(
        agency_id=item.agency_id,
        book=slot.book,
        year=slot.year,
        seq=slot.seq,
        level=item.level,
        registered_by=actor,
        registered_at=clock.now(),
        item=item,
        permission=permission,
        copied_on=on,
        source_repr=source,
        kind=permission.kind,
        quantity=n,
        copy_numbers=", ".join(f"{i}/{n}" for i in range(1, n + 1)),
        authoriser_repr=authoriser_text,
        performer_repr=performer_text,
        recipients_repr=recipients_text,
        search_text=fold(" ".join([source, permission.get_kind_display(), recipients_text, authoriser_text])),
    )
    holders = {u.username: u for u in User.objects.filter(agency_id=item.agency_id, username__in=recipients)}
    copies = []
    for i in range(1, n + 1):
        recipient = recipients[i - 1] if len(recipients) == n else "; ".join(recipients)
        copies.append(
            ItemCopy.objects.create(
                item=item,
                permission=permission,
                entry=entry,
                number=i,
                total=n,
                kind=permission.kind,
                level=item.level,
                recipient=recipient,
                holder=holders.get(recipient),
            )
        )
    permission.status, permission.performed_by, permission.performed_on = CopyStatus.PERFORMED, actor, on
    permission.save(update_fields=["status", "performed_by", "performed_on"])
    return copies


def source_repr(item: SecretItem) -> str:
    """Identity of the original for the register: never its trích yếu (safe for Tuyệt mật)."""
    parts = [" ".join(p for p in (item.document_type, item.number) if p) or f"Mục #{item.pk}"]
    if item.date:
        parts.append(f"ngày {item.date:%d/%m/%Y}")
    if item.issuing_body:
        parts.append(item.issuing_body)
    return ", ".join(parts)
