from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.lib import clock
from bmnn.lib.webforms import apply_validation_error
from bmnn.org.models import Unit
from bmnn.plans import queries, services, timeline
from bmnn.plans.forms import DATE_WIDGET, PlanHeaderForm, header_from_form
from bmnn.plans.models import PlanStatus
from bmnn.plans.permissions import may_manage_plans, may_read_plans_of
from bmnn.plans.services.budget import budget_total
from bmnn.plans.views.budget import BudgetLineForm
from bmnn.plans.views.common import agency_for_manager
from bmnn.web.charts import bar_chart


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = queries.plans_for_user(request.user).prefetch_related("tasks")
    context = {
        "plans": plans,
        "may_manage": may_manage_plans(request.user),
        "due": queries.due_tasks(request.user, clock.today()),
        "reminder_days": queries.reminder_days(),
    }
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = queries.get_plan_for_user(request.user, plan_id)
    today = clock.today()
    tree = queries.task_tree(plan, today)
    tasks = [row.task for _, rows in tree for row in rows]
    progress = queries.unit_progress(plan, today)
    context = {
        "plan": plan,
        "tree": tree,
        "progress": progress,
        "progress_chart": bar_chart(
            [(p.unit[:20], p.percent) for p in progress], title="Tỉ lệ hoàn thành theo đơn vị (%)", height=150
        ),
        "budget_lines": plan.budget_lines.all(),
        "budget_total": budget_total(plan),
        "budget_form": BudgetLineForm(),
        "overdue": queries.overdue_tasks(plan, today),
        "chart": timeline.gantt(tasks, today=today, year=plan.year),
        "refs": plan.legal_refs.all(),
        "sub_plans": queries.sub_plan_rows(plan, request.user),
        "parent_readable": plan.parent is not None and may_read_plans_of(request.user, plan.parent.agency_id),
        "may_manage": may_manage_plans(request.user),
        "statuses": PlanStatus.choices,
        "task_form": TaskAddForm(agency_units=Unit.objects.filter(agency=plan.agency, is_active=True)),
        "today": today,
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    agency = agency_for_manager(request)
    form = PlanHeaderForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_plan(
                actor=request.user,
                agency=agency,
                header=header_from_form(form.cleaned_data),
                parent=form.cleaned_data["parent"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã tạo kế hoạch; thêm nhiệm vụ ở trang kế hoạch.")
            return redirect("plans:plan_detail", plan_id=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "title": "Lập kế hoạch mới"})


class TaskAddForm(forms.Form):
    text = forms.CharField(label="Nội dung nhiệm vụ", widget=forms.Textarea(attrs={"rows": 2}))
    lead_unit = forms.ModelChoiceField(label="Đơn vị chủ trì", queryset=Unit.objects.none(), required=False)
    deadline_date = forms.DateField(label="Hạn", widget=DATE_WIDGET, required=False)

    def __init__(self, *args: object, agency_units: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["lead_unit"].queryset = agency_units  # type: ignore[attr-defined]


@login_required
@require_POST
def task_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    agency = agency_for_manager(request)
    plan = queries.get_plan_for_user(request.user, plan_id)
    form = TaskAddForm(request.POST, agency_units=Unit.objects.filter(agency=agency, is_active=True))
    if form.is_valid():
        try:
            services.add_task(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, "Đã thêm nhiệm vụ.")
    else:
        messages.error(request, "Chưa thêm được nhiệm vụ: cần nội dung, hạn dạng dd/mm/yyyy.")
    return redirect("plans:plan_detail", plan_id=plan.pk)


@login_required
@require_POST
def plan_copy(request: HttpRequest, plan_id: int) -> HttpResponse:
    agency_for_manager(request)
    plan = queries.get_plan_for_user(request.user, plan_id)
    try:
        new = services.copy_plan_for_next_year(actor=request.user, plan=plan)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("plans:plan_detail", plan_id=plan.pk)
    flagged = sum(1 for ref in new.legal_refs.all() if ref.flags)
    note = f" {flagged} căn cứ pháp lý cần cập nhật (đã đánh dấu)." if flagged else ""
    messages.success(request, f"Đã lập dự thảo kế hoạch năm {new.year} từ kế hoạch này.{note}")
    return redirect("plans:plan_detail", plan_id=new.pk)


@login_required
@require_POST
def plan_status(request: HttpRequest, plan_id: int) -> HttpResponse:
    agency_for_manager(request)
    plan = queries.get_plan_for_user(request.user, plan_id)
    try:
        services.set_plan_status(actor=request.user, plan=plan, status=request.POST.get("status", ""))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, f"Kế hoạch: {plan.get_status_display()}.")
    return redirect("plans:plan_detail", plan_id=plan.pk)
