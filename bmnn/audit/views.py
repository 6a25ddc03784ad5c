from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.audit import ledger, queries
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})


class LedgerFilter(forms.Form):
    event = forms.CharField(label="Sự kiện (bắt đầu bằng)", required=False)
    actor = forms.CharField(label="Người thực hiện", required=False)
    subject = forms.CharField(label="Đối tượng", required=False)
    date_from = forms.DateField(label="Từ ngày", required=False, widget=DATE)
    date_to = forms.DateField(label="Đến ngày", required=False, widget=DATE)


def _reader(request: AuthedRequest) -> None:
    if not access.can_view_ledger(request.user):
        raise PermissionDenied("Chỉ cán bộ bảo mật, lãnh đạo và kiểm tra viên được xem sổ nhật ký.")


@login_required
def ledger_list(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    form = LedgerFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(queries.entries(**{k: v for k, v in filters.items() if v}), 50).get_page(
        request.GET.get("page")
    )
    rows = [queries.view_of(request.user, e) for e in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    template = "audit/_rows.html" if request.htmx else "audit/ledger.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "rows": rows,
            "head": ledger.head(),
            "query": query.urlencode(),
        },
    )


@login_required
@require_POST
def ledger_verify(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    result = ledger.verify(expect_head=request.POST.get("expect_head") or None)
    record(
        event="audit.ledger_verified",
        actor=request.user,
        payload={"ok": result.ok, "count": result.count, "head": result.head},
    )
    return render(request, "audit/_verify.html", {"result": result})


@login_required
def ledger_head_print(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    head = ledger.head()
    record(event="audit.head_printed", actor=request.user, payload={"head": head})
    return render(
        request,
        "audit/head_print.html",
        {"head": head, "printed_at": clock.now(), "agency": request.user.agency},
    )
