"""Minimal valid ``bmnn.hostcheck.report/1`` reports for tests (shape per bmnn/hostcheck/SCHEMA.md)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from bmnn.hostcheck.report import canonical


def make_report(
    *,
    macs: list[str] | None = None,
    serial: str | None = None,
    hostname: str = "soanthao-01",
    failing: bool = True,
    check_time: str = "2026-05-04T02:00:00Z",
) -> dict[str, Any]:
    status = "FAIL" if failing else "PASS"
    report: dict[str, Any] = {
        "schema": "bmnn.hostcheck.report/1",
        "tool": {"name": "bmnn-hostcheck", "version": "0.1"},
        "target": {"platform": "linux", "mode": "live", "path": "/", "current_state_observable": True},
        "policy": {"sha256": "0" * 64, "regime": "2025", "settings": {}},
        "time": {
            "check_time_utc": check_time,
            "reference_time_utc": check_time,
            "reference_basis": "injected_now",
            "host_timezone": "Asia/Ho_Chi_Minh",
        },
        "machine": {
            "hostname": hostname,
            "os": "Debian GNU/Linux 12",
            "machine_id": "abc",
            "hardware": {"product_serial": serial} if serial else {},
            "macs": [f"eth{i}={m}" for i, m in enumerate(macs or [])],
            "network_cards": [],
            "install_utc": None,
            "log_first_utc": None,
        },
        "overall": status,
        "verdicts": [
            {
                "code": "internet_history",
                "title_vi": "Lịch sử kết nối Internet",
                "status": status,
                "message_vi": "Có lịch sử truy cập Internet." if failing else "Không thấy dấu vết.",
                "basis": "Khoản 5 Điều 5 Luật 29/2018/QH14",
                "evidence_ids": [],
            }
        ],
        "evidence": [],
        "timeline": [],
        "sources": [],
    }
    report["report_sha256"] = hashlib.sha256(canonical(report)).hexdigest()
    return report


def as_bytes(report: dict[str, Any]) -> bytes:
    return json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")
