"""/api/v1/forms/… — the form catalogue and printouts (PDF/DOCX) of registers, items, acts and copies.

The same sources and the same ledgered print service as the pages: the clearance of the token's user
applies to every row and item, an item the user may not see is a 404, and every printout is ledgered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.api.framework import endpoint
from bmnn.forms import printouts, rules
from bmnn.forms.catalogue.library import all_definitions
from bmnn.forms.catalogue.select import in_force
from bmnn.forms.delivery import deliver, parse_copies
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation

BASIS = "API /api/v1/forms"
VIOLATIONS = {
    "description": "Vi phạm quy định",
    "type": "object",
    "properties": {"violations": {"type": "array"}},
}
FILE = {"description": "Tệp PDF hoặc DOCX (tải về)", "media_type": "application/octet-stream"}
PRINT_QUERY: dict[str, dict[str, Any]] = {
    "format": {"enum": list(rules.FORMATS), "description": "pdf (mặc định) hoặc docx"},
    "copies": {"type": "integer", "description": "số bản in, ghi vào nhật ký"},
}
DEFINITION = {
    "type": "object",
    "properties": {
        k: {"type": ["string", "null"]}
        for k in (
            "id",
            "version",
            "kind",
            "title",
            "regime",
            "basis",
            "effective_from",
            "effective_to",
            "source",
        )
    },
}


def _on(request: AuthedRequest) -> dt.date:
    raw = request.GET.get("on", "")
    if not raw:
        return clock.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise RuleViolation(
            [Violation("on_invalid", "Tham số on: ngày phải có dạng YYYY-MM-DD.", BASIS)]
        ) from None


@endpoint("GET", "/forms/", summary="Các biểu mẫu có hiệu lực vào một ngày (mặc định hôm nay)",
          query={"on": {"type": "string", "format": "date"}},
          responses={200: {"type": "object", "properties": {"definitions": {"type": "array", "items": DEFINITION}}},
                     422: VIOLATIONS})  # fmt: skip
def catalogue(request: AuthedRequest) -> tuple[int, Any]:
    on = _on(request)
    rows = [
        {"id": x.id, "version": x.version, "kind": x.kind, "title": x.title, "regime": x.regime, "basis": x.basis,
         "effective_from": x.effective_from.isoformat(),
         "effective_to": x.effective_to.isoformat() if x.effective_to else None, "source": x.source}
        for x in in_force(all_definitions(), on)
    ]  # fmt: skip
    return 200, {"on": on.isoformat(), "definitions": rows}


def _print(request: AuthedRequest, printout: printouts.Printout) -> tuple[int, Any]:
    fmt, copies = request.GET.get("format", "pdf"), parse_copies(request.GET.get("copies"))
    return 200, deliver(user=request.user, printout=printout, fmt=fmt, copies=copies)


NOT_FOUND = {"description": "Không có, không áp dụng ở bước này hoặc không được xem"}


@endpoint("GET", "/forms/registers/{kind}/{year}/", summary="In sổ (outgoing, incoming, handover, copy) của một năm",
          query={**PRINT_QUERY, "cancelled": {"enum": ["0", "1"], "description": "0: bỏ các dòng đã hủy"}},
          responses={200: FILE, 404: NOT_FOUND, 422: VIOLATIONS})  # fmt: skip
def print_register(request: AuthedRequest, kind: str, year: int) -> tuple[int, Any]:
    cancelled = request.GET.get("cancelled") != "0"
    return _print(request, printouts.register_printout(request.user, kind, year, include_cancelled=cancelled))


@endpoint("GET", "/forms/items/{item_id}/{form_id}/",
          summary="In văn bản hoặc mẫu dấu về một tài liệu (form_id, “stamps” cho cả bộ dấu)",
          query=PRINT_QUERY, responses={200: FILE, 404: NOT_FOUND, 422: VIOLATIONS})  # fmt: skip
def print_item_form(request: AuthedRequest, item_id: int, form_id: str) -> tuple[int, Any]:
    return _print(request, printouts.item_printout(request.user, item_id, form_id))


@endpoint("GET", "/forms/acts/{kind}/{act_id}/{form_id}/",
          summary="In văn bản của một hành vi: destruction, copy-entry, take-out, provision, recall",
          query=PRINT_QUERY, responses={200: FILE, 404: NOT_FOUND, 422: VIOLATIONS})  # fmt: skip
def print_act_form(request: AuthedRequest, kind: str, act_id: int, form_id: str) -> tuple[int, Any]:
    return _print(request, printouts.act_printout(request.user, kind, act_id, form_id))


@endpoint("GET", "/forms/copies/{copy_id}/stamps/", summary="Bộ dấu của một bản sao (Bản sao số n/N)",
          query=PRINT_QUERY, responses={200: FILE, 404: NOT_FOUND, 422: VIOLATIONS})  # fmt: skip
def print_copy_stamps(request: AuthedRequest, copy_id: int) -> tuple[int, Any]:
    return _print(request, printouts.copy_stamps_printout(request.user, copy_id))
