"""Reads of incidents, always filtered by the reader's clearance and need-to-know.

An incident is seen by the leadership and the people who handle BMNN protection (head, security
officer, inspector) cleared for its level, and by the person who reported it while cleared for it.
Everyone else finds nothing: lists skip it, detail pages 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bmnn.accounts import access
from bmnn.incidents.models import Incident, IncidentTask
from bmnn.registry import queries as registry_queries

INCIDENT_ROLES = frozenset({"head", "security_officer", "inspector"})
HANDLER_ROLES = frozenset({"head", "security_officer"})  # they act; the inspector only reads


def visible_incidents(user: Any) -> QuerySet[Incident]:
    if not access.is_active_user(user) or user.agency_id is None:
        return Incident.objects.none()
    qs = Incident.objects.filter(agency_id=user.agency_id, level__in=registry_queries.allowed_levels(user))
    if user.role in INCIDENT_ROLES:
        return qs
    return qs.filter(Q(reported_by=user))


def get_incident_for_user(user: Any, incident_id: int | str) -> Incident:
    try:
        return visible_incidents(user).get(pk=int(incident_id))
    except (Incident.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def may_handle(user: Any) -> bool:
    return access.is_active_user(user) and user.role in HANDLER_ROLES


def may_report(user: Any) -> bool:
    """Anyone who handles secrets reports what they find (not the system admin: separation of duties)."""
    return access.is_active_user(user) and user.role != "admin"


def item_choices(user: Any) -> QuerySet[Any]:
    """The clearance-filtered picker of items involved."""
    return registry_queries.visible_items(user).order_by("-created_at")


def overdue_tasks(user: Any, *, now: Any) -> QuerySet[IncidentTask]:
    return IncidentTask.objects.filter(
        incident__in=visible_incidents(user), done_at__isnull=True, due_at__lt=now
    ).select_related("incident")


def agency_incidents(agency_id: int) -> QuerySet[Incident]:
    """For statistics and automatic checks only: callers show counts and numbers, never content."""
    return Incident.objects.filter(agency_id=agency_id)
