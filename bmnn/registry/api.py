"""/api/v1/items/ — the contract of issue #3 (level codes, ISO dates, 404 for invisible items, 422 violations)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.accounts import access
from bmnn.api.framework import ApiError, endpoint
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registry import queries, services
from bmnn.registry.models import ItemKind, SecretItem

ITEM_SCHEMA = {
    "type": "object",
    "properties": {
        k: {}
        for k in (
            "id",
            "kind",
            "document_type",
            "number",
            "date",
            "summary",
            "level",
            "status",
            "basis",
            "regime",
            "classified_on",
            "protection_ends_on",
            "copies",
        )
    },
}
ITEM_CREATE = {
    "type": "object",
    "required": ["kind", "level", "basis"],
    "properties": {
        "kind": {"enum": list(ItemKind.values)},
        "document_type": {"type": "string"},
        "number": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "summary": {"type": "string"},
        "level": {"enum": ["confidential", "secret", "top_secret"]},
        "basis": {"type": "array", "items": {}},
        "copies": {"type": "integer", "minimum": 1},
        "classified_on": {"type": "string", "format": "date"},
        "circulation_scope": {"type": "string"},
        "level_reason": {"type": "string"},
    },
}
VIOLATIONS = {
    "description": "Vi phạm quy định",
    "type": "object",
    "properties": {"violations": {"type": "array"}},
}


def item_json(item: SecretItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "kind": item.kind,
        "document_type": item.document_type,
        "number": item.number,
        "date": item.date.isoformat() if item.date else None,
        "summary": "" if item.level == "top_secret" and item.regime != "2018" else item.summary,
        "level": item.level,
        "status": item.status,
        "basis": [
            {"id": b.pk, "citation": b.citation, "level": b.level}
            for b in item.basis.select_related("catalog")
        ],
        "regime": item.regime,
        "classified_on": item.classified_on.isoformat() if item.classified_on else None,
        "protection_ends_on": item.protection_ends_on.isoformat() if item.protection_ends_on else None,
        "copies": item.copies,
        "circulation_scope": item.circulation_scope,
    }


def _date(body: dict[str, Any], key: str, *, required: bool = False) -> dt.date | None:
    raw = body.get(key)
    if raw in (None, ""):
        if required:
            raise RuleViolation([Violation(f"{key}_missing", f"Thiếu trường {key} (YYYY-MM-DD).", "API")])
        return None
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise RuleViolation(
            [Violation(f"{key}_invalid", f"Trường {key}: ngày phải có dạng YYYY-MM-DD.", "API")]
        ) from None


def _ids(raw: Any) -> list[int]:
    try:
        return [int(b) for b in raw] if isinstance(raw, list) else []
    except (TypeError, ValueError):
        raise RuleViolation(
            [Violation("basis_invalid", "Trường basis: phải là danh sách mã số mục danh mục.", "API")]
        ) from None


def _input(body: dict[str, Any]) -> services.ItemInput:
    basis = body.get("basis")
    problems = []
    if not isinstance(basis, list) or not basis:
        problems.append(
            Violation(
                "basis_missing",
                "Trường basis: phải có ít nhất một mục danh mục BMNN làm căn cứ.",
                "Khoản 1 Điều 10 Luật 29/2018/QH14; Luật 117/2025/QH15",
            )
        )
    if body.get("kind", "paper_document") not in ItemKind.values:
        problems.append(Violation("kind_invalid", f"Trường kind không hợp lệ: {body.get('kind')!r}.", "API"))
    if body.get("level") not in ("confidential", "secret", "top_secret"):
        problems.append(
            Violation(
                "level_invalid",
                f"Trường level không hợp lệ: {body.get('level')!r}.",
                "Điều 8 Luật 29/2018/QH14",
            )
        )
    if problems:
        raise RuleViolation(problems)
    basis_ids = _ids(basis)
    try:
        copies = int(body.get("copies", 1))
    except (TypeError, ValueError):
        raise RuleViolation(
            [Violation("copies_invalid", "Trường copies phải là số nguyên.", "API")]
        ) from None
    return services.ItemInput(
        kind=body.get("kind", "paper_document"),
        level=body["level"],
        basis_ids=basis_ids,
        classified_on=_date(body, "classified_on") or clock.today(),
        document_type=str(body.get("document_type", "")),
        number=str(body.get("number", "")),
        date=_date(body, "date"),
        issuing_body=str(body.get("issuing_body", "")),
        summary=str(body.get("summary", "")),
        summary_consent=bool(body.get("summary_consent", False)),
        level_reason=str(body.get("level_reason", "")),
        copies=copies,
        circulation_scope=str(body.get("circulation_scope", "")),
    )


@endpoint(
    "GET",
    "/items/",
    summary="Danh sách tài liệu, vật chứa BMNN được phép xem",
    responses={200: {"type": "object", "properties": {"results": {"type": "array", "items": ITEM_SCHEMA}}}},
)
def list_items(request: AuthedRequest) -> tuple[int, Any]:
    qs = queries.search(
        request.user,
        request.GET.get("q", ""),
        level=request.GET.get("level", ""),
        status=request.GET.get("status", ""),
    )[:500]
    return 200, {"results": [item_json(i) for i in qs]}


@endpoint(
    "POST",
    "/items/",
    summary="Tạo mục: xác định độ mật ngay (người có thẩm quyền) hoặc đề xuất",
    request=ITEM_CREATE,
    responses={201: ITEM_SCHEMA, 422: VIOLATIONS},
)
def create_item(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    if not access.may_act_on_items(request.user):
        raise ApiError(403, "Vai trò này không được tạo tài liệu BMNN.")
    item = services.create_item(actor=request.user, data=_input(body))
    return 201, item_json(item)


@endpoint(
    "GET",
    "/items/{id}/",
    summary="Chi tiết một mục (404 nếu không được phép xem)",
    responses={200: ITEM_SCHEMA, 404: {"description": "Không tìm thấy"}},
)
def get_item(request: AuthedRequest, item_id: int) -> tuple[int, Any]:
    item = queries.get_item_for_user(request.user, item_id)
    services.record_view(actor=request.user, item=item, via="api")
    return 200, item_json(item)


def _acting(request: AuthedRequest, item_id: int) -> SecretItem:
    item = queries.get_item_for_user(request.user, item_id)
    if not access.may_act_on_items(request.user):
        raise ApiError(403, "Vai trò này chỉ được đọc, không thực hiện thao tác trên tài liệu BMNN.")
    return item


@endpoint(
    "POST",
    "/items/{id}/classify/",
    summary="Quyết định đề xuất: {approve, reason, on}",
    request={
        "type": "object",
        "properties": {
            "approve": {"type": "boolean"},
            "reason": {"type": "string"},
            "on": {"type": "string", "format": "date"},
        },
    },
    responses={200: ITEM_SCHEMA, 422: VIOLATIONS},
)
def classify(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = services.decide_proposal(
        actor=request.user,
        item=_acting(request, item_id),
        approve=bool(body.get("approve", True)),
        on=_date(body, "on") or clock.today(),
        reason=str(body.get("reason", "")),
    )
    return 200, item_json(item)


@endpoint(
    "POST",
    "/items/{id}/propose/",
    summary="Gửi lại đề xuất đã bị trả lại",
    responses={200: ITEM_SCHEMA, 422: VIOLATIONS},
)
def propose(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = services.resubmit_proposal(actor=request.user, item=_acting(request, item_id))
    return 200, item_json(item)


@endpoint(
    "POST",
    "/items/{id}/extend/",
    summary="Gia hạn thời hạn bảo vệ: {years, on}",
    request={
        "type": "object",
        "required": ["years"],
        "properties": {"years": {"type": "integer"}, "on": {"type": "string"}},
    },
    responses={200: ITEM_SCHEMA, 422: VIOLATIONS},
)
def extend(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    try:
        years = int(body.get("years", 0))
    except (TypeError, ValueError):
        years = 0
    item = services.extend_item(
        actor=request.user, item=_acting(request, item_id), on=_date(body, "on") or clock.today(), years=years
    )
    return 200, item_json(item)


@endpoint(
    "POST",
    "/items/{id}/relevel/",
    summary="Điều chỉnh độ mật: {level, basis, reason, on}",
    responses={200: ITEM_SCHEMA, 422: VIOLATIONS},
)
def relevel(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    basis = body.get("basis") or []
    item = services.relevel_item(
        actor=request.user,
        item=_acting(request, item_id),
        new_level=str(body.get("level")),
        basis_ids=_ids(basis),
        on=_date(body, "on") or clock.today(),
        reason=str(body.get("reason", "")),
    )
    return 200, item_json(item)


@endpoint(
    "POST",
    "/items/{id}/declassify/",
    summary="Giải mật theo hội đồng: {council_members, minutes_ref, decision_ref, partial_text, on}",
    responses={200: ITEM_SCHEMA, 422: VIOLATIONS},
)
def declassify(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    members = body.get("council_members") or []
    item = services.declassify_item(
        actor=request.user,
        item=_acting(request, item_id),
        on=_date(body, "on") or clock.today(),
        council_members=[str(m) for m in members] if isinstance(members, list) else [],
        minutes_ref=str(body.get("minutes_ref", "")),
        decision_ref=str(body.get("decision_ref", "")),
        partial_text=str(body.get("partial_text", "")),
    )
    return 200, item_json(item)
