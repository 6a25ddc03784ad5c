"""Detail pages of one act (copy permission, take-out, provision, recall, emergency report) and the
decisions taken on them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib.http import AuthedRequest
from bmnn.movements import forms, queries, services
from bmnn.movements.services.common import KEEPER_ROLES
from bmnn.movements.views.common import attempt, not_read_only, today_initial


def _page(
    request: AuthedRequest, template: str, obj: Any, forms_: dict[str, Any], violations: Any = ()
) -> HttpResponse:
    context = {
        "obj": obj,
        "item": obj.item,
        "forms": forms_,
        "violations": list(violations),
        "may_act": access.may_act_on_items(request.user),
        "is_keeper": request.user.role in KEEPER_ROLES,
        "user_is_head": request.user.role in ("head", "deputy"),
    }
    return render(request, f"movements/{template}.html", context, status=422 if violations else 200)


def _post(request: AuthedRequest, *, form: Any, act: Any, done: str, name: str, page: Any) -> HttpResponse:
    not_read_only(request)
    response, violations = attempt(request, form, act, done, lambda r: redirect(name, pk=r.pk))
    return response or page(form, violations)


# Copy permission -------------------------------------------------------------------------------


def _permission_forms(bound: Any = None) -> dict[str, Any]:
    forms_ = {
        "decide": forms.DecideForm(initial=today_initial("on")),
        "perform": forms.PerformForm(initial=today_initial("on")),
    }
    if bound is not None:
        forms_[bound[0]] = bound[1]
    return forms_


@login_required
def permission(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, "permission", queries.get_permission(request.user, pk), _permission_forms())


@login_required
@require_POST
def permission_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_permission(request.user, pk)
    form = forms.DecideForm(request.POST)
    act = lambda d: services.decide_copy(  # noqa: E731
        actor=request.user,
        permission=obj,
        approve=d["approve"],
        on=d["on"],
        refusal_reason=d["refusal_reason"],
        permission_ref=d["decision_ref"],
    )
    page = lambda f, v: _page(request, "permission", obj, _permission_forms(("decide", f)), v)  # noqa: E731
    return _post(
        request,
        form=form,
        act=act,
        done="Đã ghi quyết định về việc sao, chụp.",
        name="movements:permission",
        page=page,
    )


@login_required
@require_POST
def permission_perform(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_permission(request.user, pk)
    form = forms.PerformForm(request.POST)
    act = lambda d: services.perform_copy(actor=request.user, permission=obj, on=d["on"]) and obj  # noqa: E731
    page = lambda f, v: _page(request, "permission", obj, _permission_forms(("perform", f)), v)  # noqa: E731
    return _post(
        request,
        form=form,
        act=act,
        done="Đã sao, chụp, đánh số bản sao và vào sổ quản lý sao, chụp.",
        name="movements:permission",
        page=page,
    )


@login_required
def copy_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_copy(request.user, pk)
    return render(request, "movements/copy.html", {"obj": obj, "item": obj.item})


# Take-out ----------------------------------------------------------------------------------------


def _take_out_forms(bound: Any = None) -> dict[str, Any]:
    forms_ = {
        "decide": forms.DecideForm(initial=today_initial("on")),
        "return": forms.ReturnForm(initial=today_initial("returned_on")),
    }
    if bound is not None:
        forms_[bound[0]] = bound[1]
    return forms_


@login_required
def take_out(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, "take_out", queries.get_take_out(request.user, pk), _take_out_forms())


@login_required
@require_POST
def take_out_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_take_out(request.user, pk)
    form = forms.DecideForm(request.POST)
    act = lambda d: services.decide_take_out(  # noqa: E731
        actor=request.user,
        permit=obj,
        approve=d["approve"],
        on=d["on"],
        decision_ref=d["decision_ref"],
        refusal_reason=d["refusal_reason"],
    )
    page = lambda f, v: _page(request, "take_out", obj, _take_out_forms(("decide", f)), v)  # noqa: E731
    return _post(request, form=form, act=act, done="Đã ghi quyết định.", name="movements:take_out", page=page)


@login_required
@require_POST
def take_out_return(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_take_out(request.user, pk)
    form = forms.ReturnForm(request.POST)
    act = lambda d: services.confirm_take_out_return(  # noqa: E731
        actor=request.user, permit=obj, returned_on=d["returned_on"], report=d["report"]
    )
    page = lambda f, v: _page(request, "take_out", obj, _take_out_forms(("return", f)), v)  # noqa: E731
    return _post(
        request,
        form=form,
        act=act,
        done="Đã xác nhận trả lại tài liệu.",
        name="movements:take_out",
        page=page,
    )


# Provision ---------------------------------------------------------------------------------------


@login_required
def provision(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_provision(request.user, pk)
    return _page(
        request, "provision", obj, {"decide": forms.ProvisionDecideForm(initial=today_initial("on"))}
    )


@login_required
@require_POST
def provision_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_provision(request.user, pk)
    form = forms.ProvisionDecideForm(request.POST)
    act = lambda d: services.decide_provision(  # noqa: E731
        actor=request.user,
        request=obj,
        approve=d["approve"],
        on=d["on"],
        decision_ref=d["decision_ref"],
        refusal_reason=d["refusal_reason"],
        external_decider=d["external_decider"],
    )
    page = lambda f, v: _page(request, "provision", obj, {"decide": f}, v)  # noqa: E731
    return _post(
        request, form=form, act=act, done="Đã ghi quyết định.", name="movements:provision", page=page
    )


# Recall and emergency report ----------------------------------------------------------------------


@login_required
@require_POST
def recall_return(request: AuthedRequest, pk: int) -> HttpResponse:
    from django.contrib import messages

    not_read_only(request)
    obj = queries.get_recall(request.user, pk)
    form = forms.RecallReturnForm(request.POST)

    def act(d: dict[str, Any]) -> Any:
        return services.confirm_recall_return(actor=request.user, recall=obj, returned_on=d["returned_on"])

    response, violations = attempt(
        request,
        form,
        act,
        "Đã nhận lại tài liệu thu hồi.",
        lambda r: redirect("movements:item", item_id=r.item_id),
    )
    for v in violations:
        messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")
    return response or redirect("movements:item", item_id=obj.item_id)


@login_required
def emergency(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_emergency(request.user, pk)
    return _page(request, "emergency", obj, {"ack": forms.AcknowledgeForm(initial=today_initial("on"))})


@login_required
@require_POST
def emergency_acknowledge(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = queries.get_emergency(request.user, pk)
    form = forms.AcknowledgeForm(request.POST)
    act = lambda d: services.acknowledge_emergency(actor=request.user, report=obj, on=d["on"])  # noqa: E731
    page = lambda f, v: _page(request, "emergency", obj, {"ack": f}, v)  # noqa: E731
    return _post(
        request, form=form, act=act, done="Đã xác nhận đã xem báo cáo.", name="movements:emergency", page=page
    )
