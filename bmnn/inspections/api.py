"""JSON API for inspections: the same queries and services as the pages; refusals as 422 violations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.api.framework import ApiError, endpoint
from bmnn.inspections import queries, services
from bmnn.inspections.models import Inspection
from bmnn.inspections.rules.findings import BASIS_INSPECTION, MODES, PlanInput
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.org.models import Unit

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
INSPECTION_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": _STR,
        "mode": {"type": "string", "enum": list(MODES)},
        "inspecting_body": _STR,
        "inspected_unit": {"type": "integer", "nullable": True},
        "starts_on": _DATE,
        "ends_on": {**_DATE, "nullable": True},
        "status": _STR,
        "checklist_version": _STR,
        "results": {"type": "object", "description": "Số nội dung theo kết quả"},
        "open_findings": {"type": "integer"},
    },
}
CREATE_REQUEST = {
    "type": "object",
    "required": ["title", "mode", "starts_on", "scope", "team"],
    "properties": {
        "title": _STR,
        "mode": {"type": "string", "enum": list(MODES)},
        "inspecting_body": _STR,
        "inspected_unit": {"type": "integer"},
        "starts_on": _DATE,
        "ends_on": _DATE,
        "scope": _STR,
        "team": _STR,
        "open": {"type": "boolean", "description": "Mở ngay: lập danh mục kiểm tra và đánh giá tự động"},
    },
}


def inspection_json(i: Inspection) -> dict[str, Any]:
    results: dict[str, int] = {}
    for status in i.answers.values_list("status", flat=True):
        results[status] = results.get(status, 0) + 1
    return {
        "id": i.pk,
        "title": i.title,
        "mode": i.mode,
        "inspecting_body": i.inspecting_body,
        "inspected_unit": i.inspected_unit_id,
        "starts_on": i.starts_on.isoformat(),
        "ends_on": i.ends_on.isoformat() if i.ends_on else None,
        "status": i.status,
        "checklist_version": i.checklist_version,
        "results": results,
        "open_findings": i.findings.exclude(status="closed").count(),
    }


def _date(body: dict[str, Any], key: str, found: list[Violation]) -> dt.date | None:
    value = body.get(key)
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        found.append(
            Violation(
                f"invalid_{key}", f"{key}: “{value}” không phải ngày dạng YYYY-MM-DD.", BASIS_INSPECTION
            )
        )
        return None


def _text(body: dict[str, Any], key: str, found: list[Violation]) -> str:
    value = body.get(key, "")
    if not isinstance(value, str):
        found.append(Violation(f"invalid_{key}", f"{key}: phải là chuỗi.", BASIS_INSPECTION))
        return ""
    return value


@endpoint(
    "GET",
    "/inspections/",
    summary="Các đợt kiểm tra của cơ quan (lãnh đạo, cán bộ bảo mật, kiểm tra viên)",
    responses={200: {"type": "array", "items": INSPECTION_SCHEMA}},
)
def list_inspections(request: AuthedRequest) -> tuple[int, Any]:
    return 200, [inspection_json(i) for i in queries.visible_inspections(request.user)[:200]]


@endpoint(
    "POST",
    "/inspections/",
    summary="Lập kế hoạch kiểm tra (và mở ngay nếu open=true)",
    request=CREATE_REQUEST,
    responses={201: INSPECTION_SCHEMA, 403: {"description": "Không có quyền"}, 422: _VIOLATIONS},
)
def create_inspection(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    if not queries.may_conduct(request.user):
        raise ApiError(403, "Chỉ lãnh đạo, cán bộ bảo mật, kiểm tra viên lập kế hoạch kiểm tra.")
    found: list[Violation] = []
    starts_on, ends_on = _date(body, "starts_on", found), _date(body, "ends_on", found)
    title, mode, inspecting_body, scope, team = (
        _text(body, k, found) for k in ("title", "mode", "inspecting_body", "scope", "team")
    )
    unit = None
    if body.get("inspected_unit") is not None:
        unit = (
            Unit.objects.filter(pk=body["inspected_unit"], agency=request.user.agency).first()
            if isinstance(body["inspected_unit"], int)
            else None
        )
        if unit is None:
            found.append(
                Violation(
                    "unit_unknown", "inspected_unit: không tìm thấy đơn vị của cơ quan.", BASIS_INSPECTION
                )
            )
    data = PlanInput(title, mode, inspecting_body, starts_on, ends_on, scope, team)
    if found:
        from bmnn.inspections.rules.findings import check_plan

        raise RuleViolation(found + check_plan(data))
    inspection = services.plan_inspection(actor=request.user, data=data, inspected_unit=unit)
    if body.get("open") is True:
        inspection = services.open_inspection(actor=request.user, inspection=inspection)
    return 201, inspection_json(inspection)
