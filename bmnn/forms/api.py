"""/api/v1/forms/… — the form catalogue and printouts (PDF/DOCX) of registers, items, acts and copies.

The same sources and the same ledgered print service as the pages: the clearance of the token's user
applies to every row and item, an item the user may not see is a 404, and every printout is ledgered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404

from bmnn.api.framework import endpoint
from bmnn.forms import rules
from bmnn.forms.catalogue.library import DefinitionMissing, all_definitions
from bmnn.forms.catalogue.select import in_force
from bmnn.forms.delivery import deliver, parse_copies
from bmnn.forms.sources import acts, copies, items, registers
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


def _print(request: AuthedRequest, document: Any, name: str, subject: Any = None) -> tuple[int, Any]:
    fmt = request.GET.get("format", "pdf")
    copies = parse_copies(request.GET.get("copies"))
    return 200, deliver(
        user=request.user, document=document, name=name, fmt=fmt, copies=copies, subject=subject
    )


@endpoint("GET", "/forms/registers/{kind}/{year}/", summary="In sổ (outgoing, incoming, handover, copy) của một năm",
          query={**PRINT_QUERY, "cancelled": {"enum": ["0", "1"], "description": "0: bỏ các dòng đã hủy"}},
          responses={200: FILE, 404: {"description": "Không có hoặc không được xem"}, 422: VIOLATIONS})  # fmt: skip
def print_register(request: AuthedRequest, kind: str, year: int) -> tuple[int, Any]:
    from bmnn.registers.queries import may_read_registers

    if kind not in registers.KINDS or (kind != "copy" and not may_read_registers(request.user)):
        raise Http404
    try:
        document = registers.register_document(
            user=request.user, kind=kind, year=year, include_cancelled=request.GET.get("cancelled") != "0"
        )
    except DefinitionMissing as exc:
        raise Http404(str(exc)) from exc
    return _print(request, document, f"so-{kind}-{year}")


@endpoint("GET", "/forms/items/{item_id}/{form_id}/",
          summary="In văn bản hoặc mẫu dấu về một tài liệu (form_id, “stamps” cho cả bộ dấu)",
          query=PRINT_QUERY, responses={200: FILE, 404: {"description": "Không có hoặc không được xem"},
                                        422: VIOLATIONS})  # fmt: skip
def print_item_form(request: AuthedRequest, item_id: int, form_id: str) -> tuple[int, Any]:
    item = items.get_item(request.user, item_id)  # 404 when the user may not see it
    try:
        if form_id.startswith("stamp.") or form_id == "stamps":
            document = items.stamp_sheet(user=request.user, item_id=item.pk,
                                         stamp_id="" if form_id == "stamps" else form_id)  # fmt: skip
        else:
            document = items.item_document(user=request.user, item_id=item.pk, form_id=form_id)
    except (DefinitionMissing, LookupError) as exc:
        raise Http404(str(exc)) from exc
    return _print(request, document, f"{form_id}-{item.pk}", subject=item)


@endpoint("GET", "/forms/acts/{kind}/{act_id}/{form_id}/",
          summary="In văn bản của một hành vi: destruction, copy-entry, take-out, provision, recall",
          query=PRINT_QUERY, responses={200: FILE, 404: {"description": "Không có, chưa tới bước này hoặc không được xem"},
                                        422: VIOLATIONS})  # fmt: skip
def print_act_form(request: AuthedRequest, kind: str, act_id: int, form_id: str) -> tuple[int, Any]:
    try:
        document, act = acts.act_document(user=request.user, kind=kind, pk=act_id, form_id=form_id)
    except (DefinitionMissing, LookupError) as exc:
        raise Http404(str(exc)) from exc
    return _print(request, document, f"{form_id}-{kind}-{act_id}", subject=act)


@endpoint("GET", "/forms/copies/{copy_id}/stamps/", summary="Bộ dấu của một bản sao (Bản sao số n/N)",
          query=PRINT_QUERY, responses={200: FILE, 404: {"description": "Không có hoặc không được xem"},
                                        422: VIOLATIONS})  # fmt: skip
def print_copy_stamps(request: AuthedRequest, copy_id: int) -> tuple[int, Any]:
    document, copy = copies.copy_stamp_sheet(user=request.user, copy_id=copy_id)
    return _print(request, document, f"dau-ban-sao-{copy.pk}", subject=copy)
