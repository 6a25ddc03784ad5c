"""Pages for re-level, correction (thu hồi / đính chính), need-to-know grants and repetitive documents."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.registry import queries, services
from bmnn.registry.forms import CorrectionForm, GrantForm, MarkForm, RelevelForm, RevokeForm, StandingForm
from bmnn.registry.models import ItemGrant, StandingAuthorisation
from bmnn.registry.views import _act, _not_inspector


@login_required
@require_POST
def item_relevel(request: AuthedRequest, item_id: int) -> HttpResponse:
    return _act(
        request,
        item_id,
        partial(RelevelForm, agency=request.user.agency),
        lambda item, d: services.relevel_item(
            actor=request.user,
            item=item,
            new_level=d["new_level"],
            basis_ids=[b.pk for b in d["basis"]],
            on=d["on"],
            reason=d["reason"],
        ),
        "Đã điều chỉnh độ mật; đã tạo nghĩa vụ thông báo cho nơi nhận.",
    )


@login_required
@require_POST
def item_correct(request: AuthedRequest, item_id: int) -> HttpResponse:
    return _act(
        request,
        item_id,
        partial(CorrectionForm, agency=request.user.agency),
        lambda item, d: services.correct_classification(
            actor=request.user,
            item=item,
            kind=d["kind"],
            on=d["on"],
            reason=d["reason"],
            document_ref=d["document_ref"],
            new_level=d["new_level"],
            basis_ids=[b.pk for b in d["basis"]],
            level_reason=d["level_reason"],
        ),
        "Đã ghi văn bản thu hồi / đính chính; đã tạo nghĩa vụ thông báo cho nơi nhận.",
    )


@login_required
@require_POST
def item_grant(request: AuthedRequest, item_id: int) -> HttpResponse:
    item = queries.get_item_for_user(request.user, item_id)
    return _act(
        request,
        item_id,
        partial(GrantForm, item=item),
        lambda item, d: services.grant_access(
            actor=request.user, item=item, user=d["user"], reason=d["reason"]
        ),
        "Đã cấp quyền tiếp cận.",
    )


@login_required
@require_POST
def item_grant_revoke(request: AuthedRequest, item_id: int, grant_id: int) -> HttpResponse:
    item = queries.get_item_for_user(request.user, item_id)
    grant = ItemGrant.objects.filter(item=item, pk=grant_id).select_related("item", "user").first()
    if grant is None:
        raise Http404
    return _act(
        request,
        item_id,
        RevokeForm,
        lambda _item, d: services.revoke_access(actor=request.user, grant=grant, reason=d["reason"]),
        "Đã thu hồi quyền tiếp cận (lịch sử vẫn được giữ).",
    )


def _standing_for_user(request: AuthedRequest, pk: int) -> StandingAuthorisation:
    auth = StandingAuthorisation.objects.filter(pk=pk, agency=request.user.agency).first()
    if auth is None or not access.may_access_level(request.user, auth.level):
        raise Http404
    return auth


@login_required
def standing_list(request: AuthedRequest) -> HttpResponse:
    """Authorisations the user is cleared for; the competent person creates new ones here."""
    _not_inspector(request)
    form = StandingForm(request.POST or None, agency=request.user.agency, initial={"on": clock.today()})
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.authorise_repetitive_kind(
                actor=request.user,
                document_type=d["document_type"],
                level=d["level"],
                basis_id=d["basis"].pk,
                on=d["on"],
                decision_ref=d["decision_ref"],
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, "Đã ghi văn bản cho phép đánh dấu văn bản lặp lại.")
            return redirect("registry:standing_list")
    rows = StandingAuthorisation.objects.filter(
        agency=request.user.agency, level__in=queries.allowed_levels(request.user)
    ).select_related("basis__catalog", "approved_by", "unit")
    return render(
        request,
        "registry/standing_list.html",
        {
            "rows": rows,
            "form": form,
            "violations": violations,
            "today": clock.today(),
            "may_authorise": request.user.role in ("head", "deputy"),
        },
    )


@login_required
def standing_mark(request: AuthedRequest, pk: int) -> HttpResponse:
    _not_inspector(request)
    auth = _standing_for_user(request, pk)
    form = MarkForm(request.POST or None, initial={"on": clock.today(), "document_type": auth.document_type})
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            item = services.mark_repetitive_document(
                actor=request.user, authorisation=auth, data=form.cleaned_data
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, f"Đã đánh dấu {item.get_level_display()} theo văn bản cho phép.")
            return redirect("registry:item_detail", item_id=item.pk)
    return render(
        request, "registry/standing_mark.html", {"auth": auth, "form": form, "violations": violations}
    )


@login_required
@require_POST
def standing_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    _not_inspector(request)
    auth = _standing_for_user(request, pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Lý do: phải ghi lý do.")
        return redirect("registry:standing_list")
    try:
        services.revoke_standing_authorisation(
            actor=request.user, authorisation=auth, on=clock.today(), reason=form.cleaned_data["reason"]
        )
    except RuleViolation as exc:
        for v in exc.violations:
            messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")
    else:
        messages.success(request, "Văn bản cho phép đã thôi áp dụng.")
    return redirect("registry:standing_list")
