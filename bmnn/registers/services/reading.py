"""Reads that leave a trace: like items (registry.record_view), a Tuyệt mật register row opened by
anyone, and any register read by a kiểm tra viên, is ledgered."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record


@transaction.atomic
def record_register_view(*, actor: Any, subject: Any, level: str, via: str) -> None:
    if level == "top_secret" or getattr(actor, "role", "") == "inspector":
        record(event="registers.viewed", actor=actor, subject=subject, payload={"level": level, "via": via})
