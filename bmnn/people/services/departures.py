"""A person stops managing secrets (thôi quản lý BMNN): snapshot, commitment, terms closed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import levels
from bmnn.people import rules
from bmnn.people.models import (
    Departure,
    StaffRecord,
    StaffStatus,
)
from bmnn.people.services.staff import _fail, _new_commitment, _t


def held_items_snapshot(staff: StaffRecord) -> list[dict[str, Any]]:
    """What the person holds (SecretItem.custodian), without any summary: id, label, level, status."""
    if staff.user_id is None:
        return []
    from bmnn.registry.models import ItemStatus, SecretItem

    live = [ItemStatus.DRAFT, ItemStatus.PROPOSED, ItemStatus.CLASSIFIED, ItemStatus.DECLASSIFIED]
    items = SecretItem.objects.filter(custodian_id=staff.user_id, status__in=live).order_by("pk")
    return [{"id": i.pk, "label": str(i), "level": i.level, "status": i.status} for i in items]


def _close_terms(staff: StaffRecord, on: dt.date) -> None:
    staff.status = StaffStatus.DEPARTED
    staff.save(update_fields=["status"])
    staff.designations.filter(ended_on__isnull=True).update(ended_on=on)
    staff.memberships.filter(ended_on__isnull=True).update(ended_on=on)


@transaction.atomic
def record_departure(
    *,
    actor: Any,
    staff: StaffRecord,
    reason: str,
    leaves_on: dt.date,
    commitment_signed_on: dt.date,
    commitment_scope: str,
    scan: UploadedFile | None = None,
    note: str = "",
) -> Departure:
    """The person stops managing secrets: snapshot of what they hold, their signed commitment, designations
    and committee terms closed. The recall itself is a separate act in ``bmnn.movements``."""
    already = Departure.objects.filter(staff=staff).exists()
    _fail(
        rules.check_departure(
            already_departed=already, commitment_scope=commitment_scope, leaves_on=leaves_on
        )
    )
    commitment = _new_commitment(
        actor=actor,
        staff=staff,
        signed_on=commitment_signed_on,
        reason="departure",
        scope=commitment_scope,
        scan=scan,
    )
    held = held_items_snapshot(staff)
    departure = Departure(
        staff=staff,
        reason=reason,
        leaves_on=leaves_on,
        held_items=held,
        commitment=commitment,
        note=_t(note),
        created_by=actor,
    )
    departure.full_clean()
    departure.save()
    _close_terms(staff, leaves_on)
    top = max((h["level"] for h in held), key=levels.rank, default="none")
    record(
        event="people.departure_recorded",
        actor=actor,
        subject=staff,
        payload={
            "level": top,
            "reason": reason,
            "leaves_on": leaves_on.isoformat(),
            "held_items": [h["id"] for h in held],
        },
    )
    return departure
