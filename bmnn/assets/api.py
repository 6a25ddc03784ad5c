"""/api/v1/computers/ — devices, and host-check report upload (the report JSON is the request body)."""

from __future__ import annotations

from typing import Any

from bmnn.api.framework import ApiError, endpoint
from bmnn.assets import queries, services
from bmnn.assets.models import Device, DeviceKind, DeviceStatus, NetworkStatus, Purpose
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation

DEVICE_SCHEMA = {
    "type": "object",
    "properties": {
        k: {}
        for k in (
            "id",
            "kind",
            "asset_tag",
            "hostname",
            "purpose",
            "network_status",
            "status",
            "location",
            "holder_id",
            "macs",
            "serials",
            "active_seal",
            "last_check",
        )
    },
}
DEVICE_CREATE = {
    "type": "object",
    "required": ["kind", "asset_tag", "purpose", "network_status"],
    "properties": {
        "kind": {"enum": list(DeviceKind.values)},
        "asset_tag": {"type": "string"},
        "hostname": {"type": "string"},
        "model_name": {"type": "string"},
        "location": {"type": "string"},
        "purpose": {"enum": list(Purpose.values)},
        "network_status": {"enum": list(NetworkStatus.values)},
        "macs": {"type": "array", "items": {"type": "string"}},
        "serials": {"type": "array", "items": {"type": "string"}},
        "notes": {"type": "string"},
    },
}
VIOLATIONS = {
    "description": "Vi phạm quy định",
    "type": "object",
    "properties": {"violations": {"type": "array"}},
}


def device_json(device: Device) -> dict[str, Any]:
    ids = list(device.identifiers.values_list("kind", "value"))
    seal = device.seals.filter(status="active").first()
    check = device.inspections.first()
    return {
        "id": device.pk,
        "kind": device.kind,
        "asset_tag": device.asset_tag,
        "hostname": device.hostname,
        "purpose": device.purpose,
        "network_status": device.network_status,
        "status": device.status,
        "location": device.location,
        "holder_id": device.holder_id,
        "macs": [v for k, v in ids if k == "mac"],
        "serials": [v for k, v in ids if k == "serial"],
        "active_seal": seal.number if seal else None,
        "last_check": {"checked_on": check.checked_on.isoformat(), "result": check.result} if check else None,
    }


def _strings(body: dict[str, Any], key: str) -> list[str]:
    raw = body.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise RuleViolation([Violation(f"{key}_invalid", f"Trường {key}: phải là danh sách chuỗi.", "API")])
    return raw


@endpoint(
    "GET",
    "/computers/",
    summary="Danh sách máy tính, thiết bị của cơ quan",
    responses={200: {"type": "object", "properties": {"results": {"type": "array", "items": DEVICE_SCHEMA}}}},
)
def list_devices(request: AuthedRequest) -> tuple[int, Any]:
    qs = queries.devices_for(request.user)
    for key in ("purpose", "kind", "status"):
        if request.GET.get(key):
            qs = qs.filter(**{key: request.GET[key]})
    return 200, {"results": [device_json(d) for d in qs[:1000]]}


@endpoint(
    "POST",
    "/computers/",
    summary="Đăng ký máy tính, thiết bị (mã tài sản, MAC, số sê-ri là duy nhất)",
    request=DEVICE_CREATE,
    responses={201: DEVICE_SCHEMA, 422: VIOLATIONS},
)
def create_device(request: AuthedRequest, body: dict[str, Any]) -> tuple[int, Any]:
    if not queries.may_manage(request.user):
        raise ApiError(403, "Vai trò này không được đăng ký thiết bị.")
    problems = [
        Violation(f"{key}_invalid", f"Trường {key} không hợp lệ: {body.get(key)!r}.", "API")
        for key, allowed in (
            ("kind", DeviceKind.values),
            ("purpose", Purpose.values),
            ("network_status", NetworkStatus.values),
        )
        if body.get(key) not in allowed
    ]
    if problems:
        raise RuleViolation(problems)
    device = services.register_device(
        actor=request.user,
        agency=request.user.agency,
        kind=body["kind"],
        asset_tag=str(body.get("asset_tag", "")),
        purpose=body["purpose"],
        network_status=body["network_status"],
        macs=_strings(body, "macs"),
        serials=_strings(body, "serials"),
        hostname=str(body.get("hostname", "")),
        model_name=str(body.get("model_name", "")),
        location=str(body.get("location", "")),
        notes=str(body.get("notes", "")),
    )
    return 201, device_json(device)


@endpoint(
    "GET",
    "/computers/{id}/",
    summary="Chi tiết một thiết bị",
    responses={200: DEVICE_SCHEMA, 404: {"description": "Không tìm thấy"}},
)
def get_device(request: AuthedRequest, device_id: int) -> tuple[int, Any]:
    return 200, device_json(queries.get_device_for_user(request.user, device_id))


@endpoint(
    "POST",
    "/computers/{id}/hostcheck/",
    summary="Nạp báo cáo bmnn hostcheck (nội dung yêu cầu là tệp hostcheck-report.json)",
    request={
        "type": "object",
        "description": "A host-check report (schema bmnn.hostcheck.report/1, see bmnn/hostcheck/SCHEMA.md).",
    },
    responses={201: {"type": "object"}, 422: VIOLATIONS},
)
def upload_hostcheck(request: AuthedRequest, body: dict[str, Any], device_id: int) -> tuple[int, Any]:
    device = queries.get_device_for_user(request.user, device_id)
    if not queries.may_manage(request.user) or device.status != DeviceStatus.IN_USE:
        raise ApiError(403, "Không được nạp báo cáo kiểm tra cho thiết bị này.")
    inspection = services.upload_hostcheck(actor=request.user, device=device, raw=request.body)
    return 201, {
        "id": inspection.pk,
        "device_id": device.pk,
        "checked_on": inspection.checked_on.isoformat(),
        "result": inspection.result,
        "verdicts": inspection.verdicts,
    }
