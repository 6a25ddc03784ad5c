"""Acts on secret items: new state and exactly one ledger entry; refusals change nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.registry import services
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db


def data(items, level="secret", **kw):
    base = {
        "kind": "paper_document",
        "level": level,
        "basis_ids": [items[level].pk],
        "classified_on": dt.date(2026, 4, 2),
        "document_type": "Đề án",
        "number": "12/ĐA-SNV",
        "date": dt.date(2026, 4, 2),
        "summary": "Đề án sáp nhập",
        "copies": 3,
    }
    base.update(kw)
    return services.ItemInput(**base)


def entries():
    return LedgerEntry.objects.count()


def test_a_head_classifies_at_once_with_a_20_year_period_for_secret(org, catalog_items):
    before = entries()
    item = services.create_item(actor=org["users"]["head"], data=data(catalog_items))
    assert item.status == "classified" and item.regime == "2025"
    assert item.protection_ends_on is not None and item.protection_ends_on.year == 2046
    assert entries() == before + 1
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry.event == "registry.item_classified" and '"level":"secret"' in entry.payload


def test_a_drafter_without_authority_files_a_proposal_that_the_head_approves(org, catalog_items):
    item = services.create_item(actor=org["users"]["drafter"], data=data(catalog_items))
    assert item.status == "proposed" and item.protection_ends_on is None
    before = entries()
    services.decide_proposal(actor=org["users"]["head"], item=item, approve=True, on=dt.date(2026, 4, 3))
    item.refresh_from_db()
    assert item.status == "classified" and item.decided_by == org["users"]["head"]
    assert entries() == before + 1


def test_the_drafter_cannot_approve_their_own_proposal(org, catalog_items):
    item = services.create_item(actor=org["users"]["drafter"], data=data(catalog_items))
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.decide_proposal(
            actor=org["users"]["drafter"], item=item, approve=True, on=dt.date(2026, 4, 3)
        )
    assert "decider_not_competent" in {v.code for v in exc.value.violations}
    item.refresh_from_db()
    assert item.status == "proposed" and entries() == before


def test_a_deputy_classifies_under_2025_but_not_under_2018(org, catalog_items):
    deputy = org["users"]["deputy"]
    now = services.create_item(
        actor=deputy, data=data(catalog_items, classified_on=dt.date(2026, 3, 1), date=None)
    )
    assert now.status == "classified"
    before = services.create_item(
        actor=deputy, data=data(catalog_items, classified_on=dt.date(2026, 2, 27), date=None, number="13/ĐA")
    )
    assert before.status == "proposed"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"basis_ids": []}, "basis_missing"),  # classifying outside the Danh mục is prohibited
        ({"level": "top_secret", "summary": ""}, "level_above_basis"),  # secret basis, Tuyệt mật level
        ({"copies": 0}, "copies_invalid"),
    ],
)
def test_bad_input_is_refused_with_its_reason_and_nothing_saved(org, catalog_items, change, code):
    args = {
        "kind": "paper_document",
        "level": "secret",
        "basis_ids": [catalog_items["secret"].pk],
        "classified_on": dt.date(2026, 4, 2),
        "document_type": "Đề án",
        "summary": "x",
        "copies": 1,
    }
    args.update(change)
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.create_item(actor=org["users"]["head"], data=services.ItemInput(**args))
    assert code in {v.code for v in exc.value.violations}
    assert SecretItem.objects.count() == 0 and entries() == before


def test_a_top_secret_item_cannot_carry_a_summary_under_2025(org, catalog_items):
    with pytest.raises(RuleViolation):
        services.create_item(actor=org["users"]["head"], data=data(catalog_items, level="top_secret"))
    item = services.create_item(
        actor=org["users"]["head"], data=data(catalog_items, level="top_secret", summary="")
    )
    assert item.summary == ""
    assert "Đề án sáp nhập" not in LedgerEntry.objects.order_by("-seq").first().payload


def test_the_database_itself_refuses_a_top_secret_summary(org, catalog_items):
    item = services.create_item(
        actor=org["users"]["head"], data=data(catalog_items, level="top_secret", summary="")
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        SecretItem.objects.filter(pk=item.pk).update(summary="lộ nội dung")


def test_an_extension_59_days_before_expiry_is_refused_under_2018(org, catalog_items):
    item = services.create_item(actor=org["users"]["head"], data=data(catalog_items))
    item.protection_ends_on = dt.date(2026, 1, 29)  # expiry under the 2018 regime
    SecretItem.objects.filter(pk=item.pk).update(protection_ends_on=item.protection_ends_on)
    before = entries()
    with pytest.raises(RuleViolation):
        services.extend_item(actor=org["users"]["head"], item=item, on=dt.date(2025, 12, 1), years=5)
    assert entries() == before
    services.extend_item(actor=org["users"]["head"], item=item, on=dt.date(2025, 11, 30), years=5)
    item.refresh_from_db()
    assert item.protection_ends_on == dt.date(2031, 1, 29) and entries() == before + 1
    assert item.obligations.filter(kind="notify_extend").exists()


def test_declassification_needs_a_council_and_minutes(org, catalog_items):
    item = services.create_item(actor=org["users"]["head"], data=data(catalog_items))
    with pytest.raises(RuleViolation):
        services.declassify_item(
            actor=org["users"]["head"],
            item=item,
            on=dt.date(2026, 6, 1),
            council_members=[],
            minutes_ref="",
            decision_ref="",
        )
    services.declassify_item(
        actor=org["users"]["head"],
        item=item,
        on=dt.date(2026, 6, 1),
        council_members=["A", "B", "C"],
        minutes_ref="BB 1",
        decision_ref="QĐ 9",
    )
    item.refresh_from_db()
    assert item.status == "declassified"


def test_tick_declassifies_expired_items_once(org, catalog_items):
    item = services.create_item(actor=org["users"]["head"], data=data(catalog_items))
    SecretItem.objects.filter(pk=item.pk).update(protection_ends_on=dt.date(2026, 5, 1))
    done = services.apply_automatic_declassification(today=dt.date(2026, 5, 3))
    assert [i.pk for i in done] == [item.pk]
    assert services.apply_automatic_declassification(today=dt.date(2026, 5, 4)) == []
    assert LedgerEntry.objects.filter(event="registry.item_auto_declassified").count() == 1


def test_relevelling_keeps_the_old_basis_in_history_and_sets_a_15_day_notification(org, catalog_items):
    item = services.create_item(actor=org["users"]["head"], data=data(catalog_items))
    before = entries()
    services.relevel_item(
        actor=org["users"]["head"],
        item=item,
        new_level="confidential",
        basis_ids=[catalog_items["confidential"].pk],
        on=dt.date(2026, 6, 1),
    )
    item.refresh_from_db()
    assert item.level == "confidential" and entries() == before + 1
    act = item.acts.get(act="relevelled")
    assert act.details["old_basis"] == [catalog_items["secret"].citation]
    assert item.obligations.get(kind="notify_relevel").due_on == dt.date(2026, 6, 16)
    assert catalog_items["secret"].citation in LedgerEntry.objects.order_by("-seq").first().payload


def test_the_due_queue_shows_the_last_lawful_day_to_extend(org, catalog_items):
    from bmnn.registry import queries

    item = services.create_item(actor=org["users"]["head"], data=data(catalog_items))
    SecretItem.objects.filter(pk=item.pk).update(protection_ends_on=dt.date(2027, 1, 31))
    rows = queries.due_queue(org["users"]["head"], today=dt.date(2026, 11, 1), days=120)
    kinds = {(r.kind, r.due_on) for r in rows if r.item.pk == item.pk}
    assert ("protection_ends", dt.date(2027, 1, 31)) in kinds
    assert ("extension_deadline", dt.date(2026, 12, 2)) in kinds  # 60 days before expiry
