"""Importing an old register: upload xlsx → column mapping with a checked preview → import, with a
report of every rejected row and its reasons. The parsed sheet waits in the session between steps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.registers import importing, queries
from bmnn.registers.services.importing import check_import, import_register

SESSION_KEY = "registers_import"
MAX_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="Sổ", choices=[("incoming", "Sổ đăng ký BMNN đến"), ("outgoing", "Sổ đăng ký BMNN đi")]
    )
    year = forms.IntegerField(label="Năm của sổ", min_value=2000, max_value=2100)
    file = forms.FileField(label="Tệp Excel (.xlsx)")


def _keeper(request: AuthedRequest) -> None:
    if not queries.may_write_registers(request.user):
        raise PermissionDenied("Chỉ văn thư hoặc cán bộ bảo mật được nhập sổ cũ.")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return value if isinstance(value, int | float | str) or value is None else str(value)


@login_required
def upload(request: AuthedRequest) -> HttpResponse:
    _keeper(request)
    form = UploadForm(request.POST or None, request.FILES or None, initial={"year": clock.today().year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read(MAX_BYTES + 1)
        try:
            sheet = importing.read_xlsx(data) if len(data) <= MAX_BYTES else None
        except Exception:
            sheet = None
        if sheet is None or not sheet.headers:
            form.add_error("file", "Không đọc được tệp: cần tệp .xlsx (tối đa 10 MB) có dòng tiêu đề cột.")
        else:
            request.session[SESSION_KEY] = {
                "kind": form.cleaned_data["kind"],
                "year": form.cleaned_data["year"],
                "headers": sheet.headers,
                "rows": [[_plain(c) for c in r] for r in sheet.rows],
            }
            return redirect("registers:import_map")
    return render(request, "registers/import_upload.html", {"form": form})


@login_required
def mapping(request: AuthedRequest) -> HttpResponse:
    _keeper(request)
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return redirect("registers:import")
    kind, year = stored["kind"], int(stored["year"])
    sheet = importing.Sheet(stored["headers"], stored["rows"])
    chosen = importing.guess_mapping(kind, sheet.headers)
    if request.method == "POST":
        chosen = {
            t: int(raw) if (raw := request.POST.get(f"map_{t}", "")).isdigit() else None for t in chosen
        }
        if request.POST.get("action") == "import":
            try:
                count, rejected = import_register(
                    actor=request.user, kind=kind, year=year, sheet=sheet, mapping=chosen
                )
            except RuleViolation as exc:
                for violation in exc.violations:
                    messages.error(request, violation.message_vi)
            else:
                del request.session[SESSION_KEY]
                return render(
                    request,
                    "registers/import_done.html",
                    {"count": count, "rejected": rejected, "kind": kind, "year": year},
                )
    checked = check_import(actor=request.user, kind=kind, year=year, sheet=sheet, mapping=chosen)
    targets = [(t, label, chosen.get(t)) for t, label in importing.TARGETS[kind]]
    return render(
        request,
        "registers/import_map.html",
        {
            "targets": targets,
            "headers": list(enumerate(sheet.headers)),
            "checked": checked[:200],
            "total": len(checked),
            "bad": sum(1 for c in checked if c.reasons),
            "kind": kind,
            "year": year,
        },
    )
