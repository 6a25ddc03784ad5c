"""/api/v1/staff/ — staff records (same scoping as the pages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.accounts.models import User
from bmnn.api.framework import ApiError, endpoint
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.org.models import Position, Unit
from bmnn.people import queries, services
from bmnn.people.models import StaffRecord

STAFF_SCHEMA = {
    "type": "object",
    "properties": {
        k: {}
        for k in (
            "id",
            "full_name",
            "username",
            "unit_id",
            "position_id",
            "is_key_post",
            "key_post_review_due",
            "status",
            "designated",
            "has_commitment",
        )
    },
}
STAFF_CREATE = {
    "type": "object",
    "required": ["full_name"],
    "properties": {
        "full_name": {"type": "string"},
        "username": {"type": "string"},
        "unit_id": {"type": "integer"},
        "position_id": {"type": "integer"},
        "is_key_post": {"type": "boolean"},
        "key_post_review_due": {"type": "string", "format": "date"},
    },
}
VIOLATIONS = {
    "description": "Vi phạm quy định",
    "type": "object",
    "properties": {"violations": {"type": "array"}},
}


def staff_json(staff: StaffRecord) -> dict[str, Any]:
    return {
        "id": staff.pk,
        "full_name": staff.full_name,
        "username": staff.user.username if staff.user else None,
        "unit_id": staff.unit_id,
        "position_id": staff.position_id,
        "is_key_post": staff.is_key_post,
        "key_post_review_due": staff.key_post_review_due.isoformat() if staff.key_post_review_due else None,
        "status": staff.status,
        "designated": staff.designations.filter(ended_on__isnull=True).exists(),
        "has_commitment": staff.commitments.exists(),
    }


@endpoint(
    "GET",
    "/staff/",
    summary="Danh sách hồ sơ cán bộ (lãnh đạo, cán bộ bảo mật, kiểm tra viên: cả cơ quan; người khác: của mình)",
    responses={200: {"type": "object", "properties": {"results": {"type": "array", "items": STAFF_SCHEMA}}}},
)
def list_staff(request: AuthedRequest) -> tuple[int, Any]:
    return 200, {"results": [staff_json(s) for s in queries.staff_for(request.user)[:2000]]}


def _lookup(model: Any, agency_id: int | None, raw: Any, field: str) -> Any:
    if raw in (None, ""):
        return None
    found = model.objects.filter(agency_id=agency_id, **{field: raw}).first()
    if found is None:
        raise RuleViolation(
            [Violation(f"{field}_unknown", f"Không tìm thấy {field}={raw!r} trong cơ quan.", "API")]
        )
    return found


@endpoint(
    "POST",
    "/staff/",
    summary="Thêm hồ sơ cán bộ",
    request=STAFF_CREATE,
    responses={201: STAFF_SCHEMA, 422: VIOLATIONS},
)
def create_staff(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    if not queries.may_manage(request.user):
        raise ApiError(403, "Vai trò này không được thêm hồ sơ cán bộ.")
    agency_id = request.user.agency_id
    due_raw = body.get("key_post_review_due")
    try:
        due = dt.date.fromisoformat(due_raw) if due_raw else None
    except (TypeError, ValueError):
        raise RuleViolation(
            [Violation("key_post_review_due_invalid", "Trường key_post_review_due: YYYY-MM-DD.", "API")]
        ) from None
    staff = services.create_staff(
        actor=request.user,
        agency=request.user.agency,
        full_name=str(body.get("full_name", "")),
        user=_lookup(User, agency_id, body.get("username"), "username"),
        unit=_lookup(Unit, agency_id, body.get("unit_id"), "pk"),
        position=_lookup(Position, agency_id, body.get("position_id"), "pk"),
        is_key_post=bool(body.get("is_key_post", False)),
        key_post_review_due=due,
    )
    return 201, staff_json(staff)
