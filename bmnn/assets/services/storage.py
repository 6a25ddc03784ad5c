"""Secure USBs (USB an toàn): register, allocate to a person, take back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.assets import rules
from bmnn.assets.models import StorageAllocation, StorageDevice
from bmnn.assets.services.devices import fail
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import Violation
from bmnn.lib.unique import refused_if_taken
from bmnn.lib.vntext import nfc


@transaction.atomic
def register_storage(
    *, actor: Any, agency: Any, serial: str, label: str = "", issued_by: str = "", on: dt.date | None = None
) -> StorageDevice:
    serial_n = rules.normalise_serial(serial)
    problems = []
    if not serial_n:
        problems.append(Violation("serial_missing", "Số sê-ri: bắt buộc.", rules.BASIS_REGISTER))
    elif StorageDevice.objects.filter(serial=serial_n).exists():
        problems.append(
            Violation("serial_duplicate", f"Số sê-ri: “{serial_n}” đã đăng ký.", rules.BASIS_REGISTER)
        )
    fail(problems)
    storage = StorageDevice(
        agency=agency,
        serial=serial_n,
        label=nfc(label).strip(),
        issued_by=nfc(issued_by).strip(),
        registered_on=on or clock.today(),
    )
    storage.full_clean()
    taken = Violation(
        "serial_duplicate", f"Số sê-ri: “{serial_n}” vừa được đăng ký (cùng lúc).", rules.BASIS_REGISTER
    )
    with refused_if_taken(taken):
        storage.save()
    record(event="assets.storage_registered", actor=actor, subject=storage, payload={"serial": serial_n})
    return storage


@transaction.atomic
def allocate_storage(
    *, actor: Any, storage: StorageDevice, holder: Any, on: dt.date, due_on: dt.date | None = None
) -> StorageAllocation:
    problems = []
    if storage.allocations.filter(returned_on__isnull=True).exists():
        problems.append(
            Violation(
                "storage_out", "Thiết bị lưu trữ: đang giao cho người khác, chưa trả.", rules.BASIS_REGISTER
            )
        )
    if due_on is not None and due_on < on:
        problems.append(
            Violation("due_before_start", "Hạn trả: không được trước ngày giao.", rules.BASIS_REGISTER)
        )
    fail(problems)
    allocation = StorageAllocation(storage=storage, holder=holder, allocated_on=on, due_on=due_on)
    allocation.full_clean()
    allocation.save()
    record(
        event="assets.storage_allocated",
        actor=actor,
        subject=storage,
        payload={
            "holder_id": holder.pk,
            "on": on.isoformat(),
            "due_on": due_on.isoformat() if due_on else None,
        },
    )
    return allocation


@transaction.atomic
def return_storage(*, actor: Any, storage: StorageDevice, on: dt.date) -> StorageAllocation:
    allocation = storage.allocations.filter(returned_on__isnull=True).first()
    if allocation is None:
        fail(
            [
                Violation(
                    "storage_not_out",
                    "Thiết bị lưu trữ: không có lần giao nào đang mở.",
                    rules.BASIS_REGISTER,
                )
            ]
        )
        raise AssertionError  # unreachable: fail() raised
    if on < allocation.allocated_on:
        fail(
            [Violation("return_before_start", "Ngày trả: không được trước ngày giao.", rules.BASIS_REGISTER)]
        )
    allocation.returned_on = on
    allocation.save(update_fields=["returned_on"])
    record(
        event="assets.storage_returned",
        actor=actor,
        subject=storage,
        payload={"holder_id": allocation.holder_id, "on": on.isoformat()},
    )
    return allocation
