"""Download of a scan's report (HTML or PDF) without keeping anything on the server.

The results page carries the report signed (django.core.signing, bound to the user, valid for an
hour); the download posts it back and the server re-renders it. Nothing of the scan is stored, and a
forged or someone else's report is refused.
"""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.http import HttpResponse
from django.utils import timezone

from bmnn.scanner import ScanReport
from bmnn.scanner.htmlreport import render_html
from bmnn.scanner.pdfreport import render_pdf

SALT = "bmnn.scanning.report"
MAX_AGE_S = 3600


class BadReport(Exception):
    pass


def sign_report(report: ScanReport, *, user_id: int) -> str:
    return signing.dumps({"u": user_id, "r": report.to_dict()}, salt=SALT, compress=True)


def unsign_report(token: str, *, user_id: int) -> ScanReport:
    try:
        data: dict[str, Any] = signing.loads(token, salt=SALT, max_age=MAX_AGE_S)
    except signing.BadSignature as exc:
        raise BadReport("Báo cáo không hợp lệ hoặc đã quá một giờ: hãy rà soát lại tệp.") from exc
    if data.get("u") != user_id:
        raise BadReport("Báo cáo này không phải của bạn.")
    return ScanReport.from_dict(data["r"])


def download(report: ScanReport, fmt: str) -> HttpResponse:
    now = timezone.localtime()
    stamp = f"{now:%Y%m%d-%H%M}"
    if fmt == "pdf":
        response = HttpResponse(render_pdf(report, now=now), content_type="application/pdf")
        name = f"bao-cao-ra-soat-{stamp}.pdf"
    else:
        response = HttpResponse(render_html(report, now=now), content_type="text/html; charset=utf-8")
        name = f"bao-cao-ra-soat-{stamp}.html"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
