"""The form-page pattern of this app: GET shows the form, POST runs one service and redirects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.people import queries


def require_manager(request: AuthedRequest) -> None:
    if not queries.may_manage(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật hoặc quản trị được cập nhật hồ sơ cán bộ.")


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
    context = {
        "form": form,
        "violations": violations,
        "title": title,
        "back": back,
        "multipart": multipart,
        "intro": intro,
    }
    return render(request, "people/form.html", context)
