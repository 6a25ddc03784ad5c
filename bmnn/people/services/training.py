"""Training sessions, awareness activities, Ban Chỉ đạo / Tổ bảo mật membership."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.rules import Violation
from bmnn.people import rules
from bmnn.people.models import (
    AwarenessActivity,
    CommitteeMembership,
    StaffRecord,
    TrainingSession,
)
from bmnn.people.services.staff import _fail, _t


@transaction.atomic
def record_training(
    *,
    actor: Any,
    agency: Any,
    topic: str,
    held_on: dt.date,
    organiser: str,
    materials: str = "",
    attendees: Sequence[StaffRecord] = (),
) -> TrainingSession:
    problems = []
    if not topic.strip():
        problems.append(Violation("topic_missing", "Chủ đề: bắt buộc.", "Tập huấn công tác bảo vệ BMNN"))
    if any(a.agency_id != agency.pk for a in attendees):
        problems.append(
            Violation("attendee_other_agency", "Người tham dự: có người thuộc cơ quan khác.", "Tập huấn")
        )
    _fail(problems)
    session = TrainingSession(
        agency=agency, topic=_t(topic), held_on=held_on, organiser=_t(organiser), materials=_t(materials)
    )
    session.full_clean()
    session.save()
    session.attendees.set(attendees)
    record(
        event="people.training_recorded",
        actor=actor,
        subject=session,
        payload={"held_on": held_on.isoformat(), "attendees": sorted(a.pk for a in attendees)},
    )
    return session


@transaction.atomic
def record_awareness(
    *, actor: Any, agency: Any, kind: str, title: str, held_on: dt.date, reach: int = 0
) -> AwarenessActivity:
    activity = AwarenessActivity(agency=agency, kind=kind, title=_t(title), held_on=held_on, reach=reach)
    activity.full_clean()
    activity.save()
    record(
        event="people.awareness_recorded",
        actor=actor,
        subject=activity,
        payload={"kind": kind, "reach": reach},
    )
    return activity


@transaction.atomic
def add_member(
    *, actor: Any, staff: StaffRecord, committee: str, role: str, started_on: dt.date, decision: str = ""
) -> CommitteeMembership:
    membership = CommitteeMembership(
        agency_id=staff.agency_id,
        committee=committee,
        staff=staff,
        role=_t(role),
        started_on=started_on,
        decision=_t(decision),
    )
    membership.full_clean()
    membership.save()
    record(
        event="people.committee_member_added",
        actor=actor,
        subject=membership,
        payload={"committee": committee, "role": membership.role, "started_on": started_on.isoformat()},
    )
    return membership


@transaction.atomic
def end_membership(*, actor: Any, membership: CommitteeMembership, ended_on: dt.date) -> CommitteeMembership:
    _fail(
        rules.check_membership_end(
            started_on=membership.started_on, ended_on=ended_on, already_ended=membership.ended_on is not None
        )
    )
    membership.ended_on = ended_on
    membership.save(update_fields=["ended_on"])
    record(
        event="people.committee_member_ended",
        actor=actor,
        subject=membership,
        payload={"ended_on": ended_on.isoformat()},
    )
    return membership
