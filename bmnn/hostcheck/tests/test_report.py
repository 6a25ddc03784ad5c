"""The report is deterministic, self-hashed, matches its schema; the biên bản is self-contained."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bmnn.hostcheck.bienban import render_html
from bmnn.hostcheck.report import dumps, verify_report
from bmnn.hostcheck.tests.conftest import check

SCHEMA = json.loads((Path(__file__).parents[1] / "report.schema.json").read_text("utf-8"))


@pytest.mark.parametrize("name", ["linux_internet", "windows_usb", "linux_clean"])
def test_the_same_input_gives_a_byte_identical_report(fixtures_dir: Path, name: str) -> None:
    first, second = check(fixtures_dir, name).report, check(fixtures_dir, name).report
    assert dumps(first) == dumps(second)
    assert verify_report(first)


def test_a_tampered_report_fails_its_hash(fixtures_dir: Path) -> None:
    report = check(fixtures_dir, "linux_usb").report
    report["overall"] = "PASS"
    assert not verify_report(report)


def _validate(value: Any, schema: dict[str, Any], path: str = "$") -> None:
    """Enough of JSON Schema (type, required, properties, items, enum) to hold the report to its file."""
    kinds = schema.get("type")
    if kinds:
        allowed = kinds if isinstance(kinds, list) else [kinds]
        python = {
            "object": dict,
            "array": list,
            "string": str,
            "integer": int,
            "boolean": bool,
            "null": type(None),
        }
        assert any(isinstance(value, python[k]) for k in allowed), f"{path}: {type(value)} not {allowed}"
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{path}: missing {key}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _validate(value[key], sub, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            _validate(item, schema["items"], f"{path}[{index}]")


@pytest.mark.parametrize("name", ["linux_internet", "windows_usb", "linux_logs_wiped"])
def test_the_report_matches_the_published_json_schema(fixtures_dir: Path, name: str) -> None:
    _validate(check(fixtures_dir, name).report, SCHEMA)


def test_the_timeline_is_sorted_and_points_at_real_evidence(fixtures_dir: Path) -> None:
    report = check(fixtures_dir, "windows_usb").report
    times = [row["time_utc"] for row in report["timeline"]]
    assert times == sorted(times) and times
    assert all(0 <= row["evidence_id"] < len(report["evidence"]) for row in report["timeline"])


def test_local_times_use_the_inspected_hosts_time_zone(fixtures_dir: Path) -> None:
    report = check(fixtures_dir, "linux_usb").report
    assert report["time"]["host_timezone"] == "Asia/Ho_Chi_Minh"
    assert all(e["time_local"].endswith("+07:00") for e in report["evidence"] if e["time_local"])


def test_the_bien_ban_is_vietnamese_self_contained_and_ready_to_sign(fixtures_dir: Path) -> None:
    report = check(fixtures_dir, "linux_internet").report
    html = render_html(report)
    assert "BIÊN BẢN KIỂM TRA MÁY TÍNH" in html and "Số tem niêm phong" in html
    assert "ĐẠI DIỆN ĐOÀN KIỂM TRA" in html and report["report_sha256"] in html
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", html, re.I)


def test_html_escapes_hostile_evidence(fixtures_dir: Path) -> None:
    report = check(fixtures_dir, "linux_clean").report
    report["machine"]["hostname"] = "<script>alert(1)</script>"
    assert "<script>" not in render_html(report)
