"""The compliance dashboard: the state of the agency's BMNN work, for its leadership and inspectors."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from bmnn.inspections import dashboard, queries
from bmnn.inspections.svg import linked_bar_chart
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest


@login_required
def dashboard_page(request: AuthedRequest) -> HttpResponse:
    if not queries.may_read(request.user):  # head, deputy, security officer, inspector
        raise Http404
    today, now, user = clock.today(), clock.now(), request.user
    training = dashboard.training(user, today)
    devices = dashboard.devices(user, today)
    findings = dashboard.findings_by_age(user, today)
    incidents = dashboard.incidents_by_year(user, today)
    charts = [
        ("Cán bộ được tập huấn", training, "Chưa có dữ liệu cán bộ, tập huấn."),
        ("Máy tính soạn thảo BMNN: tem, kiểm tra", devices, "Chưa có dữ liệu thiết bị."),
        ("Phát hiện chưa kết thúc theo tuổi (ngày)", findings, ""),
        ("Sự cố lộ, mất theo năm", incidents, ""),
    ]
    return render(
        request,
        "inspections/dashboard.html",
        {
            "today": today,
            "overdue": dashboard.overdue(user, today, now),
            "charts": [
                {
                    "title": t,
                    "svg": linked_bar_chart(bars, title=t) if bars is not None else None,
                    "bars": bars,
                    "missing": m,
                }
                for t, bars, m in charts
            ],
        },
    )
