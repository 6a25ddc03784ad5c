"""Merger handover pages: the giving side reconciles, both sides sign."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib import levels
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import Violation
from bmnn.movements import forms, queries, services
from bmnn.movements.views.common import attempt, not_read_only, today_initial


@login_required
def merger_list(request: AuthedRequest) -> HttpResponse:
    return render(request, "movements/merger_list.html", {"mergers": queries.visible_mergers(request.user)})


@login_required
def merger_new(request: AuthedRequest) -> HttpResponse:
    not_read_only(request)
    form = forms.MergerForm(request.POST or None, agency=request.user.agency, initial=today_initial("on"))
    violations: list[Violation] = []
    if request.method == "POST":

        def act(d: dict[str, Any]) -> Any:
            return services.reconcile_merger(
                actor=request.user,
                to_agency=d["to_agency"],
                from_unit=d["from_unit"],
                to_unit=d["to_unit"],
                basis=d["basis"],
                on=d["on"],
                note=d["note"],
            )

        response, violations = attempt(
            request, form, act, "Đã lập biên bản đối chiếu.", lambda r: redirect("movements:merger", pk=r.pk)
        )
        if response:
            return response
    return render(
        request,
        "movements/merger_form.html",
        {"form": form, "violations": violations},
        status=422 if violations else 200,
    )


def _render(request: AuthedRequest, obj: Any, form: Any = None, violations: Any = ()) -> HttpResponse:
    clearance = access.effective_clearance(request.user)
    lines = obj.reconciliation.get("lines", [])
    shown = [ln for ln in lines if levels.covers(clearance, ln["level"])]
    differences = [
        d for d in obj.reconciliation.get("differences", []) if levels.covers(clearance, d["level"])
    ]
    context = {
        "obj": obj,
        "lines": shown,
        "hidden": len(lines) - len(shown),
        "differences": differences,
        "form": form or forms.SignForm(initial=today_initial("on")),
        "violations": list(violations),
        "may_act": access.may_act_on_items(request.user),
    }
    return render(request, "movements/merger.html", context, status=422 if violations else 200)


@login_required
def merger(request: AuthedRequest, pk: int) -> HttpResponse:
    return _render(request, queries.get_merger(request.user, pk))


@login_required
@require_POST
def merger_sign(request: AuthedRequest, pk: int) -> HttpResponse:
    not_read_only(request)
    obj = queries.get_merger(request.user, pk)
    form = forms.SignForm(request.POST)
    response, violations = attempt(
        request,
        form,
        lambda d: services.confirm_merger(actor=request.user, handover=obj, on=d["on"]),
        "Đã ký biên bản bàn giao.",
        lambda r: redirect("movements:merger", pk=r.pk),
    )
    return response or _render(request, obj, form, violations)
