from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib import clock, levels
from bmnn.lib.choices import Level
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.registry import queries, services
from bmnn.registry.forms import (
    CorrectionForm,
    DecideForm,
    DeclassifyForm,
    ExtendForm,
    GrantForm,
    ItemForm,
    RelevelForm,
    RevokeForm,
)
from bmnn.registry.models import ItemStatus
from bmnn.web.charts import bar_chart


def _not_inspector(request: AuthedRequest) -> None:
    if not access.may_act_on_items(request.user):
        raise PermissionDenied("Vai trò này không thực hiện được thao tác trên tài liệu BMNN.")


@login_required
def item_list(request: AuthedRequest) -> HttpResponse:
    q, level, status = (request.GET.get(k, "") for k in ("q", "level", "status"))
    page = Paginator(queries.search(request.user, q, level=level, status=status), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "registry/item_list.html",
        {
            "page": page,
            "may_act": access.may_act_on_items(request.user),
            "may_view_rules": access.can_manage_org(request.user) or request.user.role == "security_officer",
            "q": q,
            "level": level,
            "status": status,
            "levels": Level.choices,
            "statuses": ItemStatus.choices,
        },
    )


@login_required
def item_create(request: AuthedRequest) -> HttpResponse:
    _not_inspector(request)
    form = ItemForm(
        request.POST or None, agency=request.user.agency, initial={"classified_on": clock.today()}
    )
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.create_item(
                actor=request.user,
                data=services.ItemInput(
                    kind=data["kind"],
                    level=data["level"] or _highest(data["basis"]),
                    basis_ids=[b.pk for b in data["basis"]],
                    classified_on=data["classified_on"],
                    document_type=data["document_type"],
                    number=data["number"],
                    date=data["date"],
                    summary=data["summary"],
                    level_reason=data["level_reason"],
                    copies=data["copies"],
                    circulation_scope=data["circulation_scope"],
                ),
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            done = "Đã xác định độ mật" if item.status == ItemStatus.CLASSIFIED else "Đã gửi đề xuất độ mật"
            messages.success(request, f"{done}: {item}.")
            return redirect("registry:item_detail", item_id=item.pk)
    return render(request, "registry/item_form.html", {"form": form, "violations": violations})


def _highest(basis: Any) -> str:
    """Mixed contents take the highest level (khoản 2 Điều 10 Luật 29/2018/QH14)."""
    return max((b.level for b in basis), key=levels.rank, default="confidential")


@login_required
def item_detail(request: AuthedRequest, item_id: int) -> HttpResponse:
    item = queries.get_item_for_user(request.user, item_id)
    services.record_view(actor=request.user, item=item, via="page")
    today = clock.today()
    return render(
        request,
        "registry/item_detail.html",
        {
            "item": item,
            "basis": item.basis.select_related("catalog"),
            "acts": item.acts.all(),
            "obligations": item.obligations.all(),
            "show_summary": item.level != "top_secret" or item.regime == "2018",
            "decide_form": DecideForm(initial={"on": today}),
            "extend_form": ExtendForm(initial={"on": today}),
            "declassify_form": DeclassifyForm(initial={"on": today}),
            "relevel_form": RelevelForm(agency=item.agency, initial={"on": today}),
            "correction_form": CorrectionForm(agency=item.agency, initial={"on": today}),
            "can_act": request.user.role in ("head", "deputy"),
            "may_grant": services.may_grant(request.user),
            "grants": item.grants.select_related("user", "granted_by", "revoked_by"),
            "grant_form": GrantForm(item=item),
            "revoke_form": RevokeForm(),
        },
    )


def _act(request: AuthedRequest, item_id: int, form_class: Any, run: Any, done: str) -> HttpResponse:
    _not_inspector(request)
    item = queries.get_item_for_user(request.user, item_id)
    form = form_class(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}")
    else:
        try:
            run(item, form.cleaned_data)
        except RuleViolation as exc:
            for v in exc.violations:
                messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")
        else:
            messages.success(request, done)
    return redirect("registry:item_detail", item_id=item.pk)


@login_required
@require_POST
def item_decide(request: AuthedRequest, item_id: int) -> HttpResponse:
    return _act(
        request,
        item_id,
        DecideForm,
        lambda item, d: services.decide_proposal(
            actor=request.user, item=item, approve=d["approve"], on=d["on"], reason=d["reason"]
        ),
        "Đã ghi quyết định.",
    )


@login_required
@require_POST
def item_extend(request: AuthedRequest, item_id: int) -> HttpResponse:
    return _act(
        request,
        item_id,
        ExtendForm,
        lambda item, d: services.extend_item(actor=request.user, item=item, on=d["on"], years=d["years"]),
        "Đã gia hạn thời hạn bảo vệ.",
    )


@login_required
@require_POST
def item_declassify(request: AuthedRequest, item_id: int) -> HttpResponse:
    return _act(
        request,
        item_id,
        DeclassifyForm,
        lambda item, d: services.declassify_item(
            actor=request.user,
            item=item,
            on=d["on"],
            council_members=d["council_members"].splitlines(),
            minutes_ref=d["minutes_ref"],
            decision_ref=d["decision_ref"],
            partial_text=d["partial_text"],
        ),
        "Đã ghi quyết định giải mật.",
    )


@login_required
def due(request: AuthedRequest) -> HttpResponse:
    try:
        days = max(1, min(int(request.GET.get("days", 90)), 3650))
    except ValueError:
        days = 90
    today = clock.today()
    rows = queries.due_queue(request.user, today=today, days=days)
    # Thousands of rows on a large registry: the chart counts them all, the table shows a page.
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "registry/due.html",
        {"page": page, "days": days, "today": today, "chart": _expiry_chart(rows, today)},
    )


def _expiry_chart(rows: list[Any], today: dt.date) -> str:
    months = [(today.replace(day=1) + dt.timedelta(days=32 * i)).replace(day=1) for i in range(12)]
    counts = dict.fromkeys(months, 0)
    for row in rows:
        if row.kind == "protection_ends":
            key = row.due_on.replace(day=1)
            if key in counts:
                counts[key] += 1
    return bar_chart(
        [(m.strftime("%m/%Y"), n) for m, n in counts.items()],
        title="Số mục hết thời hạn bảo vệ theo tháng (12 tháng tới)",
    )
