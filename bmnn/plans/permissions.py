"""Who may do what with plans. Plans are not secret items: the whole agency reads them (issue #6)."""

from __future__ import annotations

from typing import Any

from bmnn.accounts import access
from bmnn.accounts.access import is_active_user

PLAN_MANAGERS = frozenset({"admin", "security_officer", "head", "deputy"})


def may_read_plans_of(user: Any, agency_id: int | None) -> bool:
    return is_active_user(user) and agency_id is not None and user.agency_id == agency_id


def may_manage_plans(user: Any) -> bool:
    return is_active_user(user) and user.agency_id is not None and user.role in PLAN_MANAGERS


def may_update_task(user: Any, task: Any) -> bool:
    """Managers of plans; otherwise the lead unit's users and the assignee. Inspectors only read."""
    if not may_read_plans_of(user, task.plan.agency_id) or access.is_read_only(user):
        return False
    if user.role in PLAN_MANAGERS:
        return True
    if task.assignee_id is not None and task.assignee_id == user.pk:
        return True
    return task.lead_unit_id is not None and task.lead_unit_id == user.unit_id


REPORT_READERS = PLAN_MANAGERS | {"inspector"}


def may_read_reports_of(user: Any, agency_id: int | None) -> bool:
    """Reports count acts on secret items, so they are for the people who manage the work and
    inspectors, not for every member of the agency (issue #11: counts must not leak)."""
    return may_read_plans_of(user, agency_id) and user.role in REPORT_READERS
