"""``bmnn plan import FILE --save --as USERNAME``: store a parse in the database as that user.

Imported lazily by ``cli.py`` so that reading a plan never needs Django. The CLI has no review
screen, so units are matched by name only where the match is unambiguous; the rest stay as written
and can be assigned on the plan page.
"""

from __future__ import annotations

from typing import Any


class SaveError(Exception):
    """Why the plan could not be saved (Vietnamese, shown on stderr)."""


def save_from_cli(data: dict[str, Any], *, username: str, source_name: str) -> int:
    """Save and return the new plan's id. Raises ``SaveError``; nothing is written then."""
    from bmnn.cli import CliError, setup_django

    try:
        setup_django()
    except CliError as exc:
        raise SaveError(str(exc)) from exc
    from django.core.exceptions import ValidationError

    from bmnn.accounts.models import User
    from bmnn.plans import services
    from bmnn.plans.permissions import may_manage_plans

    user = User.objects.filter(username=username).select_related("agency").first()
    if user is None or not user.is_active:
        raise SaveError(f"Không có người dùng đang hoạt động tên “{username}”.")
    if not may_manage_plans(user) or user.agency is None:
        raise SaveError(f"Người dùng “{username}” không có quyền quản lý kế hoạch.")
    try:
        plan = services.save_imported_plan(
            actor=user,
            agency=user.agency,
            parsed=data,
            header=services.header_from_parsed(data),
            task_edits=_matched_units(data, user.agency),
            source_name=source_name,
        )
    except ValidationError as exc:
        raise SaveError("; ".join(exc.messages)) from exc
    return int(plan.pk)


def _matched_units(data: dict[str, Any], agency: Any) -> dict[int, Any]:
    from bmnn.org.models import Unit
    from bmnn.plans.flatten import flatten_tasks
    from bmnn.plans.matching import match_unit
    from bmnn.plans.services import TaskEdit

    units = list(Unit.objects.filter(agency=agency, is_active=True))
    edits = {}
    for item in flatten_tasks(data):
        names = item.data.get("lead_units") or []
        unit = match_unit(names[0], units) if names else None
        if unit is not None:
            edits[item.index] = TaskEdit(lead_unit=unit)
    return edits
