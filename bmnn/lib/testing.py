"""Factories shared by tests of every app (only used from tests)."""

from __future__ import annotations

from typing import Any

from bmnn.accounts import services as accounts
from bmnn.accounts.models import User
from bmnn.org import services as org
from bmnn.org.models import Agency, Unit

PASSWORD = "Correct-Horse-2026"  # noqa: S105


def make_agency(name: str = "Sở Nội vụ tỉnh Thử", level: str = "provincial") -> Agency:
    return org.create_agency(actor=None, name=name, level=level)


def make_unit(agency: Agency, code: str = "P1", name: str = "Phòng Một") -> Unit:
    return org.create_unit(actor=None, agency=agency, code=code, name=name)


def make_user(
    agency: Agency,
    username: str,
    *,
    role: str = "staff",
    clearance: str = "none",
    unit: Unit | None = None,
    **extra: Any,
) -> User:
    return accounts.create_user(
        actor=None,
        username=username,
        password=PASSWORD,
        role=role,
        clearance=clearance,
        agency=agency,
        unit=unit,
        **extra,
    )
