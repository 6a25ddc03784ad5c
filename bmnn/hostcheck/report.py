"""The JSON report (schema in SCHEMA.md / report.schema.json) and its SHA-256.

Deterministic by construction: evidence and sources are sorted in ``facts``, keys are sorted here,
and the only clock value is the injected ``now``. ``report_sha256`` is the SHA-256 of the canonical
JSON (sorted keys, no spaces, UTF-8) of the report *without* that key.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from . import __version__, timeutil
from .model import CheckVerdict, Evidence, HostFacts
from .policy import Policy, policy_hash, policy_to_dict
from .rules import overall

SCHEMA_ID = "bmnn.hostcheck.report/1"
MACHINE_KEYS = (
    "hostname",
    "os",
    "machine_id",
    "hardware",
    "macs",
    "network_cards",
    "install_utc",
    "log_first_utc",
)


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _evidence(index: int, item: Evidence, zone: timeutil.tzinfo) -> dict[str, Any]:
    return {
        "id": index,
        "kind": item.kind.value,
        "source": item.source,
        "raw": item.raw,
        "summary_vi": item.summary_vi,
        "time_utc": timeutil.iso_utc(item.time_utc),
        "time_local": timeutil.iso_local(item.time_utc, zone),
        "attrs": dict(item.attrs),
    }


def _timeline(facts: HostFacts, zone: timeutil.tzinfo) -> list[dict[str, Any]]:
    rows = []
    for index, item in enumerate(facts.evidence):
        first = item.attr("first_utc")
        if first and first != timeutil.iso_utc(item.time_utc):
            when = datetime.fromisoformat(first)
            rows.append((first, index, "first_seen", timeutil.iso_local(when, zone), item))
        if item.time_utc:
            rows.append(
                (
                    timeutil.iso_utc(item.time_utc) or "",
                    index,
                    "seen",
                    timeutil.iso_local(item.time_utc, zone),
                    item,
                )
            )
    return [
        {
            "time_utc": t,
            "time_local": local,
            "evidence_id": i,
            "event": event,
            "kind": item.kind.value,
            "summary_vi": item.summary_vi,
        }
        for t, i, event, local, item in sorted(rows, key=lambda r: r[:3])
    ]


def _verdict(verdict: CheckVerdict) -> dict[str, Any]:
    return {
        "code": verdict.code,
        "title_vi": verdict.title_vi,
        "status": verdict.status.value,
        "message_vi": verdict.message_vi,
        "basis": verdict.basis,
        "evidence_ids": list(verdict.evidence_ids),
    }


def _time(facts: HostFacts, now: datetime | None) -> dict[str, Any]:
    reference = now or facts.reference_time
    return {
        "check_time_utc": timeutil.iso_utc(now),
        "reference_time_utc": timeutil.iso_utc(reference),
        "reference_basis": "injected_now" if now else ("latest_evidence" if reference else "none"),
        "host_timezone": facts.timezone or "UTC (không xác định)",
    }


def build_report(
    facts: HostFacts, policy: Policy, verdicts: list[CheckVerdict], *, target: str, now: datetime | None
) -> dict[str, Any]:
    zone = timeutil.get_zone(facts.timezone)
    identity = dict(facts.identity)
    report: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "tool": {"name": "bmnn-hostcheck", "version": __version__},
        "target": {
            "platform": facts.platform,
            "mode": facts.mode,
            "path": target,
            "current_state_observable": facts.current_state_observable,
        },
        "policy": {
            "sha256": policy_hash(policy),
            "regime": policy.regime,
            "settings": policy_to_dict(policy),
        },
        "time": _time(facts, now),
        "machine": {key: identity.get(key) for key in MACHINE_KEYS},
        "overall": overall(verdicts).value,
        "verdicts": [_verdict(v) for v in verdicts],
        "evidence": [_evidence(i, e, zone) for i, e in enumerate(facts.evidence)],
        "timeline": _timeline(facts, zone),
        "sources": [
            {"path": s.path, "state": s.state.value, "category": s.category, "detail": s.detail}
            for s in facts.sources
        ],
    }
    report["report_sha256"] = hashlib.sha256(canonical(report)).hexdigest()
    return report


def verify_report(report: dict[str, Any]) -> bool:
    body = {k: v for k, v in report.items() if k != "report_sha256"}
    return hashlib.sha256(canonical(body)).hexdigest() == report.get("report_sha256")


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
