"""Reads of movements, always through the original item's visibility: whoever may not see the
original sees none of its copies, permits, recalls or destruction files (404 on detail reads)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from bmnn.movements.models import (
    CopyEntry,
    CopyPermission,
    CustodianDeparture,
    DestructionCase,
    DestructionLine,
    EmergencyDestruction,
    ItemCopy,
    MergerHandover,
    ProvisionRequest,
    Recall,
    TakeOutPermit,
)
from bmnn.registry.queries import DueRow, visible_items


def _get(qs: QuerySet[Any], pk: int | str) -> Any:
    try:
        return qs.get(pk=int(pk))
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def visible_copies(user: Any) -> QuerySet[ItemCopy]:
    return ItemCopy.objects.filter(item__in=visible_items(user)).select_related("item", "entry")


def visible_permissions(user: Any) -> QuerySet[CopyPermission]:
    return CopyPermission.objects.filter(item__in=visible_items(user)).select_related("item", "authorised_by")


def visible_copy_entries(user: Any) -> QuerySet[CopyEntry]:
    return CopyEntry.objects.filter(item__in=visible_items(user)).select_related("item", "cancelled_by")


def visible_take_outs(user: Any) -> QuerySet[TakeOutPermit]:
    return TakeOutPermit.objects.filter(item__in=visible_items(user)).select_related("item", "item_copy")


def visible_provisions(user: Any) -> QuerySet[ProvisionRequest]:
    return ProvisionRequest.objects.filter(item__in=visible_items(user)).select_related("item")


def visible_recalls(user: Any) -> QuerySet[Recall]:
    return Recall.objects.filter(item__in=visible_items(user)).select_related("item", "item_copy")


def visible_emergencies(user: Any) -> QuerySet[EmergencyDestruction]:
    return EmergencyDestruction.objects.filter(item__in=visible_items(user)).select_related(
        "item", "item_copy"
    )


def visible_cases(user: Any) -> QuerySet[DestructionCase]:
    """A destruction file is visible only to whoever may see every item it lists."""
    hidden = DestructionLine.objects.filter(case=OuterRef("pk")).exclude(item__in=visible_items(user))
    return DestructionCase.objects.filter(agency_id=user.agency_id).exclude(Exists(hidden))


def visible_departures(user: Any) -> QuerySet[CustodianDeparture]:
    """A departure lists people's holdings; shown to the leadership and keepers of the agency."""
    if user.role not in {"head", "deputy", "security_officer", "clerk", "inspector"}:
        return CustodianDeparture.objects.none()
    return CustodianDeparture.objects.filter(agency_id=user.agency_id)


def visible_mergers(user: Any) -> QuerySet[MergerHandover]:
    from django.db.models import Q

    if user.role not in {"head", "deputy", "security_officer", "clerk", "inspector"}:
        return MergerHandover.objects.none()
    return MergerHandover.objects.filter(Q(from_agency_id=user.agency_id) | Q(to_agency_id=user.agency_id))


def get_copy(user: Any, pk: int | str) -> ItemCopy:
    return _get(visible_copies(user), pk)


def get_permission(user: Any, pk: int | str) -> CopyPermission:
    return _get(visible_permissions(user), pk)


def get_take_out(user: Any, pk: int | str) -> TakeOutPermit:
    return _get(visible_take_outs(user), pk)


def get_provision(user: Any, pk: int | str) -> ProvisionRequest:
    return _get(visible_provisions(user), pk)


def get_recall(user: Any, pk: int | str) -> Recall:
    return _get(visible_recalls(user), pk)


def get_case(user: Any, pk: int | str) -> DestructionCase:
    return _get(visible_cases(user), pk)


def get_emergency(user: Any, pk: int | str) -> EmergencyDestruction:
    return _get(visible_emergencies(user), pk)


def get_departure(user: Any, pk: int | str) -> CustodianDeparture:
    return _get(visible_departures(user), pk)


def item_movements(user: Any, item: Any) -> dict[str, Any]:
    """Every movement of one item the caller already may see."""
    return {
        "copies": ItemCopy.objects.filter(item=item).select_related("entry"),
        "permissions": CopyPermission.objects.filter(item=item).select_related("authorised_by"),
        "take_outs": TakeOutPermit.objects.filter(item=item).select_related("item_copy"),
        "provisions": ProvisionRequest.objects.filter(item=item),
        "recalls": Recall.objects.filter(item=item).select_related("item_copy"),
        "cases": visible_cases(user).filter(lines__item=item).distinct(),
        "emergencies": EmergencyDestruction.objects.filter(item=item).select_related("item_copy"),
    }


def due_rows(user: Any, *, today: dt.date, days: int = 90) -> list[DueRow]:
    """Rows for the due queue: take-outs to be returned, recalls, unread emergency reports (head)."""
    horizon = today + dt.timedelta(days=days)
    rows = [
        DueRow("take_out_return", f"Hạn trả tài liệu mang ra ({p.place})", p.period_to, p.item)
        for p in visible_take_outs(user).filter(status="approved", period_to__lte=horizon)
    ]
    rows += [
        DueRow("recall_return", f"Hạn trả tài liệu thu hồi ({r.holder_name})", r.deadline, r.item)
        for r in visible_recalls(user).filter(returned_on__isnull=True, deadline__lte=horizon)
    ]
    if user.role in {"head", "deputy"}:
        rows += [
            DueRow(
                "emergency_report", "Báo cáo tiêu hủy khẩn cấp chờ người đứng đầu xem", e.destroyed_on, e.item
            )
            for e in visible_emergencies(user).filter(acknowledged_on__isnull=True)
        ]
    return sorted(rows, key=lambda r: (r.due_on, r.kind))


def overdue(rows: list[DueRow], today: dt.date) -> list[DueRow]:
    return [r for r in rows if r.due_on < today]


def get_merger(user: Any, pk: int | str) -> MergerHandover:
    return _get(visible_mergers(user), pk)
