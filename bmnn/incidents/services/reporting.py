"""Reporting an incident: the record, the items involved (lost ones marked lost), the tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction

from bmnn.accounts import access
from bmnn.accounts.models import User
from bmnn.audit.ledger import record
from bmnn.incidents import rules
from bmnn.incidents.models import Incident, IncidentItem, IncidentKind, IncidentTask, TaskKind
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registry.models import ItemStatus, SecretItem

DEFAULT_RECIPIENT = "Bộ Công an (qua Công an tỉnh — Phòng An ninh chính trị nội bộ PA03)"


def report_hours() -> int:
    """``BMNN_INCIDENT_REPORT_HOURS``: tracked deadline for "ngay sau khi phát hiện" (see rules)."""
    return int(getattr(settings, "BMNN_INCIDENT_REPORT_HOURS", rules.DEFAULT_REPORT_HOURS))


def police_recipient() -> str:
    return str(getattr(settings, "BMNN_INCIDENT_REPORT_RECIPIENT", DEFAULT_RECIPIENT))


def _items_for(actor: Any, item_ids: Sequence[int], *, outside_only: bool) -> list[SecretItem]:
    """Items the reporter may see (clearance + need-to-know); unknown ids are refused, not skipped."""
    from bmnn.registry import queries as registry_queries

    ids = sorted({int(i) for i in item_ids})
    base = (
        SecretItem.objects.filter(agency_id=actor.agency_id)
        if outside_only
        else registry_queries.visible_items(actor)
    )
    found = list(base.filter(pk__in=ids))
    missing = sorted(set(ids) - {i.pk for i in found})
    if missing:
        raise RuleViolation(
            [
                Violation(
                    "item_unknown", f"Tài liệu liên quan: không tìm thấy mục {missing}.", rules.BASIS_INPUT
                )
            ]
        )
    return found


@transaction.atomic
def report_incident(
    *,
    actor: Any,
    kind: str,
    description: str,
    how_found: str,
    discovered_at: dt.datetime | None,
    level: str = "",
    item_ids: Sequence[int] = (),
    occurred_on: dt.date | None = None,
    persons: str = "",
    source: str = "manual",
    source_ref: str = "",
    outside_only: bool = False,
) -> Incident:
    """Record a lộ/mất (or its signs). A loss marks every item involved "lost"; the tasks to tell
    the head at once and to report to Công an are created with their deadlines."""
    now = clock.now()
    items = _items_for(actor, item_ids, outside_only=outside_only)
    request = rules.ReportInput(
        kind=kind,
        level=level,
        item_levels=tuple(i.level for i in items),
        description=description,
        how_found=how_found,
        discovered_at=discovered_at,
        occurred_on=occurred_on,
        now=now,
        reporter_clearance=access.effective_clearance(actor),
        outside_only=outside_only,
    )
    found = rules.check_report(request)
    if found:
        raise RuleViolation(found)
    assert discovered_at is not None
    incident = Incident(
        agency_id=actor.agency_id,
        kind=kind,
        level=rules.incident_level(level, request.item_levels),
        description=description.strip(),
        occurred_on=occurred_on,
        discovered_at=discovered_at,
        how_found=how_found.strip(),
        persons=persons.strip(),
        reported_by=actor,
        reported_at=now,
        source=source,
        source_ref=source_ref,
        police_report_due=rules.police_report_due(discovered_at, report_hours()),
        police_recipient=police_recipient(),
    )
    incident.full_clean()
    incident.save()
    lost = _link_items(incident, items)
    _create_tasks(incident, items)
    record(
        event="incidents.incident_reported",
        actor=actor,
        subject=incident,
        subject_repr=str(incident),
        payload={
            "level": incident.level,
            "kind": kind,
            "items": [i.pk for i in items],
            "lost": lost,
            "source": source,
        },
    )
    return incident


def _link_items(incident: Incident, items: list[SecretItem]) -> int:
    IncidentItem.objects.bulk_create(
        IncidentItem(incident=incident, item=i, level_at_report=i.level, status_before=i.status)
        for i in items
    )
    if incident.kind != IncidentKind.LOSS:
        return 0
    # The item left the custodian's control (mất BMNN, Điều 2 Luật 29/2018/QH14): its status says so;
    # it stays in the registers and links back here, so it remains traceable.
    return SecretItem.objects.filter(pk__in=[i.pk for i in items]).update(status=ItemStatus.LOST)


def _create_tasks(incident: Incident, items: list[SecretItem]) -> None:
    head = (
        User.objects.filter(agency_id=incident.agency_id, role="head", is_active=True).order_by("pk").first()
    )
    due = incident.police_report_due
    rows = [
        IncidentTask(
            incident=incident,
            kind=TaskKind.NOTIFY_HEAD,
            basis=rules.BASIS_HEAD,
            due_at=incident.reported_at,
            responsible=head,
        ),
        IncidentTask(
            incident=incident,
            kind=TaskKind.POLICE_REPORT,
            basis=rules.BASIS_POLICE,
            due_at=due,
            responsible=head,
        ),
    ]
    if items:
        rows.append(
            IncidentTask(
                incident=incident,
                kind=TaskKind.NOTIFY_CLASSIFIER,
                basis="Điểm c khoản 2 Điều 26 Luật 29/2018/QH14",
                due_at=due,
                responsible=head,
            )
        )
    IncidentTask.objects.bulk_create(rows)


def report_tampering(
    *,
    actor: Any,
    description: str,
    discovered_at: dt.datetime,
    level: str,
    item_ids: Sequence[int] = (),
    source_ref: str = "",
) -> Incident:
    """Signs of opening, tampering or loss on an incoming envelope (domain.md §4.3): reported to the
    head at once as a "suspected" incident. Whoever registers the envelope reports it from the
    outside, so no clearance for the content is needed; ``description`` must say only what is seen
    on the envelope. ``source_ref`` names the register row (e.g. "Sổ đến số 12/2026")."""
    return report_incident(
        actor=actor,
        kind=IncidentKind.SUSPECTED,
        description=description,
        how_found="Phát hiện khi tiếp nhận, vào sổ đăng ký BMNN đến (bì có dấu hiệu bị bóc, mở, tráo đổi).",
        discovered_at=discovered_at,
        level=level,
        item_ids=item_ids,
        source="incoming_tampering",
        source_ref=source_ref,
        outside_only=True,
    )
