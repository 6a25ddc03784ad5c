"""/api/v1/ endpoints for movements: copy, take-out, return, recall, destroy; the copy register.

Same contract as #3: bearer token, ISO dates, 404 for items the caller may not see, 422 with every
violation ``{"violations": [{"code", "message", "basis"}]}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.accounts import access
from bmnn.accounts.models import User
from bmnn.api.framework import ApiError, endpoint
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.movements import queries, services
from bmnn.movements.models import CopyEntry, ItemCopy
from bmnn.registry.models import SecretItem
from bmnn.registry.queries import get_item_for_user

API = "Kiểm tra dữ liệu đầu vào (API)"
VIOLATIONS = {
    "description": "Vi phạm quy định",
    "type": "object",
    "properties": {"violations": {"type": "array"}},
}
COPY_REQUEST = {
    "type": "object",
    "required": ["kind", "quantity", "authorised_by", "recipients"],
    "properties": {
        "kind": {"enum": ["sao_y", "sao_luc", "trich_sao", "chup", "so_hoa"]},
        "quantity": {"type": "integer", "minimum": 1},
        "authorised_by": {"type": "string", "description": "tên đăng nhập người cho phép"},
        "recipients": {"type": "array", "items": {"type": "string"}},
        "permission_ref": {"type": "string"},
        "authorised_on": {"type": "string", "format": "date"},
        "performed_on": {"type": "string", "format": "date"},
    },
}
COPIES = {
    "type": "object",
    "properties": {
        "copies": {"type": "array", "items": {"type": "object", "properties": {"id": {}, "copy_number": {}}}}
    },
}


def _date(body: dict[str, Any], key: str, default: dt.date | None = None) -> dt.date:
    raw = body.get(key)
    if raw in (None, ""):
        if default is None:
            raise RuleViolation([Violation(f"{key}_missing", f"Thiếu trường {key} (YYYY-MM-DD).", API)])
        return default
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise RuleViolation(
            [Violation(f"{key}_invalid", f"Trường {key}: ngày phải có dạng YYYY-MM-DD.", API)]
        ) from None


def _int(body: dict[str, Any], key: str) -> int:
    try:
        return int(body.get(key))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RuleViolation([Violation(f"{key}_invalid", f"Trường {key}: phải là số nguyên.", API)]) from None


def _strings(body: dict[str, Any], key: str) -> list[str]:
    raw = body.get(key) or []
    if not isinstance(raw, list):
        raise RuleViolation([Violation(f"{key}_invalid", f"Trường {key}: phải là danh sách chuỗi.", API)])
    return [str(v) for v in raw]


def _user(actor: Any, username: Any) -> User | None:
    """A colleague of the same agency by username (another agency's people are unknown here)."""
    return User.objects.filter(agency_id=actor.agency_id, username=str(username or "")).first()


def _acting(request: AuthedRequest, item_id: int) -> SecretItem:
    item = get_item_for_user(request.user, item_id)
    if not access.may_act_on_items(request.user):
        raise ApiError(403, "Vai trò này chỉ được đọc, không thực hiện thao tác trên tài liệu BMNN.")
    return item


def _copy_of(request: AuthedRequest, item: SecretItem, raw: Any) -> ItemCopy | None:
    if raw in (None, ""):
        return None
    copy = queries.get_copy(request.user, raw)
    if copy.item_id != item.pk:
        raise RuleViolation(
            [Violation("copy_not_of_item", "Trường copy: bản sao không thuộc tài liệu này.", API)]
        )
    return copy


def copy_json(c: ItemCopy) -> dict[str, Any]:
    return {
        "id": c.pk,
        "copy_number": c.copy_number,
        "label": c.label,
        "item": c.item_id,
        "kind": c.kind,
        "level": c.item.level,
        "recipient": c.recipient,
        "register": {"year": c.entry.year, "seq": c.entry.seq},
        "destroyed_on": c.destroyed_on.isoformat() if c.destroyed_on else None,
    }


@endpoint(
    "POST",
    "/items/{id}/copy/",
    summary="Ghi nhận việc sao, chụp đã được người có thẩm quyền cho phép; cấp số bản sao và vào sổ sao, chụp",
    request=COPY_REQUEST,
    responses={201: COPIES, 404: {"description": "Không tìm thấy"}, 422: VIOLATIONS},
)
def copy_item(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = _acting(request, item_id)
    if "seq" in body or "copy_number" in body:
        raise RuleViolation(
            [Violation("number_by_hand", "Số vào sổ và số bản sao do hệ thống cấp, không gửi kèm.", API)]
        )
    today = clock.today()
    authorised_on = _date(body, "authorised_on", today)
    copies = services.record_copy(
        actor=request.user,
        item=item,
        kind=str(body.get("kind", "")),
        quantity=_int(body, "quantity"),
        recipients=_strings(body, "recipients"),
        authoriser=_user(request.user, body.get("authorised_by")),
        permission_ref=str(body.get("permission_ref", "")),
        authorised_on=authorised_on,
        performed_on=_date(body, "performed_on", max(authorised_on, today)),
    )
    return 201, {"copies": [copy_json(c) for c in copies]}


@endpoint(
    "POST",
    "/items/{id}/take-out/",
    summary="Đề nghị mang ra khỏi nơi lưu giữ {scope, purpose, place, period_from, period_to, protective_measures, copy}; "
    "hoặc quyết định một đề nghị {permit, approve, on, decision_ref, refusal_reason}",
    responses={201: {"type": "object"}, 200: {"type": "object"}, 422: VIOLATIONS},
)
def take_out(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = _acting(request, item_id)
    if body.get("permit") not in (None, ""):
        permit = queries.get_take_out(request.user, body["permit"])
        if permit.item_id != item.pk:
            raise ApiError(404, "Không tìm thấy.")
        permit = services.decide_take_out(
            actor=request.user,
            permit=permit,
            approve=bool(body.get("approve", True)),
            on=_date(body, "on", clock.today()),
            decision_ref=str(body.get("decision_ref", "")),
            refusal_reason=str(body.get("refusal_reason", "")),
        )
        return 200, take_out_json(permit)
    data = services.TakeOutInput(
        scope=str(body.get("scope", "in_country")),
        purpose=str(body.get("purpose", "")),
        place=str(body.get("place", "")),
        period_from=_date(body, "period_from"),
        period_to=_date(body, "period_to"),
        protective_measures=str(body.get("protective_measures", "")),
    )
    permit = services.request_take_out(
        actor=request.user, item=item, item_copy=_copy_of(request, item, body.get("copy")), data=data
    )
    return 201, take_out_json(permit)


def take_out_json(p: Any) -> dict[str, Any]:
    return {
        "id": p.pk,
        "item": p.item_id,
        "copy": p.item_copy_id,
        "scope": p.scope,
        "status": p.status,
        "period_from": p.period_from.isoformat(),
        "period_to": p.period_to.isoformat(),
        "decided_on": p.decided_on.isoformat() if p.decided_on else None,
        "returned_on": p.returned_on.isoformat() if p.returned_on else None,
    }


def recall_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.pk,
        "item": r.item_id,
        "copy": r.item_copy_id,
        "holder": r.holder_name,
        "deadline": r.deadline.isoformat(),
        "returned_on": r.returned_on.isoformat() if r.returned_on else None,
    }


@endpoint(
    "POST",
    "/items/{id}/return/",
    summary="Xác nhận trả lại: {permit, returned_on, report} (mang ra) hoặc {recall, returned_on} (thu hồi)",
    responses={200: {"type": "object"}, 422: VIOLATIONS},
)
def return_item(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = _acting(request, item_id)
    on = _date(body, "returned_on", clock.today())
    if body.get("recall") not in (None, ""):
        recall = queries.get_recall(request.user, body["recall"])
        if recall.item_id != item.pk:
            raise ApiError(404, "Không tìm thấy.")
        return 200, recall_json(
            services.confirm_recall_return(actor=request.user, recall=recall, returned_on=on)
        )
    open_permits = queries.visible_take_outs(request.user).filter(item=item, status="approved")
    permit = (
        open_permits.filter(pk=_int(body, "permit")).first() if body.get("permit") else open_permits.first()
    )
    if permit is None:
        raise RuleViolation(
            [Violation("return_not_open", "Không có giấy phép mang ra nào đang chờ trả lại.", API)]
        )
    permit = services.confirm_take_out_return(
        actor=request.user, permit=permit, returned_on=on, report=str(body.get("report", ""))
    )
    return 200, take_out_json(permit)


@endpoint(
    "POST",
    "/items/{id}/recall/",
    summary="Thu hồi: {holder (tên đăng nhập) | holder_name, reason, deadline, on, copy}",
    responses={201: {"type": "object"}, 422: VIOLATIONS},
)
def recall(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = _acting(request, item_id)
    holder = _user(request.user, body.get("holder")) if body.get("holder") else None
    if body.get("holder") and holder is None:
        raise RuleViolation(
            [Violation("holder_unknown", "Trường holder: không tìm thấy người dùng này.", API)]
        )
    on = _date(body, "on", clock.today())
    row = services.issue_recall(
        actor=request.user,
        item=item,
        item_copy=_copy_of(request, item, body.get("copy")),
        holder=holder,
        holder_name=str(body.get("holder_name", "")),
        reason=str(body.get("reason", "")),
        on=on,
        deadline=_date(body, "deadline"),
    )
    return 201, recall_json(row)


@endpoint(
    "POST",
    "/items/{id}/destroy/",
    summary="Tiêu hủy: hồ sơ đã hoàn tất trên giấy {include_item, copies, council, decision, destruction} "
    "hoặc tiêu hủy khẩn cấp {emergency: true, method, harm, report, on, copy}",
    responses={201: {"type": "object"}, 422: VIOLATIONS},
)
def destroy(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    item = _acting(request, item_id)
    if body.get("emergency"):
        row = services.destroy_in_emergency(
            actor=request.user,
            item=item,
            item_copy=_copy_of(request, item, body.get("copy")),
            method=str(body.get("method", "")),
            harm=str(body.get("harm", "")),
            report=str(body.get("report", "")),
            on=_date(body, "on", clock.today()),
        )
        return 201, {"emergency": row.pk, "item": item.pk, "copy": row.item_copy_id}
    copies = [_copy_of(request, item, c) for c in (body.get("copies") or [])]
    council, decision, destruction = (_dict(body, k) for k in ("council", "decision", "destruction"))
    today = clock.today()
    case = services.record_destruction_file(
        actor=request.user,
        item=item,
        copies=[c for c in copies if c],
        include_item=bool(body.get("include_item", True)),
        council={
            "reason": str(council.get("reason", "")),
            "proposed_on": _date(council, "proposed_on", today),
            "ref": str(council.get("ref", "")),
            "chair": str(council.get("chair", "")),
            "members": _strings(council, "members"),
            "on": _date(council, "on", today),
            "minutes_ref": str(council.get("minutes_ref", "")),
            "opinion": str(council.get("opinion", "")),
            "minutes_on": _date(council, "minutes_on", today),
        },
        decision={
            "decided_by": _user(request.user, decision.get("decided_by")),
            "ref": str(decision.get("ref", "")),
            "on": _date(decision, "on", today),
        },
        destruction={
            "method": str(destruction.get("method", "")),
            "persons": _strings(destruction, "persons"),
            "ref": str(destruction.get("ref", "")),
            "on": _date(destruction, "on", today),
        },
    )
    return 201, {"case": case.pk, "stage": case.stage, "lines": case.lines.count()}


def _dict(body: dict[str, Any], key: str) -> dict[str, Any]:
    value = body.get(key) or {}
    if not isinstance(value, dict):
        raise RuleViolation([Violation(f"{key}_invalid", f"Trường {key}: phải là một đối tượng JSON.", API)])
    return value


def entry_json(e: CopyEntry) -> dict[str, Any]:
    return {
        "id": e.pk,
        "book": e.book_id,
        "year": e.year,
        "seq": e.seq,
        "copied_on": e.copied_on.isoformat(),
        "item": e.item_id,
        "source": e.source_repr,
        "level": e.level,
        "kind": e.kind,
        "quantity": e.quantity,
        "copy_numbers": e.copy_numbers,
        "authoriser": e.authoriser_repr,
        "performer": e.performer_repr,
        "recipients": e.recipients_repr,
        "cancelled": e.is_cancelled,
        "cancel_reason": e.cancel_reason,
        "copies": [
            {
                "id": c.pk,
                "copy_number": c.copy_number,
                "destroyed_on": c.destroyed_on.isoformat() if c.destroyed_on else None,
            }
            for c in e.copies.all()
        ],
    }


@endpoint(
    "GET",
    "/registers/copies/",
    summary="Sổ quản lý sao, chụp BMNN (chỉ các dòng về tài liệu được phép xem); ?year=",
    responses={200: {"type": "object", "properties": {"results": {"type": "array"}}}},
)
def copy_register(request: AuthedRequest) -> tuple[int, Any]:
    qs = queries.visible_copy_entries(request.user).prefetch_related("copies")
    if request.GET.get("year", "").isdigit():
        qs = qs.filter(year=int(request.GET["year"]))
    return 200, {"results": [entry_json(e) for e in qs.order_by("-year", "-seq")[:1000]]}
