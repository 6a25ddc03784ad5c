"""Finding pages: record, report fixed, re-check, close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.inspections import queries, services
from bmnn.inspections.forms import FindingForm, FixForm, RecheckForm
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation


def _report(request: AuthedRequest, exc: RuleViolation) -> None:
    for v in exc.violations:
        messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")


def _form_errors(request: AuthedRequest, form: forms.Form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(str(e) for e in errors)}")


@login_required
@require_POST
def finding_create(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    inspection = queries.get_inspection_for_user(request.user, inspection_id)
    form = FindingForm(request.POST, inspection=inspection)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("inspections:detail", inspection_id=inspection.pk)
    d = form.cleaned_data
    answer = inspection.answers.filter(code=d["answer_code"]).first() if d["answer_code"] else None
    try:
        services.record_finding(
            actor=request.user,
            inspection=inspection,
            description=d["description"],
            severity=d["severity"],
            responsible_unit=d["responsible_unit"],
            due_on=d["due_on"],
            answer=answer,
        )
    except RuleViolation as exc:
        _report(request, exc)
    else:
        messages.success(request, "Đã ghi phát hiện.")
    return redirect("inspections:detail", inspection_id=inspection.pk)


def _finding_act(
    request: AuthedRequest,
    finding_id: int,
    form_class: type[forms.Form] | None,
    run: Callable[[Any, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    finding = queries.get_finding_for_user(request.user, finding_id)
    data: dict[str, Any] = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            _form_errors(request, form)
            return redirect("inspections:detail", inspection_id=finding.inspection_id)
        data = form.cleaned_data
    try:
        run(finding, data)
    except RuleViolation as exc:
        _report(request, exc)
    else:
        messages.success(request, done)
    return redirect("inspections:detail", inspection_id=finding.inspection_id)


@login_required
@require_POST
def finding_fix(request: AuthedRequest, finding_id: int) -> HttpResponse:
    return _finding_act(
        request,
        finding_id,
        FixForm,
        lambda f, d: services.mark_finding_fixed(actor=request.user, finding=f, remediation=d["remediation"]),
        "Đã ghi nhận khắc phục; chờ kiểm tra lại.",
    )


@login_required
@require_POST
def finding_recheck(request: AuthedRequest, finding_id: int) -> HttpResponse:
    return _finding_act(
        request,
        finding_id,
        RecheckForm,
        lambda f, d: services.recheck_finding(
            actor=request.user, finding=f, passed=d["passed"], note=d["note"]
        ),
        "Đã ghi kết quả kiểm tra lại.",
    )


@login_required
@require_POST
def finding_close(request: AuthedRequest, finding_id: int) -> HttpResponse:
    return _finding_act(
        request,
        finding_id,
        None,
        lambda f, d: services.close_finding(actor=request.user, finding=f),
        "Đã kết thúc phát hiện.",
    )


@login_required
def finding_list(request: AuthedRequest) -> HttpResponse:
    """All findings, filtered by ``state`` (open / overdue / closed) and ``age`` buckets for the dashboard."""
    if not queries.may_read(request.user):
        raise Http404
    state = request.GET.get("state", "open")
    today = clock.today()
    qs = {
        "overdue": queries.overdue_findings(request.user, today),
        "closed": queries.visible_findings(request.user).filter(status="closed"),
        "all": queries.visible_findings(request.user),
    }.get(state, queries.open_findings(request.user))
    bucket = request.GET.get("age", "")
    rows = [f for f in qs if not bucket or age_bucket((today - f.found_on).days) == bucket]
    return render(
        request,
        "inspections/finding_list.html",
        {"rows": rows, "state": state, "age": bucket, "today": today},
    )


AGE_BUCKETS = (("0-30", 30), ("31-90", 90), ("91-180", 180), (">180", None))


def age_bucket(days: int) -> str:
    for label, limit in AGE_BUCKETS:
        if limit is None or days <= limit:
            return label
    return AGE_BUCKETS[-1][0]
