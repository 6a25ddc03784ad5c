"""Parse a definition dict into a ``FormDefinition``, collecting every violation (pure)."""

from __future__ import annotations

import re
from typing import Any

from bmnn.forms.catalogue.act_fields import SIGNER_FIELDS, TABLE_FIELDS
from bmnn.forms.catalogue.schema import (
    ALIGNMENTS,
    BORDERS,
    COLUMN_KEYS,
    COVER_KEYS,
    DOCUMENT_KEYS,
    KINDS,
    LAYOUT_BASIS,
    MARGIN_RANGES_MM,
    PAGE_KEYS,
    PAGE_SIZES_MM,
    REGIMES,
    SIGNATURE_KEYS,
    STAMP_KEYS,
    TOP_KEYS,
    Column,
    CoverField,
    DocumentSpec,
    FormDefinition,
    Page,
    StampSpec,
    _check_placeholders,
    _Collector,
)
from bmnn.forms.fields import REGISTER_COVER_FIELDS, fields_of
from bmnn.lib.rules import Violation
from bmnn.lib.vntext import nfc

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_ID = re.compile(r"^[a-z0-9_.-]+$")


def _nfc_tree(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc_tree(v) for k, v in value.items()}
    return value


def parse_definition(raw: Any, *, origin: str = "") -> tuple[FormDefinition | None, list[Violation]]:
    """The definition, or None with every reason it is refused."""
    c = _Collector()
    if not isinstance(raw, dict):
        c.add("not_object", "Tệp định nghĩa phải là một đối tượng JSON {…}.")
        return None, c.violations
    data: dict[str, Any] = _nfc_tree(raw)
    c.unknown_keys("Biểu mẫu", data, TOP_KEYS)
    form_id, version = c.text("Biểu mẫu", data, "id"), c.text("Biểu mẫu", data, "version")
    if form_id and not _ID.match(form_id):
        c.add("bad_id", "Biểu mẫu: “id” chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.")
    kind, regime = data.get("kind"), data.get("regime")
    if kind not in KINDS:
        c.add("bad_kind", f"Biểu mẫu: “kind” phải là một trong {', '.join(KINDS)}.")
    if regime not in REGIMES:
        c.add("bad_regime", "Biểu mẫu: “regime” (chế độ pháp lý) phải là 2018 hoặc 2025.")
    title = c.text("Biểu mẫu", data, "title")
    if not (isinstance(data.get("basis"), str) and data["basis"].strip()):
        c.add(
            "missing_basis",
            "Biểu mẫu: thiếu căn cứ pháp lý (“basis”): mọi biểu mẫu phải nêu văn bản quy định.",
        )
    start = c.date("Biểu mẫu", data.get("effective_from"), "effective_from")
    end = c.date("Biểu mẫu", data["effective_to"], "effective_to") if data.get("effective_to") else None
    if start and end and end < start:
        c.add("bad_validity", "Biểu mẫu: “effective_to” (ngày hết hiệu lực) trước “effective_from”.")
    source = data.get("source", "")
    known = fields_of(source) if isinstance(source, str) else None
    if known is None:
        c.add("unknown_source", f"Biểu mẫu: nguồn dữ liệu “{source}” không tồn tại.")
        known = {}
    page = _page(c, data.get("page"), required=kind in ("register", "document"))
    cover = _cover(c, data.get("cover", [])) if kind == "register" else ()
    if kind == "register":
        columns = _columns(c, data.get("columns", []), known, page, required=True)
    else:
        columns = ()
        if "columns" in data:
            c.add("columns_not_register", "Biểu mẫu: “columns” chỉ dùng cho sổ; bảng của văn bản ghi trong "
                  "“document.columns”.")  # fmt: skip
    stamp = _stamp(c, data.get("stamp"), known) if kind == "stamp" else None
    document = _document(c, data.get("document"), known, page, str(source)) if kind == "document" else None
    if c.violations or start is None:
        return None, c.violations
    return FormDefinition(
        id=form_id, version=version, kind=str(kind), title=title, regime=str(regime),
        basis=data["basis"].strip(), effective_from=start, effective_to=end, source=str(source),
        notes=str(data.get("notes", "")), supersedes=str(data.get("supersedes", "")), page=page,
        cover=cover, columns=columns, stamp=stamp, document=document, origin=origin,
    ), []  # fmt: skip


def _page(c: _Collector, raw: Any, *, required: bool) -> Page:
    if raw is None and not required:
        return Page("A4", "portrait", 20, 20, 30, 15)
    if not isinstance(raw, dict):
        c.add("missing_page", "Trang: thiếu “page” (khổ giấy, hướng, lề).", LAYOUT_BASIS)
        return Page("A4", "portrait", 20, 20, 30, 15)
    c.unknown_keys("Trang", raw, PAGE_KEYS)
    size, orientation = raw.get("size"), raw.get("orientation", "portrait")
    if size not in PAGE_SIZES_MM:
        c.add("bad_page_size", f"Trang: khổ giấy “{size}” không hợp lệ; văn bản dùng khổ A4.", LAYOUT_BASIS)
        size = "A4"
    if orientation not in ("portrait", "landscape"):
        c.add("bad_orientation", "Trang: “orientation” phải là portrait (dọc) hoặc landscape (ngang).")
        orientation = "portrait"
    found = raw.get("margins_mm")
    margins: dict[str, Any] = found if isinstance(found, dict) else {}
    c.unknown_keys("Lề trang", margins, set(MARGIN_RANGES_MM))
    values: dict[str, float] = {}
    for side, (low, high) in MARGIN_RANGES_MM.items():
        value = margins.get(side)
        ok = isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high
        if not ok:
            c.add("bad_margin", f"Lề trang: lề “{side}” phải từ {low} đến {high} mm.", LAYOUT_BASIS)
        values[side] = float(value) if ok and value is not None else float(low)
    return Page(str(size), str(orientation), values["top"], values["bottom"], values["left"], values["right"])


def _cover(c: _Collector, raw: Any) -> tuple[CoverField, ...]:
    if not isinstance(raw, list):
        c.add("bad_cover", "Bìa sổ: “cover” phải là danh sách.")
        return ()
    out = []
    for i, item in enumerate(raw, 1):
        where = f"Bìa sổ, dòng {i}"
        if not isinstance(item, dict):
            c.add("bad_cover", f"{where}: phải là đối tượng {{label, field}}.")
            continue
        c.unknown_keys(where, item, COVER_KEYS)
        label, name = c.text(where, item, "label"), c.text(where, item, "field")
        if name and name not in REGISTER_COVER_FIELDS:
            c.add("unknown_field", f"{where}: trường dữ liệu “{name}” không có trên bìa sổ.")
        out.append(CoverField(label, name))
    return tuple(out)


def _columns(
    c: _Collector, raw: Any, known: dict[str, str], page: Page, *, required: bool
) -> tuple[Column, ...]:
    if not isinstance(raw, list) or (required and not raw):
        if required or not isinstance(raw, list):
            c.add("missing_columns", "Cột: sổ phải có danh sách cột “columns”.")
        return ()
    cols: list[Column] = []
    for i, item in enumerate(raw, 1):
        where = f"Cột {i}"
        if not isinstance(item, dict):
            c.add("bad_column", f"{where}: phải là đối tượng.")
            continue
        c.unknown_keys(where, item, COLUMN_KEYS)
        label, name = c.text(where, item, "label"), c.text(where, item, "field")
        if name and name not in known:
            c.add("unknown_field", f"{where}: trường dữ liệu “{name}” không có trong nguồn dữ liệu.")
        align = item.get("align", "left")
        if align not in ALIGNMENTS:
            c.add("bad_align", f"{where}: “align” phải là left, center hoặc right.")
        order = item.get("order")
        if not isinstance(order, int) or isinstance(order, bool):
            c.add("bad_order", f"{where}: “order” (thứ tự cột) phải là số nguyên.")
            order = i
        cols.append(
            Column(
                order,
                label,
                name,
                c.number(where, item, "width_mm"),
                str(align),
                str(item.get("instructions", "")),
            )
        )
    orders = [col.order for col in cols]
    if len(set(orders)) != len(orders):
        c.add("duplicate_order", "Cột: hai cột cùng số thứ tự “order”.")
    total = sum(col.width_mm for col in cols)
    if total > page.printable_width_mm + 0.5:
        c.add(
            "columns_too_wide",
            f"Cột: tổng độ rộng {total:g} mm vượt vùng in {page.printable_width_mm:g} mm của trang.",
            LAYOUT_BASIS,
        )
    return tuple(sorted(cols, key=lambda col: col.order))


def _stamp(c: _Collector, raw: Any, known: dict[str, str]) -> StampSpec | None:
    if not isinstance(raw, dict):
        c.add("missing_stamp", "Dấu: thiếu “stamp” (nội dung, kích thước, viền, cỡ chữ, màu).")
        return None
    c.unknown_keys("Dấu", raw, STAMP_KEYS)
    lines = raw.get("lines")
    if not isinstance(lines, list) or not lines or not all(isinstance(x, str) for x in lines):
        c.add("bad_lines", "Dấu: “lines” phải là danh sách dòng chữ, ít nhất một dòng.")
        lines = []
    for line in lines:
        _check_placeholders(c, "Dấu", line, known)
    border, colour = raw.get("border", "single"), raw.get("colour", "#C00000")
    if border not in BORDERS:
        c.add("bad_border", "Dấu: “border” phải là none, single hoặc double.")
    if not isinstance(colour, str) or not _COLOUR.match(colour):
        c.add("bad_colour", "Dấu: “colour” phải có dạng #RRGGBB.")
    return StampSpec(
        tuple(lines), c.number("Dấu", raw, "width_mm"), c.number("Dấu", raw, "height_mm"), str(border),
        c.number("Dấu", raw, "font_size_pt"), str(colour), bool(raw.get("bold", True)),
    )  # fmt: skip


def _document(c: _Collector, raw: Any, known: dict[str, str], page: Page, source: str) -> DocumentSpec | None:
    if not isinstance(raw, dict):
        c.add("missing_document", "Văn bản: thiếu “document” (tiêu đề, nội dung, chữ ký, nơi nhận).")
        return None
    c.unknown_keys("Văn bản", raw, DOCUMENT_KEYS)
    title = c.text("Văn bản", raw, "title")
    body = raw.get("body")
    if not isinstance(body, list) or not body or not all(isinstance(x, str) for x in body):
        c.add("bad_body", "Văn bản: “body” phải là danh sách đoạn văn, ít nhất một đoạn.")
        body = []
    found = raw.get("signature")
    sig: dict[str, Any] = found if isinstance(found, dict) else {}
    c.unknown_keys("Chữ ký", sig, SIGNATURE_KEYS)
    name_field, signers_field = str(sig.get("name_field", "")), str(sig.get("signers_field", ""))
    if name_field and name_field not in known:
        c.add("unknown_field", f"Chữ ký: trường dữ liệu “{name_field}” không có trong nguồn dữ liệu.")
    if signers_field and signers_field not in SIGNER_FIELDS.get(source, {}):
        c.add("unknown_field", f"Chữ ký: danh sách người ký “{signers_field}” không có trong nguồn dữ liệu.")
    columns = _table_columns(c, raw.get("columns"), source, page)
    for text in [title, str(raw.get("subtitle", "")), *body]:
        _check_placeholders(c, "Văn bản", text, known)
    recipients, stamps = raw.get("recipients", []), raw.get("stamps", [])
    if not isinstance(recipients, list) or not isinstance(stamps, list):
        c.add("bad_list", "Văn bản: “recipients” và “stamps” phải là danh sách.")
        recipients, stamps = [], []
    return DocumentSpec(
        title=title, body=tuple(body), subtitle=str(raw.get("subtitle", "")),
        number_suffix=str(raw.get("number_suffix", "")), signature_title=str(sig.get("title", "")),
        signature_name_field=name_field, recipients=tuple(str(r) for r in recipients),
        stamps=tuple(str(s) for s in stamps), columns=columns, signers_field=signers_field,
    )  # fmt: skip


def _table_columns(c: _Collector, raw: Any, source: str, page: Page) -> tuple[Column, ...]:
    """Optional table of a document: each column must name a row field of the source."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        c.add("bad_columns", "Văn bản: “document.columns” phải là danh sách cột, ít nhất một cột.")
        return ()
    row_fields = TABLE_FIELDS.get(source)
    if row_fields is None:
        c.add("no_table_source", f"Văn bản: nguồn dữ liệu “{source}” không có bảng để in “document.columns”.")
        return ()
    return _columns(c, raw, row_fields, page, required=True)
