"""Devices: registration, seals, checks (by hand or from a host-check report), wipes, retirement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from bmnn.assets import hostreport, rules
from bmnn.assets.models import (
    COMPUTER_KINDS,
    Device,
    DeviceIdentifier,
    DeviceInspection,
    DeviceStatus,
    IdentifierKind,
    Seal,
    SealStatus,
    WipeRecord,
)
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.unique import refused_if_taken
from bmnn.lib.vntext import nfc


def fail(problems: list[Violation]) -> None:
    if problems:
        raise RuleViolation(problems)


def _taken(kind: str) -> frozenset[str]:
    return frozenset(DeviceIdentifier.objects.filter(kind=kind).values_list("value", flat=True))


def _check_registration(
    agency: Any,
    kind: str,
    asset_tag: str,
    purpose: str,
    network_status: str,
    macs: list[str],
    serials: list[str],
    on: dt.date,
) -> None:
    tags = Device.objects.filter(agency=agency).values_list("asset_tag", flat=True)
    data = rules.DeviceInput(
        kind=kind,
        asset_tag=asset_tag,
        purpose=purpose,
        network_status=network_status,
        macs=tuple(macs),
        serials=tuple(serials),
        on=on,
        taken_tags=frozenset(t.upper() for t in tags),
        taken_macs=_taken(IdentifierKind.MAC),
        taken_serials=_taken(IdentifierKind.SERIAL),
        is_computer=kind in COMPUTER_KINDS,
    )
    fail(rules.check_register_device(data))


def _save_identifiers(device: Device, macs: list[str], serials: list[str]) -> tuple[list[str], list[str]]:
    normalised_macs = sorted({m for m in (rules.normalise_mac(x) for x in macs) if m})
    normalised_serials = sorted({rules.normalise_serial(s) for s in serials})
    DeviceIdentifier.objects.bulk_create(
        [DeviceIdentifier(device=device, kind=IdentifierKind.MAC, value=m) for m in normalised_macs]
        + [DeviceIdentifier(device=device, kind=IdentifierKind.SERIAL, value=s) for s in normalised_serials]
    )
    return normalised_macs, normalised_serials


@transaction.atomic
def register_device(
    *,
    actor: Any,
    agency: Any,
    kind: str,
    asset_tag: str,
    purpose: str,
    network_status: str,
    macs: Sequence[str] = (),
    serials: Sequence[str] = (),
    hostname: str = "",
    model_name: str = "",
    location: str = "",
    unit: Any = None,
    holder: Any = None,
    notes: str = "",
    on: dt.date | None = None,
) -> Device:
    """Asset tag unique in the agency; every MAC and serial unique in the installation (normalised)."""
    on = on or clock.today()
    macs_in = [m for m in (x.strip() for x in macs) if m]
    serials_in = [s for s in (x.strip() for x in serials) if s]
    _check_registration(agency, kind, asset_tag, purpose, network_status, macs_in, serials_in, on)
    device = Device(
        agency=agency,
        kind=kind,
        asset_tag=nfc(asset_tag).strip(),
        hostname=nfc(hostname).strip(),
        model_name=nfc(model_name).strip(),
        location=nfc(location).strip(),
        unit=unit,
        holder=holder,
        purpose=purpose,
        network_status=network_status,
        notes=nfc(notes).strip(),
        registered_on=on,
    )
    device.full_clean()
    taken = Violation("identifier_taken", "Thẻ tài sản, địa chỉ MAC hoặc số sê-ri: vừa được đăng ký cho thiết bị "
                      "khác (cùng lúc); kiểm tra lại.", rules.BASIS_REGISTER)  # fmt: skip
    with refused_if_taken(taken):
        device.save()
        saved_macs, saved_serials = _save_identifiers(device, macs_in, serials_in)
    record(
        event="assets.device_registered",
        actor=actor,
        subject=device,
        payload={
            "kind": kind,
            "purpose": purpose,
            "network_status": network_status,
            "macs": saved_macs,
            "serials": saved_serials,
        },
    )
    return device


@transaction.atomic
def seal_device(*, actor: Any, device: Device, number: str, sealed_on: dt.date, sealed_by: str) -> Seal:
    """Put a new seal on; an active seal on the device is marked replaced in the same act."""
    used = frozenset(n.upper() for n in Seal.objects.values_list("number", flat=True))
    fail(
        rules.check_seal(number=number, used_numbers=used, device_in_use=device.status == DeviceStatus.IN_USE)
    )
    replaced = list(device.seals.filter(status=SealStatus.ACTIVE).values_list("number", flat=True))
    device.seals.filter(status=SealStatus.ACTIVE).update(
        status=SealStatus.REPLACED, ended_on=sealed_on, end_reason=f"Thay bằng tem {number.strip()}"
    )
    seal = Seal(device=device, number=number.strip(), sealed_on=sealed_on, sealed_by=nfc(sealed_by).strip())
    seal.full_clean(validate_unique=False)  # the rule above checked it; the database decides a race
    taken = Violation("seal_used", f"Số tem: “{seal.number}” vừa được dùng (cùng lúc); mỗi tem chỉ dùng một lần.",
                      rules.BASIS_SEAL)  # fmt: skip
    with refused_if_taken(taken):
        seal.save()
    record(
        event="assets.device_sealed",
        actor=actor,
        subject=device,
        payload={"seal": seal.number, "sealed_on": sealed_on.isoformat(), "replaced": replaced},
    )
    return seal


@transaction.atomic
def report_seal_broken(*, actor: Any, seal: Seal, on: dt.date, reason: str) -> Seal:
    problems = []
    if seal.status != SealStatus.ACTIVE:
        problems.append(Violation("seal_not_active", "Tem: tem này không còn hiệu lực.", rules.BASIS_SEAL))
    if not reason.strip():
        problems.append(
            Violation("reason_missing", "Lý do: bắt buộc khi ghi nhận tem bị rách, bóc.", rules.BASIS_SEAL)
        )
    fail(problems)
    seal.status, seal.ended_on, seal.end_reason = SealStatus.BROKEN, on, nfc(reason).strip()
    seal.save(update_fields=["status", "ended_on", "end_reason"])
    record(
        event="assets.seal_broken",
        actor=actor,
        subject=seal.device,
        payload={"seal": seal.number, "on": on.isoformat(), "reason": seal.end_reason},
    )
    return seal


@transaction.atomic
def record_inspection(
    *, actor: Any, device: Device, checked_on: dt.date, result: str, inspector: str = "", notes: str = ""
) -> DeviceInspection:
    """A check done by hand (e.g. by the police unit before sealing)."""
    fail(rules.check_not_future(checked_on, clock.today()))
    inspection = DeviceInspection(
        device=device,
        checked_on=checked_on,
        result=result,
        inspector=nfc(inspector).strip(),
        notes=nfc(notes).strip(),
        recorded_by=actor,
    )
    inspection.full_clean()
    inspection.save()
    record(
        event="assets.device_inspected",
        actor=actor,
        subject=device,
        payload={"result": result, "checked_on": checked_on.isoformat(), "hostcheck": False},
    )
    return inspection


def _device_identity(device: Device) -> rules.DeviceIdentity:
    ids = list(device.identifiers.values_list("kind", "value"))
    return rules.DeviceIdentity(
        hostname=device.hostname,
        macs=frozenset(v for k, v in ids if k == IdentifierKind.MAC),
        serials=frozenset(v for k, v in ids if k == IdentifierKind.SERIAL),
    )


@transaction.atomic
def upload_hostcheck(*, actor: Any, device: Device, raw: bytes, inspector: str = "") -> DeviceInspection:
    """Accept a host-check JSON only if it is valid, untampered, not future-dated and from this device."""
    parsed, problems = hostreport.parse_report(raw)
    if parsed is None:
        raise RuleViolation(problems)
    checked_on = _report_date(parsed.checked_on_iso)
    fail(
        rules.check_report_matches(parsed.identity, _device_identity(device))
        + rules.check_not_future(checked_on, clock.today())
    )
    inspection = DeviceInspection(
        device=device,
        checked_on=checked_on,
        result=parsed.overall,
        inspector=nfc(inspector).strip() or "bmnn hostcheck",
        from_hostcheck=True,
        report=parsed.data,
        report_sha256=parsed.data["report_sha256"],
        verdicts=parsed.verdicts,
        recorded_by=actor,
    )
    inspection.full_clean()
    inspection.save()
    record(
        event="assets.hostcheck_uploaded",
        actor=actor,
        subject=device,
        payload={
            "result": parsed.overall,
            "checked_on": checked_on.isoformat(),
            "report_sha256": inspection.report_sha256,
            "failed": [v["code"] for v in parsed.verdicts if v["status"] == "FAIL"],
        },
    )
    return inspection


def _report_date(iso: str | None) -> dt.date:
    """The check's date in Vietnam; a report without any time is dated the day of upload."""
    if not iso:
        return clock.today()
    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return clock.today()
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(clock.VN_TZ).date()


@transaction.atomic
def record_wipe(
    *,
    actor: Any,
    device: Device,
    wiped_on: dt.date,
    method: str,
    performed_by: str,
    witness: str = "",
    reference: str = "",
) -> WipeRecord:
    problems = []
    if not method.strip():
        problems.append(Violation("method_missing", "Phương pháp xóa: bắt buộc.", rules.BASIS_WIPE))
    if not performed_by.strip():
        problems.append(Violation("performer_missing", "Người thực hiện: bắt buộc.", rules.BASIS_WIPE))
    fail(problems + rules.check_not_future(wiped_on, clock.today()))
    wipe = WipeRecord(
        device=device,
        wiped_on=wiped_on,
        method=nfc(method).strip(),
        performed_by=nfc(performed_by).strip(),
        witness=nfc(witness).strip(),
        reference=nfc(reference).strip(),
    )
    wipe.full_clean()
    wipe.save()
    record(
        event="assets.device_wiped", actor=actor, subject=device, payload={"wiped_on": wiped_on.isoformat()}
    )
    return wipe


@transaction.atomic
def retire_device(*, actor: Any, device: Device, new_status: str, on: dt.date, reason: str = "") -> Device:
    """Repurpose or dispose: refused for a drafting device without an unused wipe record."""
    if new_status not in (DeviceStatus.REPURPOSED, DeviceStatus.DISPOSED):
        fail([Violation("status_invalid", "Trạng thái mới không hợp lệ.", rules.BASIS_WIPE)])
    wipe = device.wipes.filter(consumed=False, wiped_on__lte=on).first()
    fail(
        rules.check_retire(
            purpose=device.purpose,
            has_unused_wipe=wipe is not None,
            device_in_use=device.status == DeviceStatus.IN_USE,
        )
    )
    if wipe is not None:
        wipe.consumed = True
        wipe.save(update_fields=["consumed"])
    device.seals.filter(status=SealStatus.ACTIVE).update(
        status=SealStatus.REMOVED, ended_on=on, end_reason="Thiết bị thanh lý/chuyển mục đích"
    )
    device.status = new_status
    device.save(update_fields=["status"])
    record(
        event="assets.device_retired",
        actor=actor,
        subject=device,
        payload={
            "status": new_status,
            "on": on.isoformat(),
            "wipe_id": wipe.pk if wipe else None,
            "reason": nfc(reason),
        },
    )
    return device


@transaction.atomic
def update_device(
    *,
    actor: Any,
    device: Device,
    network_status: str,
    location: str = "",
    unit: Any = None,
    holder: Any = None,
    hostname: str = "",
    notes: str = "",
    add_macs: Sequence[str] = (),
    add_serials: Sequence[str] = (),
) -> Device:
    """Move, hand to another holder, re-declare the network or add an interface; identifiers are only
    ever added (a MAC once registered stays, so an old report can still be traced to the machine)."""
    macs_in = [m for m in (x.strip() for x in add_macs) if m]
    serials_in = [s for s in (x.strip() for x in add_serials) if s]
    data = rules.DeviceInput(
        kind=device.kind,
        asset_tag=device.asset_tag,
        purpose=device.purpose,
        network_status=network_status,
        macs=tuple(macs_in),
        serials=tuple(serials_in),
        on=clock.today(),
        taken_macs=_taken(IdentifierKind.MAC),
        taken_serials=_taken(IdentifierKind.SERIAL),
        is_computer=False,  # identity already checked at registration
    )
    problems = rules.check_register_device(data)
    if device.status != DeviceStatus.IN_USE:
        problems.append(
            Violation("device_retired", "Thiết bị đã thanh lý/chuyển mục đích.", rules.BASIS_REGISTER)
        )
    fail(problems)
    before = {
        "network_status": device.network_status,
        "holder_id": device.holder_id,
        "location": device.location,
    }
    device.network_status, device.holder, device.unit = network_status, holder, unit
    device.location, device.hostname, device.notes = (
        nfc(location).strip(),
        nfc(hostname).strip(),
        nfc(notes).strip(),
    )
    device.full_clean()
    device.save()
    added_macs, added_serials = _save_identifiers(device, macs_in, serials_in)
    record(
        event="assets.device_updated",
        actor=actor,
        subject=device,
        payload={
            "before": before,
            "network_status": network_status,
            "holder_id": device.holder_id,
            "added_macs": added_macs,
            "added_serials": added_serials,
        },
    )
    return device
