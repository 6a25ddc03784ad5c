"""Roll-up pages: this agency's key and its subordinates' keys; a report's consolidated view,
package import (several files at once, each accepted or refused on its own) and export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.plans import services
from bmnn.plans.models import Report, ReportStatus, Subordinate
from bmnn.plans.permissions import may_manage_plans
from bmnn.plans.rollup import keys
from bmnn.plans.rollup.consolidate import LEVEL_HEADERS
from bmnn.plans.rollup.package import MAX_BYTES, SUFFIX, display_fingerprint
from bmnn.plans.rollup.queries import consolidation
from bmnn.plans.views.common import agency_for_manager
from bmnn.plans.views.reports import report_for_user


class RegisterKeyForm(forms.Form):
    public_key = forms.CharField(
        label="Khóa công khai của đơn vị cấp dưới",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Một dòng dạng “bmnn-ed25519 <mã> <tên cơ quan>”, do đơn vị cấp dưới gửi.",
    )
    name = forms.CharField(label="Tên cơ quan, đơn vị (nếu khác tên trong khóa)", required=False)


@login_required
def rollup_keys(request: AuthedRequest) -> HttpResponse:
    agency = agency_for_manager(request)
    form = RegisterKeyForm(request.POST or None)
    violations = []
    if request.method == "POST" and form.is_valid():
        try:
            subordinate = services.register_subordinate(
                actor=request.user,
                agency=agency,
                public_key_text=form.cleaned_data["public_key"],
                name=form.cleaned_data["name"],
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, f"Đã đăng ký khóa của {subordinate.name}.")
            return redirect("plans:rollup_keys")
    context = {
        "own": keys.public_key_info(agency.pk, agency.name),
        "subordinates": [
            (s, display_fingerprint(s.fingerprint)) for s in Subordinate.objects.filter(agency=agency)
        ],
        "form": form,
        "violations": violations,
    }
    return render(request, "plans/rollup_keys.html", context)


@login_required
@require_POST
def rollup_key_deactivate(request: AuthedRequest, subordinate_id: int) -> HttpResponse:
    agency = agency_for_manager(request)
    subordinate = Subordinate.objects.filter(pk=subordinate_id, agency=agency).first()
    if subordinate is None:
        raise Http404
    try:
        services.deactivate_subordinate(
            actor=request.user, subordinate=subordinate, reason=request.POST.get("reason", "")
        )
    except RuleViolation as exc:
        for violation in exc.violations:
            messages.error(request, violation.message_vi)
    else:
        messages.success(request, f"Đã ngừng nhận gói ký bằng khóa của {subordinate.name}.")
    return redirect("plans:rollup_keys")


@login_required
def rollup_public_key(request: AuthedRequest) -> HttpResponse:
    agency = agency_for_manager(request)
    line = keys.public_key_info(agency.pk, agency.name).line()
    response = HttpResponse(line + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="khoa-cong-khai-{agency.pk}.txt"'
    return response


@login_required
def report_rollup(request: AuthedRequest, report_id: int) -> HttpResponse:
    report = report_for_user(request, report_id)
    if request.method == "POST":
        agency_for_manager(request)
        _import_files(request, report)
        return redirect("plans:report_rollup", report_id=report.pk)
    context = {
        "report": report,
        "view": consolidation(report, clock.today()),
        "may_manage": may_manage_plans(request.user),
        "suffix": SUFFIX,
        "level_headers": LEVEL_HEADERS,
        "may_export": may_manage_plans(request.user) and report.status == ReportStatus.FINAL,
    }
    return render(request, "plans/report_rollup.html", context)


def _import_files(request: AuthedRequest, report: Report) -> None:
    files = request.FILES.getlist("packages")
    if not files:
        messages.error(request, "Gói báo cáo: chưa chọn tệp nào.")
    batch = []
    for upload in files:
        if upload.size is not None and upload.size > MAX_BYTES:
            messages.error(request, f"{upload.name}: tệp quá lớn, không phải gói báo cáo.")
        else:
            batch.append((str(upload.name), upload.read()))
    for result in services.import_packages(actor=request.user, report=report, files=batch):
        if result.received is not None:
            messages.success(
                request, f"{result.name}: đã nhận báo cáo của {result.received.subordinate.name}."
            )
        for violation in result.violations:
            messages.error(request, f"{result.name}: {violation.message_vi}")


@login_required
@require_POST
def report_package(request: AuthedRequest, report_id: int) -> HttpResponse:
    report = report_for_user(request, report_id)
    if not may_manage_plans(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật và quản trị được xuất gói báo cáo.")
    try:
        data = services.export_package(actor=request.user, report=report)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("plans:report_detail", report_id=report.pk)
    name = f"bao-cao-{report.agency_id}-{report.period_end:%Y%m%d}{SUFFIX}"
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
