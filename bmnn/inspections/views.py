"""Inspection pages: list, plan, detail with checklist and findings, printable record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.forms.delivery import CONTENT_TYPES, deliver
from bmnn.forms.printouts import Printout
from bmnn.inspections import queries, services
from bmnn.inspections.forms import CloseForm, FindingForm, FixForm, PlanForm, RecheckForm
from bmnn.inspections.models import AnswerStatus, InspectionStatus
from bmnn.inspections.rules.findings import PlanInput
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation

ANSWER_CHOICES = [
    (AnswerStatus.UNANSWERED, "— chưa đánh giá —"),
    (AnswerStatus.PASS, "Đạt"),
    (AnswerStatus.FAIL, "Không đạt"),
    (AnswerStatus.NOT_APPLICABLE, "Không áp dụng"),
]


def _reader(request: AuthedRequest) -> None:
    if not queries.may_read(request.user):
        raise Http404  # inspections are not listed for other roles at all


def _violations_to_messages(request: AuthedRequest, exc: RuleViolation) -> None:
    for v in exc.violations:
        messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")


@login_required
def inspection_list(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    return render(
        request,
        "inspections/inspection_list.html",
        {
            "inspections": queries.visible_inspections(request.user),
            "may_conduct": queries.may_conduct(request.user),
        },
    )


@login_required
def inspection_create(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    if not queries.may_conduct(request.user):
        raise PermissionDenied
    form = PlanForm(request.POST or None, agency=request.user.agency, initial={"starts_on": clock.today()})
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = PlanInput(
            d["title"], d["mode"], d["inspecting_body"], d["starts_on"], d["ends_on"], d["scope"], d["team"]
        )
        try:
            inspection = services.plan_inspection(
                actor=request.user, data=data, inspected_unit=d["inspected_unit"]
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, "Đã lập kế hoạch kiểm tra.")
            return redirect("inspections:detail", inspection_id=inspection.pk)
    return render(request, "inspections/inspection_form.html", {"form": form, "violations": violations})


@login_required
def inspection_detail(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    inspection = queries.get_inspection_for_user(request.user, inspection_id)
    in_progress = inspection.status == InspectionStatus.IN_PROGRESS
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "groups": queries.grouped_answers(inspection),
            "findings": inspection.findings.select_related("responsible_unit"),
            "may_conduct": queries.may_conduct(request.user),
            "may_fix": queries.may_fix(request.user),
            "in_progress": in_progress,
            "answer_choices": ANSWER_CHOICES,
            "finding_form": FindingForm(inspection=inspection, initial={"due_on": clock.today()}),
            "fix_form": FixForm(),
            "recheck_form": RecheckForm(),
            "close_form": CloseForm(),
        },
    )


def _act(request: AuthedRequest, inspection_id: int, run: Callable[[Any], Any], done: str) -> HttpResponse:
    inspection = queries.get_inspection_for_user(request.user, inspection_id)
    try:
        run(inspection)
    except RuleViolation as exc:
        _violations_to_messages(request, exc)
    else:
        messages.success(request, done)
    return redirect("inspections:detail", inspection_id=inspection.pk)


@login_required
@require_POST
def inspection_open(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    return _act(
        request,
        inspection_id,
        lambda i: services.open_inspection(actor=request.user, inspection=i),
        "Đã mở đợt kiểm tra: danh mục kiểm tra đã được lập và đánh giá tự động.",
    )


@login_required
@require_POST
def inspection_refresh(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    return _act(
        request,
        inspection_id,
        lambda i: services.refresh_automatic_checks(actor=request.user, inspection=i),
        "Đã đánh giá lại các nội dung tự động.",
    )


@login_required
@require_POST
def checklist_answer(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    inspection = queries.get_inspection_for_user(request.user, inspection_id)
    answers = {
        a.code: (request.POST.get(f"status_{a.code}", ""), request.POST.get(f"note_{a.code}", ""))
        for a in inspection.answers.all()
        if f"status_{a.code}" in request.POST
    }
    return _act(
        request,
        inspection_id,
        lambda i: services.answer_checklist(actor=request.user, inspection=i, answers=answers),
        "Đã lưu kết quả kiểm tra.",
    )


@login_required
@require_POST
def inspection_close(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    form = CloseForm(request.POST)
    conclusion = form.cleaned_data["conclusion"] if form.is_valid() else ""
    return _act(
        request,
        inspection_id,
        lambda i: services.close_inspection(actor=request.user, inspection=i, conclusion=conclusion),
        "Đã kết thúc đợt kiểm tra.",
    )


@login_required
def inspection_record(request: AuthedRequest, inspection_id: int) -> HttpResponse:
    """Biên bản kiểm tra, printable; DOCX/PDF from ``inspection_record_file``."""
    inspection = queries.get_inspection_for_user(request.user, inspection_id)
    return render(
        request,
        "inspections/inspection_record.html",
        {
            "inspection": inspection,
            "groups": queries.grouped_answers(inspection),
            "findings": inspection.findings.select_related("responsible_unit"),
            "today": clock.today(),
        },
    )


@login_required
def inspection_record_file(request: AuthedRequest, inspection_id: int, fmt: str) -> FileResponse:
    """The record as DOCX or PDF, through the forms print service (one ``forms.printed`` entry).

    The file is rendered into a temporary file first: if the ledger entry cannot be written the
    service raises and nothing is handed out."""
    from bmnn.inspections.record_document import record_document

    inspection = queries.get_inspection_for_user(request.user, inspection_id)  # 404 as the page
    if fmt not in CONTENT_TYPES:  # the URL names the format; anything else is no such file
        raise Http404
    printout = Printout(
        record_document(inspection),
        f"bien-ban-kiem-tra-{inspection.pk}",
        inspection,
        f"Biên bản kiểm tra: {inspection.title}",
    )
    return deliver(user=request.user, printout=printout, fmt=fmt, copies=1)
