"""Reads of inspections and findings, scoped to the reader's agency and role.

An inspection record names documents only by reference number ("Mục #15") and counts, never by
content, so it is readable by the people who run inspections: head, deputy, security officer,
inspector. Others find nothing (404).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from bmnn.accounts import access
from bmnn.inspections.models import ChecklistAnswer, Finding, FindingStatus, Inspection

READER_ROLES = frozenset({"head", "deputy", "security_officer", "inspector"})
CONDUCTOR_ROLES = READER_ROLES  # plan, open, answer, record findings, re-check, close
FIXER_ROLES = frozenset({"head", "deputy", "security_officer"})  # report remediation on a unit's behalf


def may_read(user: Any) -> bool:
    return access.is_active_user(user) and user.role in READER_ROLES and user.agency_id is not None


def may_conduct(user: Any) -> bool:
    return access.is_active_user(user) and user.role in CONDUCTOR_ROLES


def may_fix(user: Any) -> bool:
    return access.is_active_user(user) and user.role in FIXER_ROLES


def visible_inspections(user: Any) -> QuerySet[Inspection]:
    if not may_read(user):
        return Inspection.objects.none()
    return Inspection.objects.filter(agency_id=user.agency_id).select_related("inspected_unit", "lead")


def get_inspection_for_user(user: Any, inspection_id: int | str) -> Inspection:
    try:
        return visible_inspections(user).get(pk=int(inspection_id))
    except (Inspection.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def visible_findings(user: Any) -> QuerySet[Finding]:
    return Finding.objects.filter(inspection__in=visible_inspections(user)).select_related(
        "inspection", "responsible_unit"
    )


def get_finding_for_user(user: Any, finding_id: int | str) -> Finding:
    try:
        return visible_findings(user).get(pk=int(finding_id))
    except (Finding.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def open_findings(user: Any) -> QuerySet[Finding]:
    return visible_findings(user).exclude(status=FindingStatus.CLOSED)


def overdue_findings(user: Any, today: dt.date) -> QuerySet[Finding]:
    return open_findings(user).filter(due_on__lt=today, status=FindingStatus.OPEN)


def grouped_answers(inspection: Inspection) -> list[tuple[str, list[ChecklistAnswer]]]:
    groups: dict[str, list[ChecklistAnswer]] = {}
    for answer in inspection.answers.all():
        groups.setdefault(answer.group, []).append(answer)
    return list(groups.items())
