from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.webforms import apply_validation_error
from bmnn.plans import services
from bmnn.plans.forms import DATE_WIDGET
from bmnn.plans.models import Report, ReportStatus
from bmnn.plans.permissions import may_manage_plans, may_read_reports_of
from bmnn.plans.reporting import default_period
from bmnn.plans.services.reports import PARTS
from bmnn.plans.views.common import agency_for_manager


class ReportCreateForm(forms.Form):
    title = forms.CharField(label="Tiêu đề", max_length=500)
    period_start = forms.DateField(label="Số liệu từ ngày", widget=DATE_WIDGET)
    period_end = forms.DateField(label="Số liệu đến ngày", widget=DATE_WIDGET)
    deadline = forms.DateField(label="Hạn gửi", widget=DATE_WIDGET, required=False)
    recipient = forms.CharField(label="Nơi nhận báo cáo", max_length=300, required=False)
    subordinate_deadline = forms.DateField(
        label="Hạn đơn vị cấp dưới gửi báo cáo", widget=DATE_WIDGET, required=False
    )


class ReportPartsForm(forms.Form):
    part_a = forms.CharField(
        label=Report._meta.get_field("part_a").verbose_name, required=False, widget=forms.Textarea
    )
    part_b = forms.CharField(
        label=Report._meta.get_field("part_b").verbose_name, required=False, widget=forms.Textarea
    )
    part_c = forms.CharField(
        label=Report._meta.get_field("part_c").verbose_name, required=False, widget=forms.Textarea
    )
    part_d = forms.CharField(
        label=Report._meta.get_field("part_d").verbose_name, required=False, widget=forms.Textarea
    )


def report_for_user(request: AuthedRequest, report_id: int) -> Report:
    report = Report.objects.select_related("agency").filter(pk=report_id).first()
    if report is None or not may_read_reports_of(request.user, report.agency_id):
        raise Http404
    return report


@login_required
def report_list(request: AuthedRequest) -> HttpResponse:
    if not may_read_reports_of(request.user, request.user.agency_id):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật, quản trị và kiểm tra viên được xem báo cáo.")
    period = default_period(clock.today())
    initial = {
        "title": f"Báo cáo công tác bảo vệ bí mật nhà nước năm {period.end.year}",
        "period_start": period.start,
        "period_end": period.end,
        "deadline": period.deadline,
        "recipient": period.recipient,
    }
    form = ReportCreateForm(request.POST or None, initial=initial)
    if request.method == "POST":
        agency = agency_for_manager(request)
        if form.is_valid():
            try:
                report = services.create_report(actor=request.user, agency=agency, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "Đã lập báo cáo; số liệu đã được điền tự động.")
                return redirect("plans:report_detail", report_id=report.pk)
    reports = Report.objects.filter(agency_id=getattr(request.user, "agency_id", None) or 0)
    context = {"reports": reports, "form": form, "may_manage": may_manage_plans(request.user)}
    return render(request, "plans/report_list.html", context)


@login_required
def report_detail(request: AuthedRequest, report_id: int) -> HttpResponse:
    report = report_for_user(request, report_id)
    form = ReportPartsForm(request.POST or None, initial={name: getattr(report, name) for name in PARTS})
    if request.method == "POST":
        agency_for_manager(request)
        if form.is_valid():
            parts = {name: form.cleaned_data[name] for name in PARTS}
            try:
                services.update_report(
                    actor=request.user, report=report, parts=parts, finalize="finalize" in request.POST
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "Đã lưu báo cáo.")
                return redirect("plans:report_detail", report_id=report.pk)
    editable = may_manage_plans(request.user) and report.status == ReportStatus.DRAFT
    may_export = may_manage_plans(request.user) and report.status == ReportStatus.FINAL
    context = {"report": report, "form": form, "editable": editable, "may_export": may_export}
    return render(request, "plans/report_detail.html", context)


@login_required
def report_print(request: AuthedRequest, report_id: int) -> HttpResponse:
    return render(request, "plans/report_print.html", {"report": report_for_user(request, report_id)})


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
def report_file(request: AuthedRequest, report_id: int, fmt: str) -> HttpResponse:
    """DOCX or PDF through the shared NĐ 30/2020 renderers of ``bmnn.forms``."""
    import io

    from bmnn.forms.render.docx import render_docx
    from bmnn.forms.render.pdf import render_pdf
    from bmnn.plans.report_document import report_document

    report = report_for_user(request, report_id)
    if fmt not in CONTENT_TYPES:
        raise Http404
    out = io.BytesIO()
    (render_docx if fmt == "docx" else render_pdf)(report_document(report), out)
    response = HttpResponse(out.getvalue(), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{report.pk}.{fmt}"'
    return response
