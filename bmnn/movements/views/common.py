"""Shared helpers of the movement pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from bmnn.accounts import access
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation


def not_read_only(request: AuthedRequest) -> None:
    if not access.may_act_on_items(request.user):
        raise PermissionDenied("Vai trò này không thực hiện được thao tác trên tài liệu BMNN.")


def today_initial(*names: str) -> dict[str, Any]:
    today = clock.today()
    return dict.fromkeys(names, today)


def attempt(
    request: AuthedRequest,
    form: forms.Form,
    act: Callable[[dict[str, Any]], Any],
    done: str,
    redirect_to: Callable[[Any], HttpResponse],
) -> tuple[HttpResponse | None, list[Violation]]:
    """Run one service with the form's data. On success: message + redirect; else every violation."""
    if not form.is_valid():
        return None, []
    try:
        result = act(form.cleaned_data)
    except RuleViolation as exc:
        return None, exc.violations
    messages.success(request, done)
    return redirect_to(result), []
