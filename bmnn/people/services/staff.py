"""Staff records, key-post reviews, designations, commitments, declarations."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.people import rules
from bmnn.people.conf import commitment_scan_max_bytes
from bmnn.people.models import (
    Commitment,
    Declaration,
    DeclarationStatus,
    Designation,
    StaffRecord,
)


def _fail(problems: list[Violation]) -> None:
    if problems:
        raise RuleViolation(problems)


def _t(value: str) -> str:
    return nfc(value).strip()


@transaction.atomic
def create_staff(
    *,
    actor: Any,
    agency: Any,
    full_name: str,
    user: Any = None,
    unit: Any = None,
    position: Any = None,
    is_key_post: bool = False,
    key_post_reviewed_on: dt.date | None = None,
    key_post_review_due: dt.date | None = None,
) -> StaffRecord:
    problems = []
    if not full_name.strip():
        problems.append(Violation("name_missing", "Họ và tên: bắt buộc.", "Hồ sơ cán bộ"))
    if user is not None and StaffRecord.objects.filter(user=user).exists():
        problems.append(
            Violation("user_taken", f"Tài khoản: “{user}” đã gắn với hồ sơ khác.", "Hồ sơ cán bộ")
        )
    if user is not None and user.agency_id != agency.pk:
        problems.append(Violation("user_other_agency", "Tài khoản: thuộc cơ quan khác.", "Hồ sơ cán bộ"))
    _fail(problems)
    staff = StaffRecord(
        agency=agency,
        user=user,
        full_name=_t(full_name),
        unit=unit,
        position=position,
        is_key_post=is_key_post,
        key_post_reviewed_on=key_post_reviewed_on,
        key_post_review_due=key_post_review_due,
    )
    staff.full_clean()
    staff.save()
    record(event="people.staff_created", actor=actor, subject=staff, payload={"key_post": is_key_post})
    return staff


@transaction.atomic
def review_key_post(
    *,
    actor: Any,
    staff: StaffRecord,
    is_key_post: bool,
    reviewed_on: dt.date | None,
    next_due: dt.date | None,
) -> StaffRecord:
    """Record the political-standard review of a key post (vị trí trọng yếu, cơ mật) and its next date."""
    if is_key_post and next_due is None:
        _fail(
            [
                Violation(
                    "due_missing", "Hạn thẩm tra lại: bắt buộc với vị trí trọng yếu.", rules.BASIS_KEY_POST
                )
            ]
        )
    staff.is_key_post, staff.key_post_reviewed_on, staff.key_post_review_due = (
        is_key_post,
        reviewed_on,
        next_due,
    )
    staff.save(update_fields=["is_key_post", "key_post_reviewed_on", "key_post_review_due"])
    record(
        event="people.key_post_reviewed",
        actor=actor,
        subject=staff,
        payload={
            "key_post": is_key_post,
            "reviewed_on": reviewed_on.isoformat() if reviewed_on else None,
            "next_due": next_due.isoformat() if next_due else None,
        },
    )
    return staff


@transaction.atomic
def designate(
    *, actor: Any, staff: StaffRecord, number: str, signed_on: dt.date, mode: str, scope: str
) -> Designation:
    _fail(
        rules.check_designation(
            number=number, scope=scope, mode=mode, signed_on=signed_on, today=clock.today()
        )
    )
    designation = Designation(staff=staff, number=_t(number), signed_on=signed_on, mode=mode, scope=_t(scope))
    designation.full_clean()
    designation.save()
    record(
        event="people.staff_designated",
        actor=actor,
        subject=staff,
        payload={"number": designation.number, "mode": mode, "signed_on": signed_on.isoformat()},
    )
    return designation


def _new_commitment(
    *, actor: Any, staff: StaffRecord, signed_on: dt.date, reason: str, scope: str, scan: UploadedFile | None
) -> Commitment:
    scan_info = rules.ScanFile(scan.name or "", scan.size or 0) if scan is not None else None
    _fail(
        rules.check_commitment(
            signed_on=signed_on,
            scope=scope,
            scan=scan_info,
            max_bytes=commitment_scan_max_bytes(),
            today=clock.today(),
        )
    )
    commitment = Commitment(
        staff=staff, signed_on=signed_on, reason=reason, scope=_t(scope), recorded_by=actor
    )
    if scan is not None:
        digest = hashlib.sha256()
        for chunk in scan.chunks():
            digest.update(chunk)
        scan.seek(0)
        commitment.scan_sha256 = digest.hexdigest()
        commitment.scan.save(
            f"cam-ket-{staff.pk}-{signed_on:%Y%m%d}.{(scan.name or 'scan.pdf').rsplit('.', 1)[-1].lower()}",
            scan,
            save=False,
        )
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def record_commitment(
    *,
    actor: Any,
    staff: StaffRecord,
    signed_on: dt.date,
    reason: str,
    scope: str,
    scan: UploadedFile | None = None,
) -> Commitment:
    """The scan is stored in the data folder (MEDIA_ROOT), size-limited, with its SHA-256."""
    commitment = _new_commitment(
        actor=actor, staff=staff, signed_on=signed_on, reason=reason, scope=scope, scan=scan
    )
    record(
        event="people.commitment_recorded",
        actor=actor,
        subject=staff,
        payload={"signed_on": signed_on.isoformat(), "reason": reason, "scan_sha256": commitment.scan_sha256},
    )
    return commitment


@transaction.atomic
def declare(
    *,
    actor: Any,
    staff: StaffRecord,
    kind: str,
    starts_on: dt.date,
    counterpart: str,
    purpose: str,
    ends_on: dt.date | None = None,
) -> Declaration:
    problems = []
    if ends_on is not None and ends_on < starts_on:
        problems.append(
            Violation("end_before_start", "Đến ngày: không được trước từ ngày.", "Quy chế bảo vệ BMNN")
        )
    if not purpose.strip():
        problems.append(Violation("purpose_missing", "Mục đích, nội dung: bắt buộc.", "Quy chế bảo vệ BMNN"))
    _fail(problems)
    declaration = Declaration(
        staff=staff,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        counterpart=_t(counterpart),
        purpose=_t(purpose),
    )
    declaration.full_clean()
    declaration.save()
    record(event="people.declaration_filed", actor=actor, subject=declaration, payload={"kind": kind})
    return declaration


@transaction.atomic
def decide_declaration(
    *, actor: Any, declaration: Declaration, approve: bool, on: dt.date, note: str = ""
) -> Declaration:
    _fail(rules.check_decision(status=declaration.status, approve=approve, note=note))
    declaration.status = DeclarationStatus.APPROVED if approve else DeclarationStatus.REFUSED
    declaration.decided_by, declaration.decided_on, declaration.decision_note = actor, on, _t(note)
    declaration.save(update_fields=["status", "decided_by", "decided_on", "decision_note"])
    record(
        event="people.declaration_decided", actor=actor, subject=declaration, payload={"approved": approve}
    )
    return declaration
