"""Vietnamese number format for money: 1.250.000 (dots between thousands)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def vnd(value: int | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}".replace(",", ".")
