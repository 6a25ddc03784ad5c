"""Incident pages: list, report, detail with handling, printable ad-hoc report to Công an."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.forms.delivery import CONTENT_TYPES, deliver
from bmnn.forms.printouts import Printout
from bmnn.incidents import queries, services
from bmnn.incidents.forms import ConclusionsForm, PoliceReportForm, ReportForm, StepForm
from bmnn.incidents.models import IncidentStatus
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation


@login_required
def incident_list(request: AuthedRequest) -> HttpResponse:
    qs = queries.visible_incidents(request.user)
    year, overdue = request.GET.get("year", ""), request.GET.get("overdue", "")
    if year.isdigit():
        qs = qs.filter(discovered_at__year=int(year))
    if overdue:
        qs = qs.filter(pk__in=queries.overdue_tasks(request.user, now=clock.now()).values("incident_id"))
    return render(
        request,
        "incidents/incident_list.html",
        {
            "incidents": qs,
            "may_report": queries.may_report(request.user),
            "year": year,
            "overdue": overdue,
            "now": clock.now(),
        },
    )


@login_required
def incident_create(request: AuthedRequest) -> HttpResponse:
    if not queries.may_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.POST or None, user=request.user, initial={"discovered_at": clock.now()})
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            incident = services.report_incident(
                actor=request.user,
                kind=d["kind"],
                level=d["level"],
                item_ids=[i.pk for i in d["items"]],
                description=d["description"],
                how_found=d["how_found"],
                discovered_at=d["discovered_at"],
                occurred_on=d["occurred_on"],
                persons=d["persons"],
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, "Đã ghi nhận sự cố; người đứng đầu được giao việc xử lý ngay.")
            if queries.visible_incidents(request.user).filter(pk=incident.pk).exists():
                return redirect("incidents:detail", incident_id=incident.pk)
            return redirect("incidents:list")
    return render(request, "incidents/incident_form.html", {"form": form, "violations": violations})


@login_required
def incident_detail(request: AuthedRequest, incident_id: int) -> HttpResponse:
    incident = queries.get_incident_for_user(request.user, incident_id)
    now = clock.now()
    return render(
        request,
        "incidents/incident_detail.html",
        {
            "incident": incident,
            "links": incident.item_links.select_related("item"),
            "tasks": incident.tasks.select_related("responsible", "done_by"),
            "steps": incident.steps.select_related("recorded_by"),
            "now": now,
            "may_handle": queries.may_handle(request.user) and incident.status == IncidentStatus.OPEN,
            "is_head": request.user.role == "head",
            "police_form": PoliceReportForm(
                initial={"reported_at": now, "recipient": incident.police_recipient}
            ),
            "step_form": StepForm(initial={"on": clock.today()}),
            "conclusions_form": ConclusionsForm(
                initial={
                    "causes": incident.causes,
                    "remediation": incident.remediation,
                    "discipline": incident.discipline,
                }
            ),
        },
    )


@login_required
def police_report(request: AuthedRequest, incident_id: int) -> HttpResponse:
    """Báo cáo đột xuất gửi Công an, printable (điểm b khoản 1 Điều 8 NĐ 26/2020/NĐ-CP)."""
    incident = queries.get_incident_for_user(request.user, incident_id)
    return render(
        request,
        "incidents/police_report.html",
        {
            "incident": incident,
            "links": incident.item_links.select_related("item"),
            "steps": incident.steps.all(),
            "today": clock.today(),
        },
    )


@login_required
def police_report_file(request: AuthedRequest, incident_id: int, fmt: str) -> FileResponse:
    """The ad-hoc report as DOCX or PDF, through the forms print service (one ``forms.printed``
    entry carrying the level). Rendered into a temporary file first: if the ledger entry cannot be
    written the service raises and nothing is handed out."""
    from bmnn.incidents.report_document import police_report_document

    incident = queries.get_incident_for_user(request.user, incident_id)  # 404 as the page
    if fmt not in CONTENT_TYPES:  # the URL names the format; anything else is no such file
        raise Http404
    printout = Printout(
        police_report_document(incident),
        f"bao-cao-dot-xuat-{incident.pk}",
        incident,
        f"Báo cáo đột xuất: {incident}",
    )
    return deliver(user=request.user, printout=printout, fmt=fmt, copies=1)


def _act(
    request: AuthedRequest,
    incident_id: int,
    form_class: type[forms.Form] | None,
    run: Callable[[Any, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    incident = queries.get_incident_for_user(request.user, incident_id)
    data: dict[str, Any] = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(request, f"{label}: {' '.join(str(e) for e in errors)}")
            return redirect("incidents:detail", incident_id=incident.pk)
        data = form.cleaned_data
    try:
        run(incident, data)
    except RuleViolation as exc:
        for v in exc.violations:
            messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")
    else:
        messages.success(request, done)
    return redirect("incidents:detail", incident_id=incident.pk)


@login_required
@require_POST
def acknowledge(request: AuthedRequest, incident_id: int) -> HttpResponse:
    return _act(
        request,
        incident_id,
        None,
        lambda i, d: services.acknowledge_head_notice(actor=request.user, incident=i),
        "Người đứng đầu đã xác nhận nhận báo cáo.",
    )


@login_required
@require_POST
def police_reported(request: AuthedRequest, incident_id: int) -> HttpResponse:
    return _act(
        request,
        incident_id,
        PoliceReportForm,
        lambda i, d: services.record_police_report(
            actor=request.user,
            incident=i,
            reference=d["reference"],
            reported_at=d["reported_at"],
            recipient=d["recipient"],
        ),
        "Đã ghi nhận báo cáo gửi Công an.",
    )


@login_required
@require_POST
def add_step(request: AuthedRequest, incident_id: int) -> HttpResponse:
    return _act(
        request,
        incident_id,
        StepForm,
        lambda i, d: services.add_handling_step(
            actor=request.user,
            incident=i,
            on=d["on"],
            description=d["description"],
            notified_classifier=d["notified_classifier"],
        ),
        "Đã ghi bước xử lý.",
    )


@login_required
@require_POST
def conclusions(request: AuthedRequest, incident_id: int) -> HttpResponse:
    return _act(
        request,
        incident_id,
        ConclusionsForm,
        lambda i, d: services.record_conclusions(actor=request.user, incident=i, **d),
        "Đã ghi nguyên nhân, khắc phục, xử lý.",
    )


@login_required
@require_POST
def close(request: AuthedRequest, incident_id: int) -> HttpResponse:
    return _act(
        request,
        incident_id,
        None,
        lambda i, d: services.close_incident(actor=request.user, incident=i),
        "Đã kết thúc xử lý sự cố.",
    )
