"""Pages for devices and secure USBs: bind a form, call one service, redirect (or show every reason)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from bmnn.assets import forms as f
from bmnn.assets import queries, services
from bmnn.assets.alerting import hostcheck_max_age_months
from bmnn.assets.hostreport import MAX_REPORT_BYTES
from bmnn.assets.models import DeviceInspection
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.web.formpage import form_page


def _manager(request: AuthedRequest) -> None:
    if not queries.may_manage(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật hoặc quản trị được cập nhật thiết bị.")


@login_required
def device_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    today = clock.today()
    agency = user.agency
    return render(
        request,
        "assets/device_list.html",
        {
            "devices": queries.devices_for(user).prefetch_related("seals", "inspections"),
            "alerts": queries.alerts(agency, today) if agency else [],
            "stats": queries.device_stats(agency, today) if agency else {},
            "may_manage": queries.may_manage(user),
            "max_months": hostcheck_max_age_months(),
        },
    )


@login_required
def device_create(request: AuthedRequest) -> HttpResponse:
    _manager(request)
    user = request.user
    form = f.DeviceForm(request.POST or None, agency=user.agency)

    return form_page(
        request,
        form,
        title="Đăng ký thiết bị",
        back=reverse("assets:device_list"),
        run=lambda d: services.register_device(actor=user, agency=user.agency, **d),
        done="Đã đăng ký thiết bị.",
        then=lambda device: reverse("assets:device_detail", args=[device.pk]),
    )


@login_required
def device_detail(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = queries.get_device_for_user(request.user, device_id)
    return render(
        request,
        "assets/device_detail.html",
        {
            "device": device,
            "identifiers": device.identifiers.all(),
            "seals": device.seals.all(),
            "inspections": device.inspections.all(),
            "wipes": device.wipes.all(),
            "may_manage": queries.may_manage(request.user) and device.status == "in_use",
            "may_read_reports": queries.may_read_reports(request.user, device),
        },
    )


def _device_action(request: AuthedRequest, device_id: int) -> Any:
    _manager(request)
    return queries.get_device_for_user(request.user, device_id)


@login_required
def device_update(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    initial = {
        "hostname": device.hostname,
        "network_status": device.network_status,
        "location": device.location,
        "unit": device.unit_id,
        "holder": device.holder_id,
        "notes": device.notes,
    }
    form = f.DeviceUpdateForm(request.POST or None, agency=request.user.agency, initial=initial)
    return form_page(
        request,
        form,
        title=f"Cập nhật thiết bị {device.asset_tag}",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=lambda d: services.update_device(actor=request.user, device=device, **d),
        done="Đã cập nhật thiết bị.",
    )


@login_required
def device_seal(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    form = f.SealForm(request.POST or None, initial={"sealed_on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Dán tem an toàn — {device.asset_tag}",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=lambda d: services.seal_device(actor=request.user, device=device, **d),
        done="Đã ghi nhận tem an toàn.",
        intro="Mỗi số tem chỉ được dùng một lần; tem đang còn hiệu lực trên máy sẽ được ghi là đã thay.",
    )


@login_required
def seal_break(request: AuthedRequest, device_id: int, seal_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    seal = device.seals.filter(pk=seal_id).first()
    if seal is None:
        raise Http404
    form = f.BreakSealForm(request.POST or None, initial={"on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Tem {seal.number} bị rách, bóc",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=lambda d: services.report_seal_broken(actor=request.user, seal=seal, **d),
        done="Đã ghi nhận tem bị rách, bóc.",
    )


@login_required
def device_inspect(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    form = f.InspectionForm(request.POST or None, initial={"checked_on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Ghi kết quả kiểm tra — {device.asset_tag}",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=lambda d: services.record_inspection(actor=request.user, device=device, **d),
        done="Đã ghi kết quả kiểm tra.",
    )


@login_required
def device_hostcheck(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    form = f.HostcheckUploadForm(request.POST or None, request.FILES or None)

    def run(d: dict[str, Any]) -> None:
        upload = d["report"]
        raw = upload.read(MAX_REPORT_BYTES + 1)
        services.upload_hostcheck(actor=request.user, device=device, raw=raw, inspector=d["inspector"])

    return form_page(
        request,
        form,
        title=f"Nạp báo cáo kiểm tra máy tính — {device.asset_tag}",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=run,
        done="Đã nạp báo cáo kiểm tra.",
        multipart=True,
        intro="Báo cáo phải đúng lược đồ, chưa bị sửa (report_sha256) và có địa chỉ MAC / số sê-ri khớp với thiết bị.",
    )


@login_required
def device_wipe(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    form = f.WipeForm(request.POST or None, initial={"wiped_on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Biên bản xóa dữ liệu — {device.asset_tag}",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=lambda d: services.record_wipe(actor=request.user, device=device, **d),
        done="Đã ghi nhận việc xóa dữ liệu.",
    )


@login_required
def device_retire(request: AuthedRequest, device_id: int) -> HttpResponse:
    device = _device_action(request, device_id)
    form = f.RetireForm(request.POST or None, initial={"on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Chuyển mục đích / thanh lý — {device.asset_tag}",
        back=reverse("assets:device_detail", args=[device.pk]),
        run=lambda d: services.retire_device(actor=request.user, device=device, **d),
        done="Đã ghi nhận.",
        intro="Khoản 7 Điều 5 Luật 29/2018/QH14: cấm chuyển mục đích sử dụng thiết bị khi chưa loại bỏ BMNN.",
    )


@login_required
def inspection_detail(request: AuthedRequest, device_id: int, inspection_id: int) -> HttpResponse:
    device = queries.get_device_for_user(request.user, device_id)
    if not queries.may_read_reports(request.user, device):
        raise PermissionDenied("Không được xem chi tiết báo cáo kiểm tra.")
    inspection = DeviceInspection.objects.filter(device=device, pk=inspection_id).first()
    if inspection is None:
        raise Http404
    report = inspection.report or {}
    return render(
        request,
        "assets/inspection_detail.html",
        {
            "device": device,
            "inspection": inspection,
            "machine": report.get("machine", {}),
            "evidence": report.get("evidence", [])[:500],
        },
    )
