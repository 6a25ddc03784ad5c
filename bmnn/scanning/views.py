"""/scan/ — drop files or a zip, read the verdicts, download the report (HTML or PDF)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from bmnn.lib import datadir
from bmnn.lib.http import AuthedRequest
from bmnn.scanning import queries, reports, services
from bmnn.scanning.forms import ReportForm, ScanForm
from bmnn.scanning.presentation import file_view, summary_view
from bmnn.scanning.uploads import (
    MAX_FILES,
    TempDirUploadHandler,
    declared_too_large,
    install_handler,
    max_upload_bytes,
    received_files,
    too_large_message,
    too_many_message,
)

TEMPLATE = "scanning/scan.html"


def _page(request: HttpRequest, form: ScanForm, status: int = 200, **extra: object) -> HttpResponse:
    context = {"form": form, "max_mb": max_upload_bytes() // (1024 * 1024), "max_files": MAX_FILES, **extra}
    return render(request, TEMPLATE, context, status=status)


# The upload handler must be installed before the CSRF check reads the body, hence exempt here and
# protected again on the inner view (Django docs, "Modifying upload handlers on the fly").
@csrf_exempt
@login_required
def scan(request: AuthedRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, ScanForm())
    if declared_too_large(request):  # refused before a byte of the body is read
        form = ScanForm(data={})
        form.add_error(None, too_large_message())
        return _page(request, form, status=413)
    with tempfile.TemporaryDirectory(
        prefix="bmnn-scan-", dir=datadir.private_tmp()
    ) as folder:  # deleted whatever happens
        handler = install_handler(request, Path(folder))
        return _scan_post(request, handler)


@csrf_protect
def _scan_post(request: AuthedRequest, handler: TempDirUploadHandler) -> HttpResponse:
    form = ScanForm(request.POST)
    try:
        files = received_files(request)
    except (TooManyFilesSent, RequestDataTooBig):
        form.add_error(None, too_many_message())
        return _page(request, form, status=400)
    if handler.exceeded:
        form.add_error(None, too_large_message())
        return _page(request, form, status=413)
    if not files:
        form.add_error(None, "Tệp tải lên: hãy chọn ít nhất một tệp để rà soát.")
    elif len(files) > MAX_FILES:
        form.add_error(None, too_many_message())
    if not form.is_valid():
        return _page(request, form, status=400)
    options = queries.options_for(request.user, redact=form.cleaned_data["redact"])
    outcome = services.scan_files(actor=request.user, files=files, options=options, via="web")
    report = outcome.report
    return _page(
        request,
        ScanForm(initial={"redact": form.cleaned_data["redact"]}),
        results=[file_view(r) for r in report.files],
        summary=summary_view(report),
        total=len(report.files),
        report_token=reports.sign_report(report, user_id=request.user.pk),
    )


@login_required
@require_POST
def report(request: AuthedRequest) -> HttpResponse:
    form = ReportForm(request.POST)
    if not form.is_valid():
        return HttpResponse(
            "Yêu cầu tải báo cáo không hợp lệ.", status=400, content_type="text/plain; charset=utf-8"
        )
    try:
        scan_report = reports.unsign_report(form.cleaned_data["report"], user_id=request.user.pk)
    except reports.BadReport as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return reports.download(scan_report, form.cleaned_data["format"])
