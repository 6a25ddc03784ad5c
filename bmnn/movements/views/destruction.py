"""Destruction files: list, detail with the next step's form, each step one service."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib.http import AuthedRequest
from bmnn.movements import forms, queries, services
from bmnn.movements.forms import split_lines
from bmnn.movements.models import DestructionCase
from bmnn.movements.views.common import attempt, not_read_only, today_initial

STEP_FORMS: dict[str, tuple[str, Any]] = {
    "proposed": ("council", forms.CouncilForm),
    "council": ("minutes", forms.MinutesForm),
    "reviewed": ("decide", forms.DestroyDecisionForm),
    "decided": ("record", forms.DestructionRecordForm),
}


@login_required
def case_list(request: AuthedRequest) -> HttpResponse:
    cases = queries.visible_cases(request.user).prefetch_related("lines__item", "lines__item_copy")
    return render(request, "movements/case_list.html", {"cases": cases})


def _render(
    request: AuthedRequest, case: DestructionCase, form: Any = None, violations: Any = ()
) -> HttpResponse:
    step = STEP_FORMS.get(case.stage)
    if step and form is None:
        form = step[1](initial=today_initial("on"))
    context = {
        "case": case,
        "lines": case.lines.select_related("item", "item_copy"),
        "step": step[0] if step else "",
        "form": form,
        "violations": list(violations),
        "may_act": access.may_act_on_items(request.user),
    }
    return render(request, "movements/case_detail.html", context, status=422 if violations else 200)


@login_required
def case_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _render(request, queries.get_case(request.user, pk))


def _run_step(user: Any, case: DestructionCase, step: str, d: dict[str, Any]) -> DestructionCase:
    if step == "council":
        return services.form_council(
            actor=user,
            case=case,
            council_ref=d["council_ref"],
            chair=d["chair"],
            members=split_lines(d["members"]),
            on=d["on"],
        )
    if step == "minutes":
        return services.record_minutes(
            actor=user, case=case, minutes_ref=d["minutes_ref"], opinion=d["opinion"], on=d["on"]
        )
    if step == "decide":
        return services.decide_destruction(
            actor=user,
            case=case,
            approve=d["approve"],
            decision_ref=d["decision_ref"],
            on=d["on"],
            reason=d["reason"],
        )
    return services.record_destruction(
        actor=user,
        case=case,
        method=d["method"],
        persons=split_lines(d["persons"]),
        record_ref=d["record_ref"],
        on=d["on"],
    )


DONE = {
    "council": "Đã ghi quyết định thành lập hội đồng tiêu hủy.",
    "minutes": "Đã ghi biên bản họp hội đồng.",
    "decide": "Đã ghi quyết định.",
    "record": "Đã lập biên bản tiêu hủy: tài liệu, bản sao đã tiêu hủy.",
}


@login_required
@require_POST
def case_step(request: AuthedRequest, pk: int) -> HttpResponse:
    not_read_only(request)
    case = queries.get_case(request.user, pk)
    step = STEP_FORMS.get(case.stage)
    if step is None:
        return redirect("movements:case", pk=case.pk)
    form = step[1](request.POST)
    response, violations = attempt(
        request,
        form,
        lambda d: _run_step(request.user, case, step[0], d),
        DONE[step[0]],
        lambda r: redirect("movements:case", pk=r.pk),
    )
    return response or _render(request, case, form, violations)
