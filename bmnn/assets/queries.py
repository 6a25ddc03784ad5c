"""Reads of devices, scoped to the caller's agency, and the compliance alerts of the devices area.

For other apps (inspections checklist, compliance dashboard):
- ``devices_for(user)`` / ``get_device_for_user(user, id)``: the agency's devices (404 outside it).
- ``drafting_computers(agency) -> list[DraftingComputer]``: (device, last_checked_on, last_result).
- ``device_stats(agency, today)``: counts for charts (drafting, sealed, checked in time, failed).
- ``alerts(agency, today) -> list[Alert]``: codes ``assets.drafting_unsealed``,
  ``assets.hostcheck_overdue``, ``assets.hostcheck_failed``, ``assets.usb_not_returned``.
A device inventory is not itself a state secret, so every active user of the agency may list it;
host-check evidence (browser history, USB serials) is shown only to ``may_read_reports``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.urls import reverse

from bmnn.accounts import access
from bmnn.assets import rules
from bmnn.assets.alerting import Alert, hostcheck_max_age_months
from bmnn.assets.models import (
    COMPUTER_KINDS,
    Device,
    DeviceInspection,
    DeviceStatus,
    Purpose,
    SealStatus,
    StorageAllocation,
    StorageDevice,
)

MANAGERS = frozenset({"head", "deputy", "security_officer", "admin"})


def may_manage(user: Any) -> bool:
    """Register devices, seals, checks, wipes, USB allocation (device custody is not secret content)."""
    return access.is_active_user(user) and user.role in MANAGERS


def may_read_reports(user: Any, device: Device | None = None) -> bool:
    if not access.is_active_user(user):
        return False
    holder = device is not None and device.holder_id == user.pk
    return user.role in MANAGERS | {"inspector"} or holder


def devices_for(user: Any) -> QuerySet[Device]:
    if not access.is_active_user(user) or user.agency_id is None:
        return Device.objects.none()
    return Device.objects.filter(agency_id=user.agency_id).select_related("holder", "unit")


def get_device_for_user(user: Any, device_id: int | str) -> Device:
    try:
        return devices_for(user).get(pk=int(device_id))
    except (Device.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def storages_for(user: Any) -> QuerySet[StorageDevice]:
    if not access.is_active_user(user) or user.agency_id is None:
        return StorageDevice.objects.none()
    return StorageDevice.objects.filter(agency_id=user.agency_id)


def get_storage_for_user(user: Any, storage_id: int | str) -> StorageDevice:
    try:
        return storages_for(user).get(pk=int(storage_id))
    except (StorageDevice.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@dataclass(frozen=True)
class DraftingComputer:
    device: Device
    last_checked_on: dt.date | None
    last_result: str | None


def drafting_computers(agency: Any) -> list[DraftingComputer]:
    """Computers in use for drafting secrets, with the date and result of their latest check."""
    latest = DeviceInspection.objects.filter(device=OuterRef("pk")).order_by("-checked_on", "-pk")
    rows = (
        Device.objects.filter(
            agency=agency, purpose=Purpose.DRAFTING, status=DeviceStatus.IN_USE, kind__in=COMPUTER_KINDS
        )
        .annotate(last_checked_on=Max("inspections__checked_on"))
        .annotate(last_result=Subquery(latest.values("result")[:1]))
    )
    return [DraftingComputer(d, d.last_checked_on, d.last_result) for d in rows]  # type: ignore[attr-defined]


def active_seal_ids(agency: Any) -> set[int]:
    return set(
        Device.objects.filter(agency=agency, seals__status=SealStatus.ACTIVE).values_list("pk", flat=True)
    )


def device_stats(agency: Any, today: dt.date) -> dict[str, int]:
    computers = list(drafting_computers(agency))
    sealed = active_seal_ids(agency)
    months = hostcheck_max_age_months()
    return {
        "drafting": len(computers),
        "sealed": sum(1 for d in computers if d.device.pk in sealed),
        "checked_in_time": sum(
            1 for d in computers if not rules.check_is_overdue(d.last_checked_on, today, months)
        ),
        "failed": sum(1 for d in computers if d.last_result == "FAIL"),
        "usb_out": StorageAllocation.objects.filter(storage__agency=agency, returned_on__isnull=True).count(),
    }


def alerts(agency: Any, today: dt.date) -> list[Alert]:
    found: list[Alert] = []
    sealed = active_seal_ids(agency)
    months = hostcheck_max_age_months()
    for row in drafting_computers(agency):
        device = row.device
        url = reverse("assets:device_detail", args=[device.pk])
        if device.pk not in sealed:
            found.append(
                Alert(
                    "assets.drafting_unsealed",
                    "high",
                    f"Máy tính soạn thảo BMNN {device.asset_tag} chưa có tem an toàn còn hiệu lực.",
                    "Quy chế bảo vệ BMNN; khoản 5 Điều 5 Luật 29/2018/QH14",
                    url,
                    device.pk,
                )
            )
        if row.last_result == "FAIL":
            found.append(
                Alert(
                    "assets.hostcheck_failed",
                    "high",
                    f"Máy tính soạn thảo BMNN {device.asset_tag}: lần kiểm tra gần nhất KHÔNG ĐẠT.",
                    "Khoản 5 Điều 5 Luật 29/2018/QH14; Điều 5 Luật 117/2025/QH15",
                    url,
                    device.pk,
                )
            )
        if rules.check_is_overdue(row.last_checked_on, today, months):
            when = row.last_checked_on.strftime("%d/%m/%Y") if row.last_checked_on else "chưa bao giờ"
            found.append(
                Alert(
                    "assets.hostcheck_overdue",
                    "medium",
                    f"Máy tính soạn thảo BMNN {device.asset_tag}: kiểm tra lần cuối {when} "
                    f"(quá {months} tháng theo quy định của cơ quan).",
                    "Chính sách của cơ quan (BMNN_HOSTCHECK_MAX_AGE_MONTHS)",
                    url,
                    device.pk,
                )
            )
    return found + _usb_alerts(agency, today)


def _usb_alerts(agency: Any, today: dt.date) -> list[Alert]:
    late = StorageAllocation.objects.filter(
        storage__agency=agency, returned_on__isnull=True, due_on__lt=today
    ).select_related("storage", "holder")
    return [
        Alert(
            "assets.usb_not_returned",
            "medium",
            f"USB {a.storage.serial} giao cho {a.holder} chưa trả (hạn {a.due_on:%d/%m/%Y}).",
            "Quy chế bảo vệ BMNN của cơ quan (quản lý USB an toàn)",
            reverse("assets:storage_detail", args=[a.storage_id]),
            a.storage_id,
        )
        for a in late
    ]
