"""Merger handover: a reconciliation of every item, two signatures, then the holding moves."""

import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.lib.testing import make_user
from bmnn.movements import services
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db
D = dt.date(2026, 7, 1)


def codes(exc) -> set[str]:
    return {v.code for v in exc.value.violations}


def test_a_merger_lists_every_item_with_open_acts_and_moves_after_both_sign(org, make_item):
    u = org["users"]
    quiet = make_item("secret")
    busy = make_item("confidential", number="2/BC")
    services.issue_recall(
        actor=u["clerk"],
        item=busy,
        item_copy=None,
        holder=None,
        holder_name="Phòng B",
        reason="Thu hồi",
        on=D,
        deadline=D + dt.timedelta(days=5),
    )
    receiving = org["outsider"].agency
    receiver = org["outsider"]  # head of the receiving agency
    start = LedgerEntry.objects.count()
    handover = services.reconcile_merger(
        actor=u["head"], to_agency=receiving, from_unit=None, to_unit=None, basis="NQ 76/2025/UBTVQH15", on=D
    )
    assert LedgerEntry.objects.count() == start + 1
    report = handover.reconciliation
    assert sorted(report["item_ids"]) == sorted([quiet.pk, busy.pk])
    assert [d["item"] for d in report["differences"]] == [busy.pk] and "đang thu hồi" in report[
        "differences"
    ][0]["reason"]
    services.confirm_merger(actor=u["head"], handover=handover, on=D)
    assert SecretItem.objects.get(pk=quiet.pk).agency_id == org["agency"].pk  # one signature: nothing moves
    with pytest.raises(RuleViolation) as exc:
        services.confirm_merger(actor=u["head"], handover=handover, on=D)
    assert "merger_side_signed" in codes(exc)
    services.confirm_merger(actor=receiver, handover=handover, on=D)
    handover.refresh_from_db()
    assert handover.stage == "completed"
    assert set(SecretItem.objects.filter(pk__in=[quiet.pk, busy.pk]).values_list("agency_id", flat=True)) == {
        receiving.pk
    }


def test_a_new_item_after_reconciliation_blocks_the_signatures(org, make_item):
    u = org["users"]
    make_item("secret")
    handover = services.reconcile_merger(
        actor=u["head"], to_agency=org["outsider"].agency, from_unit=None, to_unit=None, basis="NQ 76", on=D
    )
    make_item("secret", number="99/ĐA")
    with pytest.raises(RuleViolation) as exc:
        services.confirm_merger(actor=u["head"], handover=handover, on=D)
    assert "merger_reconciliation_stale" in codes(exc)


def test_someone_from_neither_side_cannot_sign(org, make_item):
    from bmnn.lib.testing import make_agency

    make_item("secret")
    handover = services.reconcile_merger(
        actor=org["users"]["head"],
        to_agency=org["outsider"].agency,
        from_unit=None,
        to_unit=None,
        basis="NQ",
        on=D,
    )
    third = make_user(make_agency("Sở Thứ Ba"), "third", role="head", clearance="top_secret")
    with pytest.raises(RuleViolation) as exc:
        services.confirm_merger(actor=third, handover=handover, on=D)
    assert "merger_not_a_side" in codes(exc)
