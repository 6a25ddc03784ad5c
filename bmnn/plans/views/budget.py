from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from bmnn.plans import queries, services
from bmnn.plans.views.common import agency_for_manager


class BudgetLineForm(forms.Form):
    item = forms.CharField(label="Nội dung chi", max_length=500)
    amount = forms.IntegerField(label="Số tiền (đồng)", min_value=1)
    source = forms.CharField(label="Nguồn kinh phí", max_length=300, required=False)
    note = forms.CharField(label="Ghi chú", max_length=500, required=False)


@login_required
@require_POST
def budget_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    agency_for_manager(request)
    plan = queries.get_plan_for_user(request.user, plan_id)
    form = BudgetLineForm(request.POST)
    if form.is_valid():
        try:
            services.add_budget_line(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, "Đã thêm dòng kinh phí.")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}")
    return redirect("plans:plan_detail", plan_id=plan.pk)
