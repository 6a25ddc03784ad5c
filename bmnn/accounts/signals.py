"""Authentication events go to the ledger (logins, failures, logouts)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from bmnn.audit.ledger import record
from bmnn.lib.vntext import nfc


def _ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record(event="accounts.login", actor=user, subject=user, payload={"ip": _ip(request)})


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(event="accounts.logout", actor=user, subject=user, payload={"ip": _ip(request)})


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    username = nfc(str(credentials.get("username", "")))[:150]
    record(
        event="accounts.login_failed",
        actor=None,
        payload={"username": username, "ip": _ip(request)},
        subject_repr=username,
    )
