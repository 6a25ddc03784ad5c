"""Idle timeout and the second factor (TOTP) gate."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

_EXEMPT_PREFIXES = ("/accounts/login", "/accounts/logout", "/accounts/otp", "/static/", "/favicon")


class IdleTimeoutMiddleware:
    """Log out a session idle longer than BMNN_SESSION_IDLE_MINUTES, and say so."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            last = request.session.get("bmnn_last_seen")
            if last is not None and now - float(last) > settings.BMNN_SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.warning(
                    request, "Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại."
                )
                return redirect(f"/accounts/login/?next={request.path}")
            request.session["bmnn_last_seen"] = now
        return self.get_response(request)


def needs_second_factor(user: Any) -> str | None:
    """'verify' when the user has TOTP and hasn't passed it; 'enrol' when policy demands one; else None."""
    from django_otp import user_has_device

    if user_has_device(user, confirmed=True):
        return None if user.is_verified() else "verify"
    return "enrol" if policy_requires_totp(user) else None


def policy_requires_totp(user: Any) -> bool:
    """The agency's policy makes TOTP mandatory for admins and heads (deputies included)."""
    policy = getattr(user.agency, "account_policy", None) if user.agency_id else None
    return bool(
        policy and policy.totp_required_for_admins_and_heads and user.role in {"admin", "head", "deputy"}
    )


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not request.path.startswith(_EXEMPT_PREFIXES):
            step = needs_second_factor(user)
            if step == "verify":
                return redirect("accounts:otp_verify")
            if step == "enrol":
                return redirect("accounts:otp_setup")
        return self.get_response(request)
