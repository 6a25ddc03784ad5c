"""“In / Tải về” pages: a register book, an item's forms and stamps, the form catalogue and import."""

from __future__ import annotations

import tempfile
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render

from bmnn.accounts import access
from bmnn.forms import rules, services
from bmnn.forms.catalogue.library import DefinitionMissing, all_definitions
from bmnn.forms.catalogue.select import in_force
from bmnn.forms.document import Document
from bmnn.forms.sources import items, registers
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _deliver(request: AuthedRequest, document: Document, name: str, subject: Any = None) -> FileResponse:
    fmt = request.GET.get("format", "pdf")
    try:
        copies = int(request.GET.get("copies", "1"))
    except ValueError:
        copies = 0
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes it after streaming
    try:
        services.print_document(actor=request.user, document=document, fmt=fmt, out=tmp, copies=copies,
                                subject=subject)  # fmt: skip
    except RuleViolation as exc:
        tmp.close()
        raise Http404("; ".join(v.message_vi for v in exc.violations)) from exc
    tmp.seek(0)
    return FileResponse(tmp, as_attachment=True, filename=f"{name}.{fmt}", content_type=CONTENT_TYPES[fmt])


@login_required
def catalogue(request: AuthedRequest) -> HttpResponse:
    today = clock.today()
    return render(request, "forms/catalogue.html", {
        "today": today, "definitions": in_force(all_definitions(), today),
        "may_import": not rules.check_import(request.user.role),
    })  # fmt: skip


@login_required
def register_print(request: AuthedRequest, kind: str, year: int) -> FileResponse:
    from bmnn.registers.queries import may_read_registers

    if kind not in registers.KINDS or (kind != "copy" and not may_read_registers(request.user)):
        raise Http404
    try:
        document = registers.register_document(
            user=request.user, kind=kind, year=year, include_cancelled=request.GET.get("cancelled") != "0"
        )
    except DefinitionMissing as exc:
        raise Http404(str(exc)) from exc
    return _deliver(request, document, f"so-{kind}-{year}")


@login_required
def item_form(request: AuthedRequest, item_id: int, form_id: str) -> FileResponse:
    item = items.get_item(request.user, item_id)  # 404 when the user may not see it
    try:
        if form_id.startswith("stamp.") or form_id == "stamps":
            document = items.stamp_sheet(user=request.user, item_id=item.pk,
                                         stamp_id="" if form_id == "stamps" else form_id)  # fmt: skip
        else:
            document = items.item_document(user=request.user, item_id=item.pk, form_id=form_id)
    except (DefinitionMissing, LookupError) as exc:
        raise Http404(str(exc)) from exc
    return _deliver(request, document, f"{form_id}-{item.pk}", subject=item)


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
