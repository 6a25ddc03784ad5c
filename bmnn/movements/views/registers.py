"""The copy register as a paper book, the index of movements and departing custodians."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import Violation
from bmnn.movements import forms, queries, services
from bmnn.movements.services.common import RECALL_ROLES
from bmnn.movements.views.common import attempt, not_read_only, today_initial


@login_required
def copy_register(request: AuthedRequest) -> HttpResponse:
    """Sổ quản lý sao, chụp BMNN: rows in number order, cancelled and destroyed ones visible and marked."""
    year_raw = request.GET.get("year", "")
    year = int(year_raw) if year_raw.isdigit() else clock.today().year
    rows = (
        queries.visible_copy_entries(request.user)
        .filter(year=year)
        .prefetch_related("copies")
        .order_by("seq")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "movements/copy_register.html", {"page": page, "year": year})


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    user, today = request.user, clock.today()
    due = queries.due_rows(user, today=today, days=30)
    context = {
        "permissions": queries.visible_permissions(user).filter(status__in=("requested", "approved"))[:50],
        "take_outs": queries.visible_take_outs(user).filter(status__in=("requested", "approved"))[:50],
        "provisions": queries.visible_provisions(user).filter(status="requested")[:50],
        "recalls": queries.visible_recalls(user).filter(returned_on__isnull=True)[:50],
        "cases": queries.visible_cases(user).exclude(stage__in=("destroyed", "rejected"))[:50],
        "emergencies": queries.visible_emergencies(user).filter(acknowledged_on__isnull=True)[:50],
        "departures": queries.visible_departures(user).filter(closed_on__isnull=True)[:50],
        "due": due,
        "overdue": queries.overdue(due, today),
        "may_recall": user.role in RECALL_ROLES,
    }
    return render(request, "movements/index.html", context)


@login_required
def departure_new(request: AuthedRequest) -> HttpResponse:
    not_read_only(request)
    form = forms.DepartureForm(
        request.POST or None, agency=request.user.agency, initial=today_initial("on", "deadline")
    )
    violations: list[Violation] = []
    if request.method == "POST":
        act = lambda d: services.open_departure(  # noqa: E731
            actor=request.user,
            custodian=d["custodian"],
            reason=d["reason"],
            on=d["on"],
            deadline=d["deadline"],
        )
        response, violations = attempt(
            request,
            form,
            act,
            "Đã ra lệnh thu hồi toàn bộ tài liệu người này đang quản lý.",
            lambda r: redirect("movements:departure", pk=r.pk),
        )
        if response:
            return response
    return render(
        request,
        "movements/departure_form.html",
        {"form": form, "violations": violations},
        status=422 if violations else 200,
    )


@login_required
def departure(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_departure(request.user, pk)
    recalls = queries.visible_recalls(request.user).filter(departure=obj)
    hidden = obj.recalls.count() - recalls.count()
    form = forms.CommitmentForm(initial=today_initial("signed_on"))
    return render(
        request,
        "movements/departure.html",
        {
            "obj": obj,
            "recalls": recalls,
            "hidden": hidden,
            "form": form,
            "return_form": forms.RecallReturnForm(initial=today_initial("returned_on")),
            "may_act": access.may_act_on_items(request.user),
        },
    )


@login_required
@require_POST
def departure_commitment(request: AuthedRequest, pk: int) -> HttpResponse:
    not_read_only(request)
    obj = queries.get_departure(request.user, pk)
    form = forms.CommitmentForm(request.POST)
    act = lambda d: services.record_departure_commitment(  # noqa: E731
        actor=request.user, departure=obj, commitment_ref=d["commitment_ref"], signed_on=d["signed_on"]
    )
    response, violations = attempt(
        request,
        form,
        act,
        "Đã ghi nhận cam kết; hoàn tất thu hồi.",
        lambda r: redirect("movements:departure", pk=r.pk),
    )
    if response:
        return response
    recalls = queries.visible_recalls(request.user).filter(departure=obj)
    return render(
        request,
        "movements/departure.html",
        {
            "obj": obj,
            "recalls": recalls,
            "hidden": obj.recalls.count() - recalls.count(),
            "form": form,
            "return_form": forms.RecallReturnForm(initial=today_initial("returned_on")),
            "violations": violations,
            "may_act": True,
        },
        status=422,
    )
