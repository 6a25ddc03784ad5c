"""JSON API for incidents: clearance-filtered like the pages; refusals as 422 violations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.api.framework import ApiError, endpoint
from bmnn.incidents import queries, rules, services
from bmnn.incidents.models import Incident
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation

_STR = {"type": "string"}
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
INCIDENT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "kind": {"type": "string", "enum": list(rules.KINDS)},
        "level": _STR,
        "status": _STR,
        "description": _STR,
        "discovered_at": {"type": "string", "format": "date-time"},
        "police_report_due": {"type": "string", "format": "date-time"},
        "police_reported_at": {"type": "string", "format": "date-time", "nullable": True},
        "items": {"type": "array", "items": {"type": "integer"}},
    },
}
CREATE_REQUEST = {
    "type": "object",
    "required": ["kind", "description", "how_found", "discovered_at"],
    "properties": {
        "kind": {"type": "string", "enum": list(rules.KINDS)},
        "level": _STR,
        "items": {"type": "array", "items": {"type": "integer"}, "description": "Mục tài liệu bạn được xem"},
        "description": _STR,
        "how_found": _STR,
        "persons": _STR,
        "discovered_at": {"type": "string", "format": "date-time", "example": "2026-06-15T09:30:00+07:00"},
        "occurred_on": {"type": "string", "format": "date"},
    },
}


def incident_json(i: Incident) -> dict[str, Any]:
    return {
        "id": i.pk,
        "kind": i.kind,
        "level": i.level,
        "status": i.status,
        "description": i.description,
        "discovered_at": i.discovered_at.isoformat(),
        "police_report_due": i.police_report_due.isoformat(),
        "police_reported_at": i.police_reported_at.isoformat() if i.police_reported_at else None,
        "items": list(i.item_links.values_list("item_id", flat=True)),
    }


def _parse(
    body: dict[str, Any], found: list[Violation]
) -> tuple[dt.datetime | None, dt.date | None, list[int]]:
    discovered = occurred = None
    try:
        discovered = dt.datetime.fromisoformat(str(body.get("discovered_at", "")))
        if discovered.tzinfo is None:
            found.append(
                Violation(
                    "invalid_discovered_at", "discovered_at: cần múi giờ (ví dụ +07:00).", rules.BASIS_INPUT
                )
            )
            discovered = None
    except ValueError:
        found.append(
            Violation(
                "invalid_discovered_at", "discovered_at: không phải thời điểm ISO 8601.", rules.BASIS_INPUT
            )
        )
    if body.get("occurred_on"):
        try:
            occurred = dt.date.fromisoformat(str(body["occurred_on"]))
        except ValueError:
            found.append(
                Violation(
                    "invalid_occurred_on", "occurred_on: không phải ngày YYYY-MM-DD.", rules.BASIS_INPUT
                )
            )
    items = body.get("items") or []
    if not isinstance(items, list) or not all(isinstance(i, int) for i in items):
        found.append(Violation("invalid_items", "items: phải là danh sách số hiệu mục.", rules.BASIS_INPUT))
        items = []
    for key in ("kind", "level", "description", "how_found", "persons"):
        if not isinstance(body.get(key, ""), str):
            found.append(Violation(f"invalid_{key}", f"{key}: phải là chuỗi.", rules.BASIS_INPUT))
    return discovered, occurred, items


@endpoint(
    "GET",
    "/incidents/",
    summary="Sự cố lộ, mất người dùng được xem (theo mức tiếp cận)",
    responses={200: {"type": "array", "items": INCIDENT_SCHEMA}},
)
def list_incidents(request: AuthedRequest) -> tuple[int, Any]:
    return 200, [incident_json(i) for i in queries.visible_incidents(request.user)[:200]]


@endpoint(
    "POST",
    "/incidents/",
    summary="Báo cáo sự cố lộ, mất BMNN",
    request=CREATE_REQUEST,
    responses={201: INCIDENT_SCHEMA, 403: {"description": "Không có quyền"}, 422: _VIOLATIONS},
)
def create_incident(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    if not queries.may_report(request.user):
        raise ApiError(403, "Vai trò này không báo cáo sự cố qua bmnn.")
    found: list[Violation] = []
    discovered, occurred, items = _parse(body, found)
    if found:
        raise RuleViolation(found)
    incident = services.report_incident(
        actor=request.user,
        kind=str(body.get("kind", "")),
        level=str(body.get("level", "") or ""),
        item_ids=items,
        description=str(body.get("description", "")),
        how_found=str(body.get("how_found", "")),
        discovered_at=discovered,
        occurred_on=occurred,
        persons=str(body.get("persons", "")),
    )
    return 201, incident_json(incident)
