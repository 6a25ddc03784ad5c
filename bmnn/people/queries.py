"""Reads about people, scoped by agency and role, and the alerts of the people area.

For other apps (inspections checklist, compliance dashboard):
- ``staff_for(user)`` / ``get_staff_for_user(user, id)``: leaders, security officers, admins and inspectors
  see the agency's records; anyone else sees only their own (404 otherwise).
- ``active_staff(agency)``; ``designated_officers(agency, on)`` (open designations);
  ``staff_without_commitment(agency)``.
- ``training_coverage(agency, year) -> Coverage`` (total, trained, percent, never_trained, not_this_year).
- ``alerts(agency, today) -> list[Alert]``: ``people.key_post_review_overdue``,
  ``people.departed_still_holding`` (a departed person is still custodian of live items),
  ``people.no_designated_officer``.
- ``visible_held_items(viewer, departure)``: the departure snapshot filtered by the viewer's clearance.
- ``recall_rounds(viewer, staff)``: the ``bmnn.movements`` recall rounds opened for this person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse

from bmnn.accounts import access
from bmnn.assets.alerting import Alert
from bmnn.people import rules
from bmnn.people.models import Departure, Designation, StaffRecord, StaffStatus

MANAGERS = frozenset({"head", "deputy", "security_officer", "admin"})
READERS = MANAGERS | {"inspector"}


def may_manage(user: Any) -> bool:
    return access.is_active_user(user) and user.role in MANAGERS


def staff_for(user: Any) -> QuerySet[StaffRecord]:
    if not access.is_active_user(user) or user.agency_id is None:
        return StaffRecord.objects.none()
    qs = StaffRecord.objects.filter(agency_id=user.agency_id).select_related("unit", "position", "user")
    return qs if user.role in READERS else qs.filter(user=user)


def get_staff_for_user(user: Any, staff_id: int | str) -> StaffRecord:
    try:
        return staff_for(user).get(pk=int(staff_id))
    except (StaffRecord.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def active_staff(agency: Any) -> QuerySet[StaffRecord]:
    return StaffRecord.objects.filter(agency=agency, status=StaffStatus.ACTIVE)


def designated_officers(agency: Any, on: dt.date) -> QuerySet[Designation]:
    return (
        Designation.objects.filter(staff__agency=agency, signed_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("staff")
    )


def staff_without_commitment(agency: Any) -> QuerySet[StaffRecord]:
    return active_staff(agency).filter(commitments__isnull=True)


@dataclass(frozen=True)
class Coverage:
    year: int
    total: int
    trained: int
    percent: int
    never_trained: list[StaffRecord]
    not_this_year: list[StaffRecord]


def training_coverage(agency: Any, year: int) -> Coverage:
    staff = list(active_staff(agency).prefetch_related("trainings"))
    this_year = [s for s in staff if any(t.held_on.year == year for t in s.trainings.all())]
    never = [s for s in staff if not s.trainings.all()]
    trained_ids = {s.pk for s in this_year}
    return Coverage(
        year=year,
        total=len(staff),
        trained=len(this_year),
        percent=rules.coverage_percent(len(this_year), len(staff)),
        never_trained=never,
        not_this_year=[s for s in staff if s.pk not in trained_ids],
    )


def alerts(agency: Any, today: dt.date) -> list[Alert]:
    found = [
        Alert(
            "people.key_post_review_overdue",
            "medium",
            f"{s.full_name}: vị trí trọng yếu, cơ mật chưa được thẩm tra lại "
            f"({'chưa có hạn' if s.key_post_review_due is None else 'hạn ' + s.key_post_review_due.strftime('%d/%m/%Y')}).",
            rules.BASIS_KEY_POST,
            reverse("people:staff_detail", args=[s.pk]),
            s.pk,
        )
        for s in active_staff(agency).filter(is_key_post=True)
        if rules.key_post_review_overdue(is_key_post=True, review_due=s.key_post_review_due, today=today)
    ]
    found += _departed_holding(agency)
    if active_staff(agency).exists() and not designated_officers(agency, today).exists():
        found.append(
            Alert(
                "people.no_designated_officer",
                "high",
                "Chưa có quyết định phân công người làm công tác bảo vệ BMNN còn hiệu lực.",
                rules.BASIS_DESIGNATION,
                reverse("people:staff_list"),
            )
        )
    return found


def _departed_holding(agency: Any) -> list[Alert]:
    from bmnn.registry.models import ItemStatus, SecretItem

    live = [ItemStatus.DRAFT, ItemStatus.PROPOSED, ItemStatus.CLASSIFIED, ItemStatus.DECLASSIFIED]
    found = []
    for departure in Departure.objects.filter(staff__agency=agency, staff__user__isnull=False).select_related(
        "staff"
    ):
        count = SecretItem.objects.filter(custodian_id=departure.staff.user_id, status__in=live).count()
        if count:
            found.append(
                Alert(
                    "people.departed_still_holding",
                    "high",
                    f"{departure.staff.full_name} đã thôi quản lý BMNN nhưng vẫn đứng tên quản lý {count} tài liệu, vật "
                    "chứa BMNN — cần thu hồi, bàn giao.",
                    rules.BASIS_DEPARTURE,
                    reverse("people:staff_detail", args=[departure.staff_id]),
                    departure.staff_id,
                )
            )
    return found


def visible_held_items(viewer: Any, departure: Departure) -> tuple[list[dict[str, Any]], int]:
    """(rows the viewer may see, number hidden) — clearance and need-to-know through the registry."""
    from bmnn.registry.queries import visible_items

    ids = [row["id"] for row in departure.held_items]
    allowed = set(visible_items(viewer).filter(pk__in=ids).values_list("pk", flat=True))
    shown = [row for row in departure.held_items if row["id"] in allowed]
    return shown, len(ids) - len(shown)


def recall_rounds(viewer: Any, staff: StaffRecord) -> list[Any]:
    """The ``bmnn.movements`` recall rounds (CustodianDeparture) for this person, as the viewer may see them."""
    if staff.user_id is None:
        return []
    from bmnn.movements.queries import visible_departures

    return list(visible_departures(viewer).filter(custodian_id=staff.user_id))
