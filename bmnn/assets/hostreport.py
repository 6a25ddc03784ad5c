"""Reading an uploaded ``bmnn hostcheck`` report: schema, integrity, identity, verdicts. No Django.

The contract is ``bmnn/hostcheck/SCHEMA.md`` and ``report.schema.json`` (schema ``bmnn.hostcheck.report/1``).
jsonschema is not a dependency, so this module interprets the subset of JSON Schema the file uses
(type, enum, required, properties, items, additionalProperties) and names every failing path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bmnn.assets.rules import ReportIdentity, normalise_mac, normalise_serial
from bmnn.hostcheck.report import verify_report
from bmnn.lib.rules import Violation

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "hostcheck" / "report.schema.json"
BASIS = "bmnn/hostcheck/SCHEMA.md (bmnn.hostcheck.report/1)"
MAX_REPORT_BYTES = 20 * 1024 * 1024
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "null": (type(None),),
}
_SERIAL_KEYS = ("product_serial", "board_serial", "product_uuid", "system_uuid")
_MAX_ERRORS = 20


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def _type_ok(value: Any, expected: str | list[str]) -> bool:
    names = [expected] if isinstance(expected, str) else expected
    for name in names:
        if name in ("integer", "number") and isinstance(value, bool):
            continue
        if isinstance(value, _TYPES[name]):
            return True
    return False


def schema_errors(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Every place where ``value`` breaks ``schema`` (the subset used by report.schema.json)."""
    if "type" in schema and not _type_ok(value, schema["type"]):
        return [f"{path}: phải có kiểu {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: giá trị {value!r} không thuộc {schema['enum']}"]
    errors: list[str] = []
    if isinstance(value, dict):
        errors += [
            f"{path}.{key}: thiếu trường bắt buộc" for key in schema.get("required", []) if key not in value
        ]
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, sub in value.items():
            if key in props:
                errors += schema_errors(sub, props[key], f"{path}.{key}")
            elif extra is False:
                errors.append(f"{path}.{key}: trường không có trong lược đồ")
            elif isinstance(extra, dict):
                errors += schema_errors(sub, extra, f"{path}.{key}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], f"{path}[{index}]")
    return errors


@dataclass(frozen=True)
class ParsedReport:
    data: dict[str, Any]
    overall: str
    checked_on_iso: str | None
    identity: ReportIdentity
    verdicts: list[dict[str, Any]]


def parse_report(raw: bytes) -> tuple[ParsedReport | None, list[Violation]]:
    """Decode, validate against the schema, verify ``report_sha256``; every problem reported."""
    if len(raw) > MAX_REPORT_BYTES:
        return None, [_v("report_too_large", "Tệp báo cáo: vượt quá 20 MB.")]
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, [_v("report_not_json", "Tệp báo cáo: không phải JSON UTF-8 hợp lệ.")]
    errors = schema_errors(data, report_schema())
    if errors:
        shown = "; ".join(errors[:_MAX_ERRORS]) + (" …" if len(errors) > _MAX_ERRORS else "")
        return None, [
            _v("report_schema", f"Tệp báo cáo: không đúng lược đồ bmnn.hostcheck.report/1 — {shown}.")
        ]
    if not verify_report(data):
        return None, [
            _v(
                "report_tampered",
                "Tệp báo cáo: mã SHA-256 (report_sha256) không khớp nội dung — báo cáo đã bị sửa.",
            )
        ]
    return (
        ParsedReport(
            data=data,
            overall=data["overall"],
            checked_on_iso=data["time"]["check_time_utc"] or data["time"]["reference_time_utc"],
            identity=report_identity(data["machine"]),
            verdicts=[
                {k: v.get(k) for k in ("code", "title_vi", "status", "message_vi", "basis")}
                for v in data["verdicts"]
            ],
        ),
        [],
    )


def report_identity(machine: dict[str, Any]) -> ReportIdentity:
    macs = []
    for pair in machine.get("macs") or []:
        mac = normalise_mac(pair.partition("=")[2] or pair)
        if mac:
            macs.append(mac)
    hardware = machine.get("hardware") or {}
    serials = [
        normalise_serial(str(hardware[key]))
        for key in _SERIAL_KEYS
        if isinstance(hardware.get(key), str) and hardware[key].strip() and not hardware[key].startswith("(")
    ]
    return ReportIdentity(
        hostname=str(machine.get("hostname") or ""), macs=tuple(sorted(set(macs))), serials=tuple(serials)
    )


def _v(code: str, message: str) -> Violation:
    return Violation(code, message, BASIS)
