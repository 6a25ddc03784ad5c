"""Reads of secret items, always filtered by the caller's clearance and need-to-know.

Invisible items are not "forbidden" but absent: lists skip them and detail reads 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from bmnn.accounts import access
from bmnn.lib import levels
from bmnn.lib.vntext import fold
from bmnn.registry import rules
from bmnn.registry.models import ItemBasis, ItemGrant, Obligation, SecretItem


def allowed_levels(user: Any) -> list[str]:
    clearance = access.effective_clearance(user)
    return [lv for lv in levels.LEVELS if levels.covers(clearance, lv)]


def visible_items(user: Any) -> QuerySet[SecretItem]:
    """The SQL twin of ``access.may_see`` (tested against it)."""
    qs = SecretItem.objects.filter(agency_id=user.agency_id, level__in=allowed_levels(user))
    if user.role in access.AGENCY_WIDE_ROLES:
        return qs
    # A subquery, not a join: a join on grants needs DISTINCT, which defeats the indexes on 100k items.
    granted = ItemGrant.objects.filter(user=user, revoked_at__isnull=True).values("item_id")
    mine = Q(drafter=user) | Q(custodian=user) | Q(proposed_by=user) | Q(pk__in=granted)
    if user.unit_id:
        mine |= Q(drafting_unit_id=user.unit_id)
    return qs.filter(mine)


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


# Other apps' deadlines on items (take-out returns, recalls…), each ``fn(user, *, today, days)``
# returning DueRows already filtered by the user's clearance. Named, not imported: those apps
# depend on this one, not the other way round.
DUE_PROVIDERS = ("bmnn.movements.queries.due_rows",)


def due_queue(user: Any, *, today: dt.date, days: int = 90) -> list[DueRow]:
    from django.utils.module_loading import import_string

    rows = _due(visible_items(user), today=today, days=days, agency_id=user.agency_id)
    for path in DUE_PROVIDERS:
        rows += import_string(path)(user, today=today, days=days)
    return sorted(rows, key=lambda r: (r.due_on, r.kind))


def due_queue_all(*, today: dt.date, days: int = 90) -> list[DueRow]:
    """For the operator's CLI without a user: callers must print no content, only ids, levels, dates."""
    return _due(SecretItem.objects.all(), today=today, days=days, agency_id=None)


# What a due row shows; loading only these keeps a large queue cheap.
DUE_FIELDS = (
    "pk",
    "agency_id",
    "document_type",
    "number",
    "level",
    "status",
    "protection_ends_on",
    "created_at",
)


def _due(items: QuerySet[SecretItem], *, today: dt.date, days: int, agency_id: int | None) -> list[DueRow]:
    horizon = today + dt.timedelta(days=days)
    # No ORDER BY: the rows are sorted below, and the default newest-first order would make the
    # database walk the whole agency by creation date instead of using the end-date index.
    items = items.only(*DUE_FIELDS).order_by()
    rows = [
        DueRow("protection_ends", "Hết thời hạn bảo vệ", i.protection_ends_on, i)
        for i in items.filter(status="classified", protection_ends_on__lte=horizon)
        if i.protection_ends_on
    ]
    from bmnn.registry.agency_rules import ruleset_for_agency

    # The decision is taken from today on, so today's rule set gives the lead time.
    ruleset = ruleset_for_agency(today, agency_id)
    for row in list(rows):
        last = rules.extension_last_day(row.due_on, ruleset)
        rows.append(DueRow("extension_deadline", "Hạn cuối quyết định gia hạn", last, row.item))
    rows += [
        DueRow("proposal", "Đề xuất chờ quyết định", i.created_at.date(), i)
        for i in items.filter(status="proposed")
    ]
    obligations = Obligation.objects.filter(
        done_on__isnull=True, due_on__lte=horizon, item_id__in=items.values("pk")
    )
    rows += [
        DueRow("obligation", o.description, o.due_on, o.item) for o in obligations.select_related("item")
    ]
    return sorted(rows, key=lambda r: (r.due_on, r.kind))


def basis_usage_counts(user: Any, *, catalog_id: int | None = None) -> dict[int, int]:
    """How many items the user may see cite each Danh mục item: never counts an item above the user's
    clearance or outside their need-to-know (a count is itself information about secrets)."""
    links = ItemBasis.objects.filter(item__in=visible_items(user).values("pk"))
    if catalog_id is not None:
        links = links.filter(catalog_item__catalog_id=catalog_id)
    rows = links.values("catalog_item_id").annotate(n=Count("item_id", distinct=True))
    return {row["catalog_item_id"]: row["n"] for row in rows}
