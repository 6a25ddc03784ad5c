"""“In / Tải về” pages: a register book, an item's forms and stamps, an act's documents, a copy's
stamps, the thống kê, the form catalogue and import."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from bmnn.accounts import access
from bmnn.forms import printouts, rules, services
from bmnn.forms.catalogue.library import all_definitions
from bmnn.forms.catalogue.select import in_force
from bmnn.forms.delivery import deliver, parse_copies
from bmnn.forms.sources import items, statistics
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation


def _deliver(request: AuthedRequest, printout: printouts.Printout) -> HttpResponseBase:
    """The ledgered printout, or a 400 page naming the rule (bad format or number of copies)."""
    try:
        return deliver(user=request.user, printout=printout, fmt=request.GET.get("format", "pdf"),
                       copies=parse_copies(request.GET.get("copies")),
                       token=request.GET.get("download_token", ""))  # fmt: skip
    except RuleViolation as exc:
        return render(request, "forms/refused.html", {"violations": exc.violations}, status=400)


@login_required
def catalogue(request: AuthedRequest) -> HttpResponse:
    today = clock.today()
    return render(request, "forms/catalogue.html", {
        "today": today, "definitions": in_force(all_definitions(), today),
        "may_import": not rules.check_import(request.user.role),
        "may_read_statistics": statistics.may_read_statistics(request.user),
    })  # fmt: skip


@login_required
def register_print(request: AuthedRequest, kind: str, year: int) -> HttpResponseBase:
    cancelled = request.GET.get("cancelled") != "0"
    return _deliver(
        request, printouts.register_printout(request.user, kind, year, include_cancelled=cancelled)
    )


@login_required
def item_form(request: AuthedRequest, item_id: int, form_id: str) -> HttpResponseBase:
    return _deliver(request, printouts.item_printout(request.user, item_id, form_id))


@login_required
def item_forms(request: AuthedRequest, item_id: int) -> HttpResponse:
    item = items.get_item(request.user, item_id)
    today = clock.today()
    defs = [d for d in in_force(all_definitions(), today) if d.source == "item"]
    return render(request, "forms/item_forms.html", {"item": item, "definitions": defs})


@login_required
def import_definition(request: AuthedRequest) -> HttpResponse:
    if rules.check_import(request.user.role) or not access.is_active_user(request.user):
        raise PermissionDenied("Chỉ Quản trị hệ thống hoặc Cán bộ bảo mật được nhập định nghĩa biểu mẫu.")
    context: dict[str, Any] = {}
    if request.method == "POST":
        upload = request.FILES.get("file")
        text = request.POST.get("content") or (upload.read().decode("utf-8", "replace") if upload else "")
        name = upload.name if upload else request.POST.get("file_name", "")
        context.update(content=text, file_name=name)
        if request.POST.get("confirm") == "1":
            try:
                row = services.import_definition(actor=request.user, text=text, file_name=name or "")
                context["imported"] = row
            except RuleViolation as exc:
                context["violations"] = exc.violations
        else:
            context["definition"], context["violations"] = services.preview_definition(
                text, file_name=name or ""
            )
    return render(request, "forms/import.html", context)


@login_required
def act_form(request: AuthedRequest, kind: str, pk: int, form_id: str) -> HttpResponseBase:
    """An act's document; the act is read through the movements' clearance-aware queries (404)."""
    return _deliver(request, printouts.act_printout(request.user, kind, pk, form_id))


@login_required
def copy_stamps(request: AuthedRequest, copy_id: int) -> HttpResponseBase:
    return _deliver(request, printouts.copy_stamps_printout(request.user, copy_id))


@login_required
def statistics_page(request: AuthedRequest) -> HttpResponseBase:
    """The period form; with ``format`` and a valid period, the thống kê itself (ledgered)."""
    if not statistics.may_read_statistics(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật, quản trị và kiểm tra viên được xem thống kê.")
    today = clock.today()
    raw_from, raw_to = request.GET.get("from", ""), request.GET.get("to", "")
    context: dict[str, Any] = {"raw_from": raw_from, "raw_to": raw_to}
    if "format" in request.GET:
        start, end, violations = statistics.check_period(raw_from, raw_to, today)
        if not violations and start and end:
            document = statistics.statistics_document(user=request.user, start=start, end=end)
            return _deliver(request, printouts.Printout(document, f"thong-ke-{start:%Y%m%d}-{end:%Y%m%d}"))
        context["violations"] = violations
    elif not (raw_from or raw_to):
        from bmnn.plans.reporting import default_period

        period = default_period(today)
        context.update(raw_from=f"{period.start:%d/%m/%Y}", raw_to=f"{min(period.end, today):%d/%m/%Y}")
    return render(request, "forms/statistics.html", context)
