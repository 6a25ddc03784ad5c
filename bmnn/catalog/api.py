"""JSON API for catalogs: same queries and services as the pages, refusals as 422 violations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.api.framework import ApiError, endpoint
from bmnn.catalog import queries, services
from bmnn.catalog.models import Catalog, CatalogItem
from bmnn.catalog.permissions import may_manage_catalogs
from bmnn.catalog.rules import BASIS_INPUT, LEVELS, ItemInput, check_catalog
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation

_STR = {"type": "string"}
_DATE = {"type": "string", "format": "date"}
_VIOLATIONS = {
    "description": "Bị từ chối: liệt kê mọi vi phạm",
    "type": "object",
    "properties": {
        "violations": {
            "type": "array",
            "items": {"type": "object", "properties": {"code": _STR, "message": _STR, "basis": _STR}},
        }
    },
}
ITEM_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "catalog": {"type": "integer"},
        "decision": _STR,
        "level": {"type": "string", "enum": list(LEVELS)},
        "article": _STR,
        "clause": _STR,
        "point": _STR,
        "text": _STR,
        "context": _STR,
        "citation": _STR,
        "valid": {"type": "boolean", "description": "Đang áp dụng vào ngày hỏi (mặc định hôm nay)"},
        "valid_to": {**_DATE, "nullable": True},
    },
}
CATALOG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "decision": _STR,
        "date": {**_DATE, "nullable": True},
        "sector": _STR,
        "source": {"type": "string", "enum": ["public", "agency", "starter"]},
        "shared": {"type": "boolean"},
        "item_count": {"type": "integer"},
    },
}
ITEM_INPUT = {
    "type": "object",
    "required": ["level", "article", "text"],
    "properties": {
        "level": {"type": "string", "enum": list(LEVELS)},
        "article": _STR,
        "clause": _STR,
        "point": _STR,
        "text": _STR,
        "context": _STR,
    },
}
CREATE_REQUEST = {
    "type": "object",
    "required": ["decision", "items"],
    "properties": {
        "decision": {"type": "string", "example": "2500/QĐ-TTg"},
        "date": _DATE,
        "sector": _STR,
        "title": _STR,
        "items": {"type": "array", "minItems": 1, "items": ITEM_INPUT},
    },
}


def item_json(item: CatalogItem, on: dt.date) -> dict[str, Any]:
    return {
        "id": item.pk,
        "catalog": item.catalog_id,
        "decision": item.catalog.decision,
        "level": item.level,
        "article": item.article,
        "clause": item.clause,
        "point": item.point,
        "text": item.text,
        "context": item.context,
        "citation": item.citation,
        "valid": item.valid_on(on),
        "valid_to": item.valid_to.isoformat() if item.valid_to else None,
    }


def catalog_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "id": catalog.pk,
        "decision": catalog.decision,
        "date": catalog.signed_on.isoformat() if catalog.signed_on else None,
        "sector": catalog.sector,
        "source": catalog.source,
        "shared": catalog.agency_id is None,
        "item_count": getattr(catalog, "item_count", None),
    }


def _date(value: Any, field: str) -> tuple[dt.date | None, list[Violation]]:
    if value in (None, ""):
        return None, []
    try:
        return dt.date.fromisoformat(str(value)), []
    except ValueError:
        message = f"{field}: “{value}” không phải ngày dạng YYYY-MM-DD."
        return None, [Violation(f"invalid_{field}", message, BASIS_INPUT)]


def _text(row: dict[str, Any], key: str, number: int, found: list[Violation]) -> str:
    value = row.get(key, "")
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        found.append(Violation("invalid_item", f"Mục {number}: “{key}” phải là chuỗi.", BASIS_INPUT))
        return ""
    return value


def _items(raw: Any, found: list[Violation]) -> list[ItemInput]:
    if not isinstance(raw, list):
        found.append(Violation("invalid_items", "“items” phải là một danh sách mục.", BASIS_INPUT))
        return []
    items: list[ItemInput] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, dict):
            found.append(Violation("invalid_item", f"Mục {number} phải là một đối tượng JSON.", BASIS_INPUT))
            continue
        keys = ("level", "article", "clause", "point", "text", "context")
        items.append(ItemInput(*(_text(row, k, number, found) for k in keys)))
    return items


@endpoint(
    "GET",
    "/catalogs/",
    summary="Danh sách danh mục BMNN người dùng được xem (dùng chung và của cơ quan mình)",
    responses={200: {"type": "array", "items": CATALOG_SCHEMA}},
)
def list_catalogs(request: AuthedRequest) -> tuple[int, Any]:
    return 200, [catalog_json(c) for c in queries.visible_catalogs(request.user)]


@endpoint(
    "POST",
    "/catalogs/",
    summary="Nhập một quyết định danh mục BMNN với các mục (quản trị, cán bộ bảo mật)",
    request=CREATE_REQUEST,
    responses={
        201: {
            **CATALOG_SCHEMA,
            "properties": {**CATALOG_SCHEMA["properties"], "items": {"type": "array", "items": ITEM_SCHEMA}},
        },
        403: {"description": "Không có quyền thay đổi danh mục"},
        422: _VIOLATIONS,
    },
)
def create_catalog(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    if not may_manage_catalogs(request.user):
        raise ApiError(403, "Chỉ quản trị hệ thống hoặc cán bộ bảo mật được thay đổi danh mục BMNN.")
    found: list[Violation] = []
    signed_on, bad_date = _date(body.get("date"), "date")
    found += bad_date
    items = _items(body.get("items"), found)
    decision, sector = body.get("decision"), body.get("sector") or ""
    if not isinstance(decision, str) or not isinstance(sector, str):
        found.append(Violation("invalid_decision", "“decision” và “sector” phải là chuỗi.", BASIS_INPUT))
        decision, sector = "", ""
    if found:  # unreadable parts: report them together with every other problem, save nothing
        clean = [i.normalised() for i in items]
        raise RuleViolation(found + check_catalog(decision=decision, signed_on=signed_on, items=clean))
    catalog = services.create_catalog(
        actor=request.user,
        decision=decision,
        signed_on=signed_on,
        sector=sector,
        items=items,
        agency=request.user.agency,
    )
    rows = queries.citation_order(catalog.items.select_related("catalog"))
    today = clock.today()
    return 201, {
        **catalog_json(catalog),
        "item_count": len(rows),
        "items": [item_json(i, today) for i in rows],
    }


@endpoint(
    "GET",
    "/catalog-items/",
    summary="Tìm mục danh mục BMNN (không dấu được; q=từ khóa, on=YYYY-MM-DD chỉ lấy mục đang áp dụng)",
    responses={200: {"type": "array", "items": ITEM_SCHEMA}, 422: _VIOLATIONS},
)
def list_items(request: AuthedRequest) -> tuple[int, Any]:
    on, bad = _date(request.GET.get("on"), "on")
    if bad:
        raise RuleViolation(bad)
    items = queries.search_items(request.GET.get("q", ""), on, user=request.user)
    today = on or clock.today()
    return 200, [item_json(i, today) for i in items[: queries.SEARCH_LIMIT]]
