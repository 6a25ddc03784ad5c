"""Reading the ledger, filtered by what the reader may see."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from bmnn.accounts import access
from bmnn.audit.models import LedgerEntry
from bmnn.lib import clock, levels

HIDDEN = "[ẩn — vượt mức được tiếp cận]"


@dataclass(frozen=True)
class EntryView:
    seq: int
    created_at: dt.datetime
    actor_repr: str
    event: str
    subject: str
    payload: str
    hash: str
    hidden: bool


def entries(
    *,
    event: str = "",
    actor: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    subject: str = "",
) -> QuerySet[LedgerEntry]:
    qs = LedgerEntry.objects.order_by("-seq")
    if event:
        qs = qs.filter(event__startswith=event)
    if actor:
        qs = qs.filter(actor_repr__icontains=actor)
    if date_from:
        qs = qs.filter(created_at__gte=dt.datetime.combine(date_from, dt.time(), tzinfo=clock.VN_TZ))
    if date_to:
        qs = qs.filter(
            created_at__lt=dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), tzinfo=clock.VN_TZ)
        )
    if subject:
        qs = qs.filter(subject_id=subject) | qs.filter(subject_repr__icontains=subject)
    return qs


def view_of(user: Any, entry: LedgerEntry) -> EntryView:
    """Entries about an item above the reader's clearance keep their existence but not their content."""
    try:
        payload: dict[str, Any] = json.loads(entry.payload)
    except ValueError:
        payload = {}
    # Convention: the payload key "level" always holds the secrecy level of the subject.
    level = payload.get("level")
    hidden = level in levels.LEVELS and not access.may_access_level(user, str(level))
    return EntryView(
        seq=entry.seq,
        created_at=entry.created_at,
        actor_repr=entry.actor_repr,
        event=entry.event,
        subject=HIDDEN if hidden else entry.subject_repr,
        payload=HIDDEN if hidden else entry.payload,
        hash=entry.hash,
        hidden=hidden,
    )
