"""Reads of restricted areas, secret meetings and internal rules, with the alerts of this area.

For other apps (inspections checklist, compliance dashboard):
- ``areas_for(user)`` — the agency's restricted areas (the list of places is not itself treated as secret).
- ``meetings_for(user)`` / ``get_meeting_for_user(user, id)`` — clearance first (meeting level ≤ the
  user's effective clearance), then need-to-know (agency-wide roles, or attendee); otherwise 404.
- ``visible_documents(user, meeting)`` — handed-out items filtered by ``registry.queries.visible_items``.
- ``current_rules(agency)`` — latest version of each nội quy / quy chế.
- ``alerts(agency, today) -> list[Alert]``: ``areas.meeting_documents_unrecovered``,
  ``areas.internal_rule_review_overdue``, ``areas.no_internal_rule``, ``areas.signage_missing``.
  Alert texts never carry a meeting's title (it may be secret), only its number, date and level.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from bmnn.accounts import access
from bmnn.areas import rules
from bmnn.areas.models import InternalRuleVersion, MeetingDocument, RestrictedArea, SecretMeeting
from bmnn.assets.alerting import Alert
from bmnn.lib import levels

MANAGERS = frozenset({"head", "deputy", "security_officer"})


def may_manage(user: Any) -> bool:
    """Meetings and areas carry secrets: the system admin (clearance none by design) is not a manager."""
    return access.is_active_user(user) and user.role in MANAGERS


def may_manage_rules(user: Any) -> bool:
    return access.is_active_user(user) and user.role in MANAGERS | {"admin"}


def areas_for(user: Any) -> QuerySet[RestrictedArea]:
    if not access.is_active_user(user) or user.agency_id is None:
        return RestrictedArea.objects.none()
    return RestrictedArea.objects.filter(agency_id=user.agency_id).select_related("responsible_unit")


def get_area_for_user(user: Any, area_id: int | str) -> RestrictedArea:
    try:
        return areas_for(user).get(pk=int(area_id))
    except (RestrictedArea.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def meetings_for(user: Any) -> QuerySet[SecretMeeting]:
    clearance = access.effective_clearance(user)
    allowed = [lv for lv in levels.LEVELS if levels.covers(clearance, lv)]
    if not allowed or user.agency_id is None:
        return SecretMeeting.objects.none()
    qs = SecretMeeting.objects.filter(agency_id=user.agency_id, level__in=allowed)
    if user.role in access.AGENCY_WIDE_ROLES:
        return qs
    return qs.filter(Q(attendees__user=user) | Q(created_by=user)).distinct()


def get_meeting_for_user(user: Any, meeting_id: int | str) -> SecretMeeting:
    try:
        return meetings_for(user).get(pk=int(meeting_id))
    except (SecretMeeting.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def visible_documents(user: Any, meeting: SecretMeeting) -> tuple[list[MeetingDocument], int]:
    from bmnn.registry.queries import visible_items

    docs = list(meeting.documents.select_related("item", "handed_to"))
    allowed = set(visible_items(user).filter(pk__in=[d.item_id for d in docs]).values_list("pk", flat=True))
    shown = [d for d in docs if d.item_id in allowed]
    return shown, len(docs) - len(shown)


def current_rules(agency: Any) -> list[InternalRuleVersion]:
    latest: dict[int, InternalRuleVersion] = {}
    for version in (
        InternalRuleVersion.objects.filter(rule__agency=agency)
        .select_related("rule")
        .order_by("rule_id", "-version")
    ):
        latest.setdefault(version.rule_id, version)
    return list(latest.values())


def alerts(agency: Any, today: dt.date) -> list[Alert]:
    return _meeting_alerts(agency, today) + _rule_alerts(agency, today) + _area_alerts(agency)


def _meeting_alerts(agency: Any, today: dt.date) -> list[Alert]:
    open_docs = SecretMeeting.objects.filter(agency=agency, documents__recovered_on__isnull=True).annotate(
        n=Count("documents", filter=Q(documents__recovered_on__isnull=True))
    )
    return [
        Alert(
            "areas.meeting_documents_unrecovered",
            "high",
            f"Cuộc họp #{m.pk} (độ {levels.label(m.level)}, ngày {m.starts_on:%d/%m/%Y}): còn {m.n} tài liệu BMNN chưa thu hồi.",
            rules.BASIS_MEETING,
            reverse("areas:meeting_detail", args=[m.pk]),
            m.pk,
        )
        for m in open_docs
        if rules.unrecovered_is_late(meeting_ends_on=m.ends_on, today=today)
    ]


def _rule_alerts(agency: Any, today: dt.date) -> list[Alert]:
    current = current_rules(agency)
    found = [
        Alert(
            "areas.internal_rule_review_overdue",
            "medium",
            f"{v.rule.title} ({v.number}) quá hạn rà soát từ {v.review_due:%d/%m/%Y}.",
            rules.BASIS_RULES,
            reverse("areas:rule_list"),
            v.rule_id,
        )
        for v in current
        if rules.review_overdue(v.review_due, today)
    ]
    if not any(v.rule.kind == "noi_quy" for v in current):
        found.append(
            Alert(
                "areas.no_internal_rule",
                "high",
                "Cơ quan chưa ban hành nội quy bảo vệ BMNN.",
                rules.BASIS_RULES,
                reverse("areas:rule_list"),
            )
        )
    return found


def _area_alerts(agency: Any) -> list[Alert]:
    return [
        Alert(
            "areas.signage_missing",
            "low",
            f"{a}: chưa cắm biển cấm.",
            rules.BASIS_AREA,
            reverse("areas:area_detail", args=[a.pk]),
            a.pk,
        )
        for a in RestrictedArea.objects.filter(
            agency=agency, is_active=True, signage=False, kind__in=["forbidden_area", "forbidden_place"]
        )
    ]
