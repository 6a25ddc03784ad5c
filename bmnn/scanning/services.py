"""The one state change of a scan: its ledger entry. File contents are never stored; the entry keeps
names, sizes, SHA-256 digests, verdicts and counts — no snippet, no matched text."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.scanner import FileResult, ScanOptions, ScanReport, scan_bytes
from bmnn.scanner.model import LEVEL_RANK
from bmnn.scanning.uploads import Received

EVENT = "scanning.scan_performed"


@dataclass(frozen=True)
class ScanOutcome:
    report: ScanReport
    digests: tuple[str, ...]  # SHA-256 of each file, in report order


def scan_files(*, actor: Any, files: Sequence[Received], options: ScanOptions, via: str) -> ScanOutcome:
    """Scan the received files (read-only, nothing executed) and write one ledger entry."""
    report = ScanReport()
    digests = []
    for received in files:
        data = received.path.read_bytes()
        digests.append(hashlib.sha256(data).hexdigest())
        result = scan_bytes(received.name, data, options)
        result.path = received.name
        report.files.append(result)
        del data
    outcome = ScanOutcome(report, tuple(digests))
    record_scan(actor=actor, outcome=outcome, via=via)
    return outcome


@transaction.atomic
def record_scan(*, actor: Any, outcome: ScanOutcome, via: str) -> None:
    files = outcome.report.files
    payload = {
        "via": via,
        "files": [_file_entry(r, d) for r, d in zip(files, outcome.digests, strict=True)],
        "counts": outcome.report.summary()["by_verdict"],
        # Payload convention: "level" is the secrecy level of the subject — here the highest level
        # found, so readers below it see the entry without its payload.
        "level": _highest_level(files),
    }
    if payload["level"] is None:
        del payload["level"]
    record(event=EVENT, actor=actor, payload=payload, subject_repr=f"Rà soát {len(files)} tệp")


def _file_entry(result: FileResult, digest: str) -> dict[str, Any]:
    return {
        "name": result.path[:255],
        "size": result.size,
        "sha256": digest,
        "verdict": str(result.verdict),
        "level": str(result.level) if result.level else None,
        "findings": len(result.findings),
        "problems": len(result.problems),
    }


def _highest_level(files: Sequence[FileResult]) -> str | None:
    levels = [r.level for r in files if r.level]
    return str(max(levels, key=LEVEL_RANK.__getitem__)) if levels else None
