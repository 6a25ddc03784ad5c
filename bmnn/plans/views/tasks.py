from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.lib import clock
from bmnn.lib.webforms import apply_validation_error
from bmnn.plans import queries, services
from bmnn.plans.forms import DoneForm, EvidenceForm, TaskUpdateForm
from bmnn.plans.models import Task
from bmnn.plans.permissions import may_update_task


def _render(request: HttpRequest, task: Task, **forms: object) -> HttpResponse:
    may = may_update_task(request.user, task)
    initial = {
        "lead_unit": task.lead_unit,
        "deadline_date": task.deadline_date,
        "assignee": task.assignee,
        "status": task.status if task.status != "done" else "in_progress",
        "progress": task.progress,
    }
    context = {
        "task": task,
        "status": task.status_on(clock.today()),
        "evidence": task.evidence.select_related("added_by"),
        "may_update": may,
        "update_form": forms.get("update_form") or TaskUpdateForm(agency=task.plan.agency, initial=initial),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "done_form": forms.get("done_form") or DoneForm(),
    }
    return render(request, "plans/task_detail.html", context)


def _task_to_act_on(request: HttpRequest, task_id: int) -> Task:
    task = queries.get_task_for_user(request.user, task_id)
    if not may_update_task(request.user, task):
        raise PermissionDenied("Bạn không được cập nhật nhiệm vụ này.")
    return task


@login_required
def task_detail(request: HttpRequest, task_id: int) -> HttpResponse:
    return _render(request, queries.get_task_for_user(request.user, task_id))


@login_required
@require_POST
def task_update(request: HttpRequest, task_id: int) -> HttpResponse:
    task = _task_to_act_on(request, task_id)
    form = TaskUpdateForm(request.POST, agency=task.plan.agency)
    if form.is_valid():
        try:
            services.update_task(actor=request.user, task=task, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã cập nhật nhiệm vụ.")
            return redirect("plans:task_detail", task_id=task.pk)
    return _render(request, task, update_form=form)


@login_required
@require_POST
def task_evidence(request: HttpRequest, task_id: int) -> HttpResponse:
    task = _task_to_act_on(request, task_id)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_evidence(actor=request.user, task=task, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã thêm minh chứng.")
            return redirect("plans:task_detail", task_id=task.pk)
    return _render(request, task, evidence_form=form)


@login_required
@require_POST
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    task = _task_to_act_on(request, task_id)
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.mark_task_done(actor=request.user, task=task, note=form.cleaned_data["note"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã đánh dấu hoàn thành.")
            return redirect("plans:task_detail", task_id=task.pk)
    return _render(request, task, done_form=form)
