"""Every change to areas, meetings and internal rules: one transaction, one ledger entry, rules first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from bmnn.accounts import access
from bmnn.areas import rules
from bmnn.areas.models import (
    InternalRule,
    InternalRuleVersion,
    MeetingAttendee,
    MeetingDocument,
    RestrictedArea,
    SecretMeeting,
)
from bmnn.audit.ledger import record
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc


def _fail(problems: list[Violation]) -> None:
    if problems:
        raise RuleViolation(problems)


def _t(value: str) -> str:
    return nfc(value).strip()


def person(user: Any) -> rules.Person:
    return rules.Person(user.pk, str(user), access.effective_clearance(user), bool(user.is_active))


@transaction.atomic
def register_area(
    *,
    actor: Any,
    agency: Any,
    kind: str,
    name: str,
    location: str,
    rules_text: str,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    decided_by: str = "",
    responsible_unit: Any = None,
    signage: bool = False,
    signage_checked_on: dt.date | None = None,
) -> RestrictedArea:
    _fail(rules.check_area(kind=kind, name=name, decision_number=decision_number, rules_text=rules_text))
    area = RestrictedArea(
        agency=agency,
        kind=kind,
        name=_t(name),
        location=_t(location),
        rules=_t(rules_text),
        decision_number=_t(decision_number),
        decision_date=decision_date,
        decided_by=_t(decided_by),
        responsible_unit=responsible_unit,
        signage=signage,
        signage_checked_on=signage_checked_on,
    )
    area.full_clean()
    area.save()
    record(
        event="areas.area_registered",
        actor=actor,
        subject=area,
        payload={"kind": kind, "decision": area.decision_number},
    )
    return area


@transaction.atomic
def plan_meeting(
    *,
    actor: Any,
    agency: Any,
    title: str,
    level: str,
    starts_on: dt.date,
    ends_on: dt.date,
    venue: str,
    approved_by: str,
    approval_reference: str,
    approved_on: dt.date,
    area: RestrictedArea | None = None,
    has_foreign_participants: bool = False,
    recording_allowed: bool = False,
) -> SecretMeeting:
    facts = rules.MeetingFacts(
        title, level, starts_on, ends_on, approval_reference, approved_on, recording_allowed
    )
    _fail(rules.check_meeting(facts))
    meeting = SecretMeeting(
        agency=agency,
        title=_t(title),
        level=level,
        starts_on=starts_on,
        ends_on=ends_on,
        venue=_t(venue),
        area=area,
        approved_by=_t(approved_by),
        approval_reference=_t(approval_reference),
        approved_on=approved_on,
        has_foreign_participants=has_foreign_participants,
        recording_allowed=recording_allowed,
        created_by=actor,
    )
    meeting.full_clean()
    meeting.save()
    # The title of a Tuyệt mật meeting may itself be sensitive: the ledger keeps the level, not the title.
    record(
        event="areas.meeting_planned",
        actor=actor,
        subject=meeting,
        subject_repr=f"Cuộc họp #{meeting.pk}",
        payload={"level": level, "starts_on": starts_on.isoformat()},
    )
    return meeting


@transaction.atomic
def add_attendees(
    *, actor: Any, meeting: SecretMeeting, users: Sequence[Any], role: str = ""
) -> list[MeetingAttendee]:
    """All or nothing: one person without clearance refuses the whole list, naming each problem."""
    already = frozenset(meeting.attendees.values_list("user_id", flat=True))
    _fail(rules.check_attendees(level=meeting.level, people=[person(u) for u in users], already=already))
    rows = [MeetingAttendee(meeting=meeting, user=u, role=_t(role)) for u in users]
    for row in rows:
        row.full_clean()
    MeetingAttendee.objects.bulk_create(rows)
    record(
        event="areas.meeting_attendees_added",
        actor=actor,
        subject=meeting,
        subject_repr=f"Cuộc họp #{meeting.pk}",
        payload={"level": meeting.level, "users": sorted(u.pk for u in users)},
    )
    return rows


@transaction.atomic
def hand_out_document(
    *, actor: Any, meeting: SecretMeeting, item: Any, handed_to: Any, on: dt.date, copies: int = 1
) -> MeetingDocument:
    attends = meeting.attendees.filter(user=handed_to).exists()
    problems = rules.check_handout(
        meeting_level=meeting.level,
        item_level=item.level,
        recipient=person(handed_to),
        recipient_attends=attends,
    )
    if item.agency_id != meeting.agency_id:
        problems.append(
            Violation(
                "item_other_agency", "Tài liệu: không thuộc sổ của cơ quan tổ chức họp.", rules.BASIS_MEETING
            )
        )
    _fail(problems)
    doc = MeetingDocument(meeting=meeting, item=item, handed_to=handed_to, copies=copies, handed_out_on=on)
    doc.full_clean()
    doc.save()
    record(
        event="areas.meeting_document_handed_out",
        actor=actor,
        subject=meeting,
        subject_repr=f"Cuộc họp #{meeting.pk}",
        payload={"level": item.level, "item_id": item.pk, "to": handed_to.pk, "copies": copies},
    )
    return doc


@transaction.atomic
def recover_document(*, actor: Any, document: MeetingDocument, on: dt.date) -> MeetingDocument:
    _fail(
        rules.check_recovery(
            handed_out_on=document.handed_out_on, recovered_on=on, already=document.recovered_on is not None
        )
    )
    document.recovered_on = on
    document.save(update_fields=["recovered_on"])
    meeting = document.meeting
    if not meeting.documents.filter(recovered_on__isnull=True).exists() and meeting.status != "closed":
        meeting.status = "closed"
        meeting.save(update_fields=["status"])
    record(
        event="areas.meeting_document_recovered",
        actor=actor,
        subject=meeting,
        subject_repr=f"Cuộc họp #{meeting.pk}",
        payload={"level": document.item.level, "item_id": document.item_id, "on": on.isoformat()},
    )
    return document


@transaction.atomic
def issue_rule_version(
    *,
    actor: Any,
    agency: Any,
    kind: str,
    title: str,
    number: str,
    issued_on: dt.date,
    effective_from: dt.date,
    review_due: dt.date,
    legal_basis: str = "",
    note: str = "",
    rule: InternalRule | None = None,
) -> InternalRuleVersion:
    """Issue a nội quy / quy chế, or a new version of one; earlier versions stay as history."""
    _fail(
        rules.check_rule_version(
            number=number, issued_on=issued_on, effective_from=effective_from, review_due=review_due
        )
    )
    if rule is None:
        rule = InternalRule(agency=agency, kind=kind, title=_t(title))
        rule.full_clean()
        rule.save()
    last = rule.versions.order_by("-version").first()
    version = InternalRuleVersion(
        rule=rule,
        version=(last.version + 1) if last else 1,
        number=_t(number),
        issued_on=issued_on,
        effective_from=effective_from,
        review_due=review_due,
        legal_basis=_t(legal_basis),
        note=_t(note),
    )
    version.full_clean()
    version.save()
    record(
        event="areas.internal_rule_issued",
        actor=actor,
        subject=rule,
        payload={"version": version.version, "number": version.number, "review_due": review_due.isoformat()},
    )
    return version
