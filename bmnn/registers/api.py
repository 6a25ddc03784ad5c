"""/api/v1/registers/…, /api/v1/items/{id}/hand-over/, /api/v1/search/ — the contract of issue #4."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.accounts.models import User
from bmnn.api.framework import ApiError, endpoint
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registers import queries, search, services
from bmnn.registers.presenters import shown_summary
from bmnn.registry.queries import get_item_for_user

VIOLATIONS = {
    "description": "Vi phạm quy định",
    "type": "object",
    "properties": {"violations": {"type": "array"}},
}
ENTRY = {"type": "object", "properties": {k: {} for k in ("id", "book", "year", "seq", "level", "cancelled")}}
LIST = {"type": "object", "properties": {"results": {"type": "array", "items": ENTRY}, "next_page": {}}}
API = "API /api/v1/registers"


def _date(
    body: dict[str, Any], key: str, problems: list[Violation], *, default: dt.date | None = None
) -> Any:
    raw = body.get(key)
    if raw in (None, ""):
        if default is None:
            problems.append(Violation(f"{key}_missing", f"Thiếu trường {key} (YYYY-MM-DD).", API))
        return default
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        problems.append(Violation(f"{key}_invalid", f"Trường {key}: ngày phải có dạng YYYY-MM-DD.", API))
        return default


def _int(body: dict[str, Any], key: str, problems: list[Violation], default: int | None = None) -> Any:
    raw = body.get(key, default)
    if raw is None:
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        problems.append(Violation(f"{key}_invalid", f"Trường {key} phải là số nguyên.", API))
        return default


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def entry_json(e: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.pk,
        "kind": e.KIND,
        "book": e.book_id,
        "year": e.year,
        "seq": e.seq,
        "level": e.level,
        "imported": e.imported,
        "note": e.note,
        "cancelled": e.is_cancelled,
        "cancel_reason": e.cancel_reason,
        "cancelled_at": _iso(e.cancelled_at),
        "registered_at": _iso(e.registered_at),
        "item": e.item_id,
    }
    if e.KIND in ("outgoing", "incoming"):
        out.update(
            {
                "number": e.number,
                "date": _iso(e.doc_date),
                "document_type": e.document_type,
                "summary": shown_summary(e),
                "regime": e.regime,
            }
        )
    if e.KIND == "outgoing":
        out.update(
            {
                "signer": e.signer,
                "storage_unit": e.storage_unit,
                "quantity": e.quantity,
                "envelope": e.envelope,
                "recipients": [
                    {
                        "id": r.pk,
                        "recipient": r.recipient,
                        "signed_by": r.signed_by,
                        "signed_on": _iso(r.signed_on),
                        "method": r.method,
                    }
                    for r in e.receipts.all()
                ],
            }
        )
    elif e.KIND == "incoming":
        out.update(
            {
                "arrival_seq": e.seq,
                "arrival_date": _iso(e.arrival_date),
                "issuing_body": e.issuing_body,
                "receiving_unit": e.receiving_unit_id,
                "receiving_user": e.receiving_user_id,
                "sealed_for_addressee": e.sealed_for_addressee,
                "tampering": e.tampering,
            }
        )
    else:
        out.update(
            {
                "handed_on": _iso(e.handed_on),
                "from": e.from_user.username if e.from_user else None,
                "to": e.to_user.username,
                "status": e.status,
                "confirmed_on": _iso(e.confirmed_on),
                "confirmation_method": e.confirmation_method,
                "quantity": e.quantity,
            }
        )
    return out


def _list(request: AuthedRequest, kind: str) -> tuple[int, Any]:
    qs = queries.with_relations(queries.visible_entries(request.user, kind), kind).order_by("-year", "-seq")
    if request.GET.get("year", "").isdigit():
        qs = qs.filter(year=int(request.GET["year"]))
    page = max(int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1, 1)
    rows = list(qs[(page - 1) * 100 : page * 100 + 1])
    return 200, {
        "results": [entry_json(e) for e in rows[:100]],
        "next_page": page + 1 if len(rows) > 100 else None,
    }


def _writer(request: AuthedRequest) -> None:
    if not queries.may_write_registers(request.user):
        raise ApiError(403, "Chỉ văn thư hoặc cán bộ bảo mật được vào sổ đăng ký bí mật nhà nước.")


@endpoint(
    "GET",
    "/registers/outgoing/",
    summary="Sổ đăng ký BMNN đi (trong phạm vi được tiếp cận)",
    responses={200: LIST},
)
def list_outgoing(request: AuthedRequest) -> tuple[int, Any]:
    return _list(request, "outgoing")


@endpoint(
    "POST",
    "/registers/outgoing/",
    summary="Vào sổ đi; số thứ tự do máy chủ cấp (gửi 'seq' bị từ chối)",
    request={
        "type": "object",
        "required": ["item", "date", "recipients"],
        "properties": {
            "item": {"type": "integer"},
            "date": {"type": "string", "format": "date"},
            "signer": {},
            "recipients": {"type": "array"},
            "storage_unit": {},
            "quantity": {"type": "integer"},
        },
    },
    responses={201: ENTRY, 422: VIOLATIONS},
)
def create_outgoing(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    _writer(request)
    problems: list[Violation] = []
    recipients = body.get("recipients")
    if not isinstance(recipients, list):
        recipients = []
    data = services.OutgoingInput(
        item_id=_int(body, "item", problems),
        date=_date(body, "date", problems, default=clock.today()),
        recipients=[str(r) for r in recipients],
        signer=str(body.get("signer", "")),
        storage_unit=str(body.get("storage_unit", "")),
        quantity=_int(body, "quantity", problems, 1) or 0,
        addressee_name=str(body.get("addressee_name", "")),
        note=str(body.get("note", "")),
        summary=body["summary"] if isinstance(body.get("summary"), str) else None,
        seq=body.get("seq"),
    )
    try:
        entry = services.register_outgoing(actor=request.user, data=data)
    except RuleViolation as exc:
        raise RuleViolation(problems + exc.violations) from None
    if problems:
        raise RuleViolation(problems)
    return 201, entry_json(entry)


@endpoint("GET", "/registers/incoming/", summary="Sổ đăng ký BMNN đến", responses={200: LIST})
def list_incoming(request: AuthedRequest) -> tuple[int, Any]:
    return _list(request, "incoming")


@endpoint(
    "POST",
    "/registers/incoming/",
    summary="Vào sổ đến (số đến do máy chủ cấp)",
    request={
        "type": "object",
        "required": ["arrival_date", "issuing_body"],
        "properties": {
            k: {}
            for k in (
                "item",
                "arrival_date",
                "issuing_body",
                "number",
                "date",
                "document_type",
                "summary",
                "level",
                "receiving_unit",
                "receiving_user",
                "sealed_for_addressee",
                "tampering",
                "tampering_report",
            )
        },
    },
    responses={201: ENTRY, 422: VIOLATIONS},
)
def create_incoming(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    _writer(request)
    problems: list[Violation] = []
    item = body.get("item")
    fields = item if isinstance(item, dict) else body
    user = body.get("receiving_user")
    user_id = (
        (
            User.objects.filter(username=user, agency=request.user.agency)
            .values_list("pk", flat=True)
            .first()
            or -1
        )
        if isinstance(user, str)
        else _int(body, "receiving_user", problems)
    )
    data = services.IncomingInput(
        arrival_date=_date(body, "arrival_date", problems, default=clock.today()),
        issuing_body=str(fields.get("issuing_body", body.get("issuing_body", ""))),
        number=str(fields.get("number", "")),
        doc_date=_date(fields, "date", problems, default=None) if fields.get("date") else None,
        document_type=str(fields.get("document_type", "")),
        summary=str(fields.get("summary", "")),
        summary_consent=bool(fields.get("summary_consent", False)),
        level=str(fields.get("level", "")),
        item_id=_int(body, "item", problems) if not isinstance(item, dict) and item is not None else None,
        receiving_unit_id=_int(body, "receiving_unit", problems),
        receiving_user_id=user_id,
        sealed_for_addressee=bool(body.get("sealed_for_addressee", False)),
        tampering=bool(body.get("tampering")),
        tampering_report=str(body.get("tampering_report", "")),
        note=str(body.get("note", "")),
        seq=body.get("seq"),
    )
    try:
        entry = services.register_incoming(actor=request.user, data=data)
    except RuleViolation as exc:
        raise RuleViolation(problems + exc.violations) from None
    if problems:
        raise RuleViolation(problems)
    return 201, entry_json(entry)


@endpoint("GET", "/registers/handover/", summary="Sổ chuyển giao BMNN", responses={200: LIST})
def list_handover(request: AuthedRequest) -> tuple[int, Any]:
    return _list(request, "handover")


def _hand_over(request: AuthedRequest, body: dict[str, Any], item_id: Any) -> tuple[int, Any]:
    problems: list[Violation] = []
    item = get_item_for_user(request.user, item_id)
    to = body.get("to")
    lookup = {"username": to} if isinstance(to, str) else {"pk": to}
    to_user = User.objects.filter(**lookup).first() if to is not None else None
    if to_user is None:
        problems.append(Violation("to_unknown", "Trường to: không tìm thấy người nhận (tên đăng nhập).", API))
    on = _date(body, "date", problems, default=clock.today())
    quantity = _int(body, "quantity", problems, 1) or 0
    if to_user is None:
        raise RuleViolation(problems)
    try:
        entry = services.hand_over(
            actor=request.user,
            item=item,
            to_user=to_user,
            on=on,
            quantity=quantity,
            note=str(body.get("note", "")),
            seq=body.get("seq"),
        )
    except RuleViolation as exc:
        raise RuleViolation(problems + exc.violations) from None
    if problems:
        raise RuleViolation(problems)
    return 201, entry_json(entry)


HANDOVER_REQUEST = {
    "type": "object",
    "required": ["to"],
    "properties": {
        "to": {"description": "tên đăng nhập người nhận"},
        "date": {"type": "string", "format": "date"},
        "quantity": {"type": "integer"},
        "note": {},
    },
}


@endpoint(
    "POST",
    "/registers/handover/",
    summary="Vào sổ chuyển giao (item, to, date)",
    request={**HANDOVER_REQUEST, "required": ["item", "to"]},
    responses={201: ENTRY, 422: VIOLATIONS},
)
def create_handover(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    return _hand_over(request, body, body.get("item"))


@endpoint(
    "POST",
    "/items/{id}/hand-over/",
    summary="Giao tài liệu cho người khác (chờ người nhận ký nhận)",
    request=HANDOVER_REQUEST,
    responses={201: ENTRY, 404: {"description": "Không tìm thấy"}, 422: VIOLATIONS},
)
def item_hand_over(request: AuthedRequest, body: dict[str, Any], item_id: int) -> tuple[int, Any]:
    return _hand_over(request, body, item_id)


@endpoint(
    "POST",
    "/registers/handover/{id}/confirm/",
    summary="Người nhận ký nhận (hoặc văn thư ghi chữ ký giấy)",
    request={"type": "object", "properties": {"date": {}, "paper_signer": {}}},
    responses={200: ENTRY, 422: VIOLATIONS},
)
def confirm_handover(request: AuthedRequest, body: dict[str, Any], entry_id: int) -> tuple[int, Any]:
    entry = queries.get_entry_for_user(request.user, "handover", entry_id)
    problems: list[Violation] = []
    on = _date(body, "date", problems, default=clock.today())
    if problems:
        raise RuleViolation(problems)
    entry = services.confirm_handover(
        actor=request.user, entry=entry, on=on, paper_signer=str(body.get("paper_signer", ""))
    )
    return 200, entry_json(entry)


def params_from(get: Any) -> search.Params:
    def day(key: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(get.get(key, ""))
        except ValueError:
            return None

    return search.Params(
        q=get.get("q", ""),
        number=get.get("number", ""),
        body=get.get("body", ""),
        unit=get.get("unit", ""),
        level=get.get("level", ""),
        status=get.get("status", ""),
        kind=get.get("type", ""),
        date_from=day("date_from"),
        date_to=day("date_to"),
    )


@endpoint(
    "GET",
    "/search/",
    summary="Tìm trong sổ đăng ký và tài liệu (không dấu cũng được), lọc theo mức tiếp cận",
    responses={200: {"type": "object", "properties": {"results": {"type": "array"}, "next_page": {}}}},
)
def search_api(request: AuthedRequest) -> tuple[int, Any]:
    page = max(int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1, 1)
    hits, more = search.search(request.user, params_from(request.GET), page=page)
    return 200, {"results": [h.as_json() for h in hits], "next_page": page + 1 if more else None}
