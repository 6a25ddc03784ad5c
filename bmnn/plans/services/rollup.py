"""Roll-up acts: register a subordinate's key, export this agency's signed package, import one.

Each is one transaction with one ledger entry; a refused import changes nothing and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.org.models import Agency
from bmnn.plans.models import ReceivedPackage, Report, ReportStatus, Subordinate
from bmnn.plans.rollup import keys, package
from bmnn.plans.rollup.consolidate import add_up, effective_statistics, strip_secret_text
from bmnn.plans.rollup.rules import ImportCheck, check_import, read_meta

ROLLUP_BASIS = ""  # the signing and key registration are bmnn's procedure, not a legal article


def _refuse(error: package.PackageError) -> RuleViolation:
    return RuleViolation([Violation(error.code, error.message_vi, ROLLUP_BASIS)])


@transaction.atomic
def register_subordinate(*, actor: Any, agency: Agency, public_key_text: str, name: str = "") -> Subordinate:
    """Register once the key a subordinate sent (after comparing its fingerprint by phone or on paper)."""
    try:
        info = keys.parse_public_key(public_key_text)
    except package.PackageError as error:
        raise _refuse(error) from error
    label = (name or info.name).strip()
    problems = []
    if not label:
        problems.append(Violation("no_name", "Cần ghi tên cơ quan, đơn vị cấp dưới.", ROLLUP_BASIS))
    existing = Subordinate.objects.filter(agency=agency, fingerprint=info.fingerprint).first()
    if existing is not None:
        problems.append(
            Violation("key_registered", f"Khóa này đã được đăng ký cho “{existing.name}”.", ROLLUP_BASIS)
        )
    if info.fingerprint == keys.public_key_info(agency.pk, agency.name).fingerprint:
        problems.append(Violation("own_key", "Đây là khóa của chính cơ quan mình.", ROLLUP_BASIS))
    if problems:
        raise RuleViolation(problems)
    subordinate = Subordinate.objects.create(
        agency=agency,
        name=label[:300],
        public_key=info.line().split()[1],
        fingerprint=info.fingerprint,
        registered_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        event="plans.subordinate_registered",
        actor=actor,
        subject=subordinate,
        payload={"fingerprint": info.fingerprint, "name": subordinate.name},
    )
    return subordinate


@transaction.atomic
def deactivate_subordinate(*, actor: Any, subordinate: Subordinate, reason: str) -> Subordinate:
    """Stop accepting a key (lost USB stick, new key, unit merged). Never deleted: packages already
    received stay verifiable against it. A new key is registered as a new entry."""
    if not subordinate.is_active:
        raise RuleViolation([Violation("inactive", "Khóa này đã ngừng từ trước.", ROLLUP_BASIS)])
    if not reason.strip():
        raise RuleViolation([Violation("no_reason", "Lý do ngừng khóa: cần ghi lý do.", ROLLUP_BASIS)])
    subordinate.is_active = False
    subordinate.save(update_fields=["is_active"])
    record(
        event="plans.subordinate_deactivated",
        actor=actor,
        subject=subordinate,
        payload={"fingerprint": subordinate.fingerprint, "reason": reason.strip()[:300]},
    )
    return subordinate


def package_payload(report: Report, *, now: dt.datetime) -> dict[str, Any]:
    """What leaves on the USB stick: header, the narrative (a)–(d), counts. Titles and summaries of
    secret items are removed unless ``BMNN_ROLLUP_INCLUDE_SECRET_TEXT`` is set (default: off)."""
    allow = bool(getattr(settings, "BMNN_ROLLUP_INCLUDE_SECRET_TEXT", False))

    def clean(value: Any) -> Any:
        return value if allow else strip_secret_text(value)

    payload: dict[str, Any] = {
        "kind": "periodic_report",
        "agency": report.agency.name,
        "agency_level": report.agency.level,
        "exported_at": now.isoformat(timespec="seconds"),
        "secret_text_included": allow,
        "report": {
            "title": report.title,
            "period_start": report.period_start.isoformat(),
            "period_end": report.period_end.isoformat(),
            "deadline": report.deadline.isoformat() if report.deadline else None,
            "recipient": report.recipient,
            "parts": {name: getattr(report, name) for name in ("part_a", "part_b", "part_c", "part_d")},
        },
        "statistics": clean(report.statistics),
    }
    received = list(report.received.select_related("subordinate"))
    if received:
        stats = [report.statistics] + [effective_statistics(p.payload) for p in received]
        payload["consolidated"] = {
            "subordinates": [
                {"name": p.subordinate.name, "fingerprint": p.subordinate.fingerprint, "digest": p.digest}
                for p in received
            ],
            "totals": clean(add_up(stats)),
        }
    return payload


@transaction.atomic
def export_package(*, actor: Any, report: Report) -> bytes:
    """Sign the finished report (with what was consolidated into it) with this agency's key."""
    if report.status != ReportStatus.FINAL:
        raise ValidationError("Chỉ xuất gói cho báo cáo đã hoàn thành (đủ bốn phần a–d).")
    signer = keys.signing_key(report.agency_id)
    data = package.sign_package(package_payload(report, now=clock.now().astimezone(clock.VN_TZ)), signer)
    opened = package.open_package(data)
    record(
        event="plans.package_exported",
        actor=actor,
        subject=report,
        payload={
            "digest": opened.digest,
            "fingerprint": opened.signer,
            "period": [report.period_start, report.period_end],
        },
    )
    return data


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(clock.VN_TZ).date()


@dataclass
class _Known:
    """What the checks compare against, read once per import (1,000 files → a handful of queries)."""

    keys: dict[str, Subordinate]  # fingerprint → active subordinate
    digests: dict[str, dt.date]  # digest → day imported (any report of the agency)
    reported: dict[int, dt.date]  # subordinate → day its package for this report was imported

    @classmethod
    def of(cls, report: Report) -> _Known:
        subs = Subordinate.objects.filter(agency_id=report.agency_id, is_active=True)
        received = ReceivedPackage.objects.filter(report__agency_id=report.agency_id)
        rows = received.values_list("digest", "imported_at", "report_id", "subordinate_id")
        return cls(
            keys={s.fingerprint: s for s in subs},
            digests={digest: _local_day(at) for digest, at, _, _ in rows},
            reported={sub: _local_day(at) for _, at, rep, sub in rows if rep == report.pk},
        )


def _verified(known: _Known, data: bytes) -> tuple[package.OpenedPackage, Subordinate]:
    opened = package.open_package(data)
    subordinate = known.keys.get(opened.signer)
    if subordinate is None:
        raise package.PackageError(
            "unknown_key",
            "Gói được ký bằng khóa chưa đăng ký (dấu vân tay "
            f"{package.display_fingerprint(opened.signer)}). Hãy đăng ký khóa công khai của đơn vị gửi "
            "sau khi đối chiếu dấu vân tay, rồi nhập lại.",
        )
    package.verify(opened, keys.parse_public_key(f"{keys.KEY_PREFIX} {subordinate.public_key}").raw)
    return opened, subordinate


def import_package(*, actor: Any, report: Report, data: bytes) -> ReceivedPackage:
    """Verify signature, known key, period and duplicates; then keep the package with the report."""
    return _import_guarded(actor, report, data, _Known.of(report))


def _import_guarded(actor: Any, report: Report, data: bytes, known: _Known) -> ReceivedPackage:
    """The unique constraints catch what the checks cannot see: the same package imported at the same
    moment by someone else (the savepoint of ``_import_one`` has already been rolled back)."""
    try:
        return _import_one(actor, report, data, known)
    except IntegrityError as exc:
        message = "Gói này (hoặc báo cáo kỳ này của đơn vị gửi) vừa được người khác nhập; không nhập lần nữa."
        raise RuleViolation([Violation("duplicate", message, ROLLUP_BASIS)]) from exc


@transaction.atomic
def _import_one(actor: Any, report: Report, data: bytes, known: _Known) -> ReceivedPackage:
    try:
        opened, subordinate = _verified(known, data)
    except package.PackageError as error:
        raise _refuse(error) from error
    meta, problems = read_meta(opened.payload)
    if meta is None:
        raise RuleViolation(problems)
    problems = check_import(
        ImportCheck(
            meta=meta,
            report_start=report.period_start,
            report_end=report.period_end,
            subordinate_name=subordinate.name,
            same_digest_imported_on=known.digests.get(opened.digest),
            subordinate_reported_on=known.reported.get(subordinate.pk),
        )
    )
    if problems:
        raise RuleViolation(problems)
    received = ReceivedPackage.objects.create(
        report=report,
        subordinate=subordinate,
        digest=opened.digest,
        sender_name=meta.sender_name[:300],
        title=meta.title[:500],
        period_start=meta.period_start,
        period_end=meta.period_end,
        exported_at=meta.exported_at,
        payload=opened.payload,
        signature=package.base64.b64encode(opened.signature).decode("ascii"),
        imported_by=actor if getattr(actor, "pk", None) else None,
        imported_at=clock.now(),
    )
    record(
        event="plans.package_imported",
        actor=actor,
        subject=received,
        payload={"digest": opened.digest, "subordinate": subordinate.name, "report": report.pk},
    )
    known.digests[opened.digest] = known.reported[subordinate.pk] = _local_day(received.imported_at)
    return received


@dataclass(frozen=True)
class ImportResult:
    name: str
    received: ReceivedPackage | None
    violations: list[Violation]


def import_packages(*, actor: Any, report: Report, files: list[tuple[str, bytes]]) -> list[ImportResult]:
    """Several files from one USB stick, each accepted or refused on its own.

    One outer transaction, one savepoint per package (``import_package`` is atomic): a refused package
    leaves nothing behind, and the batch pays for one commit instead of one per file."""
    results = []
    with transaction.atomic():
        known = _Known.of(report)
        for name, data in files:
            try:
                received = _import_guarded(actor, report, data, known)
            except RuleViolation as exc:
                results.append(ImportResult(name, None, exc.violations))
            else:
                results.append(ImportResult(name, received, []))
    return results
