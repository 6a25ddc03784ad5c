"""Importing a register kept on paper or in Excel: read the sheet, map its columns, check every row.

Pure Python (openpyxl only for reading): no database here. ``check_rows`` returns the rows that can be
imported and, for every other row, each reason it cannot (numbers, dates, levels, the Tuyệt mật
summary rule). The service (``services.importing``) writes the accepted rows.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from bmnn.lib.vntext import fold, nfc

TARGETS: dict[str, list[tuple[str, str]]] = {
    "outgoing": [
        ("seq", "Số thứ tự"),
        ("number", "Số, ký hiệu"),
        ("doc_date", "Ngày tháng"),
        ("document_type", "Tên loại"),
        ("summary", "Trích yếu"),
        ("level", "Độ mật"),
        ("signer", "Người ký"),
        ("recipients", "Nơi nhận"),
        ("storage_unit", "Đơn vị lưu"),
        ("quantity", "Số lượng bản"),
        ("note", "Ghi chú"),
        ("consent", "Đồng ý ghi trích yếu (Tuyệt mật, 2018)"),
    ],
    "incoming": [
        ("seq", "Số đến"),
        ("arrival_date", "Ngày đến"),
        ("issuing_body", "Cơ quan ban hành"),
        ("number", "Số, ký hiệu"),
        ("doc_date", "Ngày tháng"),
        ("document_type", "Tên loại"),
        ("summary", "Trích yếu"),
        ("level", "Độ mật"),
        ("receiver", "Đơn vị, người nhận"),
        ("note", "Ghi chú"),
        ("consent", "Đồng ý ghi trích yếu (Tuyệt mật, 2018)"),
    ],
}
REQUIRED = {
    "outgoing": ("seq", "doc_date", "level"),
    "incoming": ("seq", "arrival_date", "level", "issuing_body"),
}
LEVEL_WORDS = {
    "mat": "confidential",
    "m": "confidential",
    "c": "confidential",
    "toi mat": "secret",
    "tm": "secret",
    "b": "secret",
    "tuyet mat": "top_secret",
    "tum": "top_secret",
    "a": "top_secret",
}
SYNONYMS = {
    "stt": "seq",
    "so tt": "seq",
    "so thu tu": "seq",
    "so den": "seq",
    "ngay den": "arrival_date",
    "so ky hieu": "number",
    "so, ky hieu": "number",
    "ngay thang": "doc_date",
    "ngay van ban": "doc_date",
    "do mat": "level",
    "nguoi ky": "signer",
    "noi nhan": "recipients",
    "don vi luu": "storage_unit",
    "so luong": "quantity",
    "ghi chu": "note",
    "co quan ban hanh": "issuing_body",
    "trich yeu": "summary",
    "ten loai": "document_type",
    "don vi nhan": "receiver",
    "nguoi nhan": "receiver",
}
BASIS = "Nhập sổ cũ: kiểm tra từng dòng theo quy định vào sổ (Điều 15, 16 NĐ 26/2020/NĐ-CP)"
MAX_ROWS = 20000


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[Any]]


@dataclass
class CheckedRow:
    line: int  # the sheet's row number, as the clerk sees it in Excel
    values: dict[str, Any] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


def read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)][: MAX_ROWS + 1]
    if not rows:
        return Sheet([], [])
    headers = [nfc(str(h or "")).strip() for h in rows[0]]
    return Sheet(headers, [r for r in rows[1:] if any(c not in (None, "") for c in r)])


def guess_mapping(kind: str, headers: list[str]) -> dict[str, int | None]:
    """Target field → source column index, guessed from the header words (the clerk corrects it)."""
    labels = {fold(label): target for target, label in TARGETS[kind]}
    found: dict[str, int | None] = {t: None for t, _ in TARGETS[kind]}
    for i, h in enumerate(headers):
        key = fold(h)
        target = labels.get(key) or SYNONYMS.get(key)
        if target == "doc_date" and kind == "incoming" and "den" in key:
            target = "arrival_date"
        if target in found and found[target] is None:
            found[target] = i
    return found


def parse_date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    m = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", str(raw or ""))
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        return None


def parse_level(raw: Any) -> str | None:
    return LEVEL_WORDS.get(fold(str(raw or "")).replace(".", "").strip())


def parse_seq(raw: Any) -> int | None:
    try:
        value = int(float(str(raw).strip())) if raw not in (None, "") else None
    except ValueError:
        return None
    return value if value is not None and value >= 1 and float(str(raw).strip()) == value else None


def _cell(row: list[Any], index: int | None) -> Any:
    return row[index] if index is not None and index < len(row) else None


def _text(value: Any) -> str:
    return nfc(str(value)).strip() if value not in (None, "") else ""


def _check_one(kind: str, year: int, raw: dict[str, Any], summary_allowed: Any) -> CheckedRow:
    out = CheckedRow(line=0)
    v = out.values
    v["seq"] = parse_seq(raw.get("seq"))
    if v["seq"] is None:
        out.reasons.append(f"Số thứ tự '{_text(raw.get('seq'))}' không phải số nguyên dương.")
    for key in ("doc_date", "arrival_date"):
        if raw.get(key) not in (None, ""):
            v[key] = parse_date(raw[key])
            if v[key] is None:
                out.reasons.append(f"Ngày '{_text(raw[key])}' không đúng dạng dd/mm/yyyy.")
        else:
            v[key] = None
    main = "arrival_date" if kind == "incoming" else "doc_date"
    for key in REQUIRED[kind]:
        if raw.get(key) in (None, ""):
            out.reasons.append(f"Thiếu cột bắt buộc: {dict(TARGETS[kind])[key]}.")
    if v.get(main) and v[main].year != year:
        out.reasons.append(f"Ngày {v[main]:%d/%m/%Y} không thuộc năm {year} của sổ.")
    if kind == "incoming" and v["arrival_date"] and v["doc_date"] and v["arrival_date"] < v["doc_date"]:
        out.reasons.append("Ngày đến trước ngày văn bản.")
    v["level"] = parse_level(raw.get("level"))
    if v["level"] is None and raw.get("level") not in (None, ""):
        out.reasons.append(f"Độ mật '{_text(raw.get('level'))}' không hợp lệ (Mật / Tối mật / Tuyệt mật).")
    for key in (
        "number",
        "document_type",
        "summary",
        "signer",
        "recipients",
        "storage_unit",
        "note",
        "issuing_body",
        "receiver",
    ):
        v[key] = _text(raw.get(key))
    v["consent"] = fold(_text(raw.get("consent"))) in {"co", "x", "dong y", "1", "true"}
    q = parse_seq(raw.get("quantity")) if raw.get("quantity") not in (None, "") else 1
    v["quantity"] = q or 1
    if v["summary"] and v["level"] and v.get(main) and not summary_allowed(v["level"], v[main], v["consent"]):
        # Never echo the summary itself: it may be the content the law forbids writing down.
        out.reasons.append(
            "Tài liệu Tuyệt mật: không được ghi trích yếu (hoặc chưa có ý kiến đồng ý theo chế độ 2018)."
        )
    return out


def check_rows(
    kind: str,
    year: int,
    sheet: Sheet,
    mapping: dict[str, int | None],
    existing: set[int],
    summary_allowed: Any,
) -> list[CheckedRow]:
    """Every row with its reasons; a number used twice in the sheet or already in the register is refused."""
    checked: list[CheckedRow] = []
    seen: set[int] = set()
    for offset, row in enumerate(sheet.rows):
        raw = {target: _cell(row, index) for target, index in mapping.items()}
        one = _check_one(kind, year, raw, summary_allowed)
        one.line = offset + 2
        seq = one.values.get("seq")
        if seq is not None and seq in existing:
            one.reasons.append(f"Số {seq} đã có trong sổ năm {year}.")
        elif seq is not None and seq in seen:
            one.reasons.append(f"Số {seq} lặp lại trong tệp.")
        if seq is not None:
            seen.add(seq)
        checked.append(one)
    return checked
