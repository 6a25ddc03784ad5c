"""Reads of secret items, always filtered by the caller's clearance and need-to-know.

Invisible items are not "forbidden" but absent: lists skip them and detail reads 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bmnn.accounts import access
from bmnn.lib import levels
from bmnn.lib.vntext import fold
from bmnn.registry import rules
from bmnn.registry.models import Obligation, SecretItem


def allowed_levels(user: Any) -> list[str]:
    clearance = access.effective_clearance(user)
    return [lv for lv in levels.LEVELS if levels.covers(clearance, lv)]


def visible_items(user: Any) -> QuerySet[SecretItem]:
    """The SQL twin of ``access.may_see`` (tested against it)."""
    qs = SecretItem.objects.filter(agency_id=user.agency_id, level__in=allowed_levels(user))
    if user.role in access.AGENCY_WIDE_ROLES:
        return qs
    mine = Q(drafter=user) | Q(custodian=user) | Q(proposed_by=user) | Q(grants__user=user)
    if user.unit_id:
        mine |= Q(drafting_unit_id=user.unit_id)
    return qs.filter(mine).distinct()


def get_item_for_user(user: Any, item_id: int | str) -> SecretItem:
    try:
        return visible_items(user).get(pk=int(item_id))
    except (SecretItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def search(user: Any, q: str = "", *, level: str = "", status: str = "") -> QuerySet[SecretItem]:
    qs = visible_items(user)
    for word in fold(q).split():
        qs = qs.filter(search_text__contains=word)
    if level:
        qs = qs.filter(level=level)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("drafting_unit")


def search_text_for(item: SecretItem) -> str:
    """What search may index: never the summary of a Tuyệt mật item."""
    summary = "" if item.level == "top_secret" else item.summary
    return fold(" ".join([item.document_type, item.number, item.issuing_body, summary]))


@dataclass(frozen=True)
class DueRow:
    kind: str
    label: str
    due_on: dt.date
    item: SecretItem


def due_queue(user: Any, *, today: dt.date, days: int = 90) -> list[DueRow]:
    return _due(visible_items(user), today=today, days=days)


def due_queue_all(*, today: dt.date, days: int = 90) -> list[DueRow]:
    """For the operator's CLI without a user: callers must print no content, only ids, levels, dates."""
    return _due(SecretItem.objects.all(), today=today, days=days)


def _due(items: QuerySet[SecretItem], *, today: dt.date, days: int) -> list[DueRow]:
    horizon = today + dt.timedelta(days=days)
    rows = [
        DueRow("protection_ends", "Hết thời hạn bảo vệ", i.protection_ends_on, i)
        for i in items.filter(status="classified", protection_ends_on__lte=horizon)
        if i.protection_ends_on
    ]
    from bmnn.registry.rulesets import ruleset_for

    for row in list(rows):
        # The decision is taken from today on, so today's rule set gives the lead time.
        last = rules.extension_last_day(row.due_on, ruleset_for(today))
        rows.append(DueRow("extension_deadline", "Hạn cuối quyết định gia hạn", last, row.item))
    rows += [
        DueRow("proposal", "Đề xuất chờ quyết định", i.created_at.date(), i)
        for i in items.filter(status="proposed")
    ]
    obligations = Obligation.objects.filter(item__in=items, done_on__isnull=True, due_on__lte=horizon)
    rows += [
        DueRow("obligation", o.description, o.due_on, o.item) for o in obligations.select_related("item")
    ]
    return sorted(rows, key=lambda r: (r.due_on, r.kind))
