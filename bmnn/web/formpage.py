"""The form-page pattern of the record-keeping apps (staff, devices, areas…): GET shows the form, POST
runs one service and redirects with a message, or shows the form again with every violation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation


def form_page(
    request: AuthedRequest,
    form: forms.Form,
    *,
    title: str,
    back: str,
    run: Callable[[dict[str, Any]], Any],
    done: str,
    multipart: bool = False,
    intro: str = "",
    then: Callable[[Any], str] | None = None,
) -> HttpResponse:
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, done)
            return redirect(then(result) if then else back)
    context = {"form": form, "violations": violations, "title": title, "back": back, "multipart": multipart}
    return render(request, "web/form_page.html", context | {"intro": intro})
