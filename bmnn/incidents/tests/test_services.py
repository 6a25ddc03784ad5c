"""Incident acts: new state and exactly one ledger entry; refusals change nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.incidents import services
from bmnn.incidents.models import Incident, IncidentTask
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db


def report(actor, items=(), kind="loss", **kw):
    args = {
        "actor": actor,
        "kind": kind,
        "description": "Mất bản số 2 khi đi công tác",
        "how_found": "Người mang đi tự báo cáo",
        "discovered_at": clock.now() - dt.timedelta(hours=1),
        "item_ids": [i.pk for i in items],
    }
    args.update(kw)
    return services.report_incident(**args)


def test_a_loss_marks_its_items_lost_and_creates_the_tasks_with_one_ledger_entry(org, item_factory):
    item = item_factory(level="secret")
    before = LedgerEntry.objects.count()
    incident = report(org["users"]["drafter"], [item])
    item.refresh_from_db()
    assert item.status == "lost"
    assert incident.level == "secret" and list(incident.items.all()) == [item]
    assert incident.item_links.get().status_before == "classified"
    kinds = set(IncidentTask.objects.filter(incident=incident).values_list("kind", flat=True))
    assert kinds == {"notify_head", "police_report", "notify_classifier"}
    assert IncidentTask.objects.get(incident=incident, kind="notify_head").responsible == org["users"]["head"]
    assert LedgerEntry.objects.count() == before + 1
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry.event == "incidents.incident_reported" and json.loads(entry.payload)["level"] == "secret"


def test_a_leak_leaves_the_items_status_alone(org, item_factory):
    item = item_factory(level="confidential")
    report(org["users"]["drafter"], [item], kind="leak")
    item.refresh_from_db()
    assert item.status == "classified"


def test_a_refused_report_changes_nothing(org, item_factory):
    item = item_factory(level="top_secret")
    before = (LedgerEntry.objects.count(), Incident.objects.count())
    with pytest.raises(RuleViolation):  # the drafter cannot see a Tuyệt mật item: refused, not skipped
        report(org["users"]["drafter"], [item], description="")
    item.refresh_from_db()
    assert item.status == "classified"
    assert (LedgerEntry.objects.count(), Incident.objects.count()) == before


def test_items_outside_the_reporters_need_to_know_are_refused(org, item_factory):
    other_unit = item_factory(level="confidential", unit=org["unit_b"])
    with pytest.raises(RuleViolation) as exc:
        report(org["users"]["drafter"], [other_unit])
    assert exc.value.violations[0].code == "item_unknown"


def test_the_police_report_is_recorded_once_with_its_reference(org, item_factory):
    incident = report(org["users"]["security"], [item_factory()])
    before = LedgerEntry.objects.count()
    services.record_police_report(
        actor=org["users"]["security"], incident=incident, reference="12/BC-SXD", reported_at=clock.now()
    )
    incident.refresh_from_db()
    assert incident.police_report_ref == "12/BC-SXD"
    assert IncidentTask.objects.get(incident=incident, kind="police_report").done_at is not None
    assert LedgerEntry.objects.count() == before + 1
    assert json.loads(LedgerEntry.objects.order_by("-seq").first().payload)["in_time"] is True
    with pytest.raises(RuleViolation):
        services.record_police_report(
            actor=org["users"]["security"], incident=incident, reference="13/BC", reported_at=clock.now()
        )
    assert LedgerEntry.objects.count() == before + 1


def test_only_handlers_act_on_an_incident(org, item_factory):
    incident = report(org["users"]["drafter"], [item_factory()])
    for name in ("drafter", "inspector", "clerk"):
        with pytest.raises(RuleViolation):
            services.add_handling_step(
                actor=org["users"][name], incident=incident, on=clock.today(), description="Xác minh"
            )


def test_an_incident_is_closed_after_head_notice_police_report_and_conclusions(org, item_factory):
    users = org["users"]
    incident = report(users["drafter"], [item_factory()])
    with pytest.raises(RuleViolation) as exc:
        services.close_incident(actor=users["head"], incident=incident)
    assert {v.code for v in exc.value.violations} >= {"head_not_notified", "police_not_reported"}
    services.acknowledge_head_notice(actor=users["head"], incident=incident)
    services.record_police_report(
        actor=users["security"], incident=incident, reference="1/BC", reported_at=clock.now()
    )
    services.add_handling_step(
        actor=users["security"],
        incident=incident,
        on=clock.today(),
        description="Thông báo cơ quan ban hành",
        notified_classifier=True,
    )
    services.record_conclusions(
        actor=users["head"],
        incident=incident,
        causes="Sơ suất",
        remediation="Tập huấn lại",
        discipline="Khiển trách",
    )
    before = LedgerEntry.objects.count()
    services.close_incident(actor=users["head"], incident=incident)
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_by == users["head"]
    assert LedgerEntry.objects.count() == before + 1
    assert not IncidentTask.objects.filter(incident=incident, done_at__isnull=True).exists()


def test_tampering_on_an_envelope_is_reported_from_the_outside(org):
    incident = services.report_tampering(
        actor=org["users"]["clerk"],  # cleared only for Mật: still reports what the envelope shows
        description="Bì thư chữ A có dấu hiệu bóc, dán lại",
        discovered_at=clock.now(),
        level="top_secret",
        source_ref="Sổ đến số 12/2026",
    )
    assert incident.kind == "suspected" and incident.source == "incoming_tampering"
    assert incident.level == "top_secret"
    assert SecretItem.objects.count() == 0
