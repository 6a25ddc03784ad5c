"""The movements page of one item (the registry's item page links here) and the acts started from it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib.http import AuthedRequest
from bmnn.movements import forms, queries, services
from bmnn.movements.forms import split_lines
from bmnn.movements.services.common import KEEPER_ROLES
from bmnn.movements.views.common import attempt, not_read_only, today_initial
from bmnn.registry.models import SecretItem
from bmnn.registry.queries import get_item_for_user

FORMS: dict[str, Any] = {
    "copy_request": forms.CopyRequestForm,
    "copy_record": forms.CopyRecordForm,
    "take_out": forms.TakeOutForm,
    "provision": forms.ProvisionForm,
    "recall": forms.RecallForm,
    "emergency": forms.EmergencyForm,
    "propose": forms.ProposeForm,
}
DATES = {
    "copy_record": ("authorised_on", "performed_on"),
    "take_out": ("period_from", "period_to"),
    "recall": ("on", "deadline"),
    "emergency": ("on",),
    "propose": ("on",),
}


def _form(name: str, item: SecretItem, data: Any = None) -> Any:
    kwargs: dict[str, Any] = {}
    live_copies = item.item_copies.filter(destroyed_on__isnull=True)
    if name in ("copy_request", "copy_record"):
        kwargs["agency"] = item.agency
    if name in ("take_out", "recall", "emergency", "propose"):
        kwargs["copies"] = live_copies
    # Several forms share one page: the prefix keeps their field ids and names apart.
    return FORMS[name](data, prefix=name, initial=today_initial(*DATES.get(name, ())), **kwargs)


def render_item(
    request: AuthedRequest, item: SecretItem, *, bound: str = "", form: Any = None, violations: Any = ()
) -> HttpResponse:
    forms_ = {name: (form if name == bound else _form(name, item)) for name in FORMS}
    context = {
        "item": item,
        "m": queries.item_movements(request.user, item),
        "forms": forms_,
        "bound": bound,
        "violations": list(violations),
        "may_act": access.may_act_on_items(request.user) and item.status == "classified",
        "is_keeper": request.user.role in KEEPER_ROLES,
    }
    return render(request, "movements/item.html", context, status=422 if violations else 200)


@login_required
def item_movements(request: AuthedRequest, item_id: int) -> HttpResponse:
    return render_item(request, get_item_for_user(request.user, item_id))


def _copy(item: SecretItem, pk: Any) -> Any:
    if not pk:
        return None
    found = item.item_copies.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _act_on(name: str, request: AuthedRequest, item_id: int) -> HttpResponse:
    not_read_only(request)
    item = get_item_for_user(request.user, item_id)
    form = _form(name, item, request.POST)
    back = lambda r: _after(name, item, r)  # noqa: E731
    response, violations = attempt(
        request, form, lambda d: ACTS[name](request.user, item, d), DONE[name], back
    )
    return response or render_item(request, item, bound=name, form=form, violations=violations)


AFTER = {
    "copy_request": "movements:permission",
    "take_out": "movements:take_out",
    "provision": "movements:provision",
    "emergency": "movements:emergency",
    "propose": "movements:case",
}


def _after(name: str, item: SecretItem, result: Any) -> HttpResponse:
    if name in AFTER:
        return redirect(AFTER[name], pk=result.pk)
    return redirect("movements:item", item_id=item.pk)


def _request_copy(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    return services.request_copy(
        actor=user,
        item=item,
        kind=d["kind"],
        quantity=d["quantity"],
        recipients=split_lines(d["recipients"]),
        authoriser=d["authoriser"],
        purpose=d["purpose"],
    )


def _record_copy(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    return services.record_copy(
        actor=user,
        item=item,
        kind=d["kind"],
        quantity=d["quantity"],
        recipients=split_lines(d["recipients"]),
        authoriser=d["authoriser"],
        permission_ref=d["permission_ref"],
        authorised_on=d["authorised_on"],
        performed_on=d["performed_on"],
    )


def _take_out(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    data = services.TakeOutInput(
        d["scope"], d["purpose"], d["place"], d["period_from"], d["period_to"], d["protective_measures"]
    )
    return services.request_take_out(actor=user, item=item, item_copy=_copy(item, d["copy"]), data=data)


def _provision(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    return services.register_provision_request(actor=user, item=item, data=services.ProvisionInput(**d))


def _recall(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    return services.issue_recall(
        actor=user,
        item=item,
        item_copy=_copy(item, d["copy"]),
        holder=None,
        holder_name=d["holder_name"],
        reason=d["reason"],
        on=d["on"],
        deadline=d["deadline"],
    )


def _emergency(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    return services.destroy_in_emergency(
        actor=user,
        item=item,
        item_copy=_copy(item, d["copy"]),
        method=d["method"],
        harm=d["harm"],
        report=d["report"],
        on=d["on"],
    )


def _propose(user: Any, item: SecretItem, d: dict[str, Any]) -> Any:
    copies = [_copy(item, pk) for pk in d["copies"]]
    return services.propose_destruction(
        actor=user, items=[item] if d["include_item"] else [], copies=copies, reason=d["reason"], on=d["on"]
    )


ACTS = {
    "copy_request": _request_copy,
    "copy_record": _record_copy,
    "take_out": _take_out,
    "provision": _provision,
    "recall": _recall,
    "emergency": _emergency,
    "propose": _propose,
}
DONE = {
    "copy_request": "Đã gửi đề nghị sao, chụp tới người có thẩm quyền.",
    "copy_record": "Đã ghi nhận bản sao và vào sổ quản lý sao, chụp.",
    "take_out": "Đã gửi đề nghị mang tài liệu ra khỏi nơi lưu giữ.",
    "provision": "Đã ghi nhận đề nghị cung cấp, chuyển giao.",
    "recall": "Đã ra lệnh thu hồi.",
    "emergency": "Đã ghi nhận tiêu hủy khẩn cấp và gửi báo cáo tới người đứng đầu.",
    "propose": "Đã lập đề xuất tiêu hủy.",
}


def _view(name: str) -> Any:
    @login_required
    @require_POST
    def view(request: AuthedRequest, item_id: int) -> HttpResponse:
        return _act_on(name, request, item_id)

    view.__name__ = f"{name}_view"
    return view


copy_request = _view("copy_request")
copy_record = _view("copy_record")
take_out = _view("take_out")
provision = _view("provision")
recall = _view("recall")
emergency = _view("emergency")
propose = _view("propose")
