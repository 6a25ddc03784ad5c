"""Grants, corrections and repetitive marking: new state and exactly one ledger entry; refusals change nothing."""

import datetime as dt
import json

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.registry import queries, services
from bmnn.registry.models import ItemAct, ItemGrant, Obligation, SecretItem, StandingAuthorisation

pytestmark = pytest.mark.django_db
D = dt.date(2026, 4, 2)


@pytest.fixture
def item(org, catalog_items):
    return services.create_item(
        actor=org["users"]["head"],
        data=services.ItemInput(
            kind="paper_document",
            level="confidential",
            basis_ids=[catalog_items["confidential"].pk],
            classified_on=D,
            document_type="Báo cáo",
            number="7/BC-SNV",
            summary="Báo cáo lao động",
            copies=2,
        ),
    )


def last_entry():
    entry = LedgerEntry.objects.order_by("-seq").first()
    return entry, json.loads(entry.payload)


def test_a_grant_lets_a_colleague_of_another_unit_see_the_item_and_revoking_keeps_the_row(org, item):
    head, stranger = org["users"]["head"], org["users"]["stranger"]
    assert not queries.visible_items(stranger).filter(pk=item.pk).exists()
    before = LedgerEntry.objects.count()
    grant = services.grant_access(actor=head, item=item, user=stranger, reason="Thẩm định")
    assert (
        LedgerEntry.objects.count() == before + 1 and last_entry()[0].event == "registry.item_access_granted"
    )
    assert queries.visible_items(stranger).filter(pk=item.pk).exists()
    services.revoke_access(actor=head, grant=grant, reason="Xong việc")
    assert LedgerEntry.objects.count() == before + 2 and last_entry()[1]["reason"] == "Xong việc"
    assert not queries.visible_items(stranger).filter(pk=item.pk).exists()
    assert ItemGrant.objects.get().revoked_at is not None
    services.grant_access(actor=head, item=item, user=stranger, reason="Việc mới")  # history kept, new row
    assert ItemGrant.objects.count() == 2


def test_a_grant_to_an_uncleared_user_by_a_staff_member_is_refused_with_every_reason(org, item):
    low_staff = org["users"]["low"]
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.grant_access(actor=org["users"]["drafter"], item=item, user=org["outsider"], reason="")
    assert {v.code for v in exc.value.violations} == {
        "grant_not_allowed",
        "grantee_invalid",
        "grant_reason_missing",
    }
    assert LedgerEntry.objects.count() == before and not ItemGrant.objects.exists()
    assert low_staff  # Mật-cleared: may be granted a Mật item
    services.grant_access(actor=org["users"]["head"], item=item, user=low_staff, reason="Lưu trữ")


def test_an_amendment_corrects_level_and_basis_notifies_holders_and_writes_one_entry(
    org, item, catalog_items
):
    before = LedgerEntry.objects.count()
    services.correct_classification(
        actor=org["users"]["head"],
        item=item,
        kind="amend",
        on=D + dt.timedelta(days=5),
        reason="Căn cứ không đúng",
        document_ref="05/ĐC-SNV ngày 07/04/2026",
        new_level="secret",
        basis_ids=[catalog_items["secret"].pk],
    )
    item.refresh_from_db()
    assert item.level == "secret" and item.protection_ends_on == dt.date(2046, 4, 2)
    assert [c.pk for c in item.basis.all()] == [catalog_items["secret"].pk]
    assert LedgerEntry.objects.count() == before + 1
    entry, payload = last_entry()
    assert entry.event == "registry.item_corrected_amend" and payload["from"] == "confidential"
    obligation = Obligation.objects.get(item=item)
    assert obligation.due_on == dt.date(2026, 4, 22) and "đính chính" in obligation.description
    assert ItemAct.objects.filter(item=item, act="corrected_amend").exists()


def test_a_recall_keeps_the_level_and_asks_for_the_documents_back(org, item):
    services.correct_classification(
        actor=org["users"]["head"],
        item=item,
        kind="recall",
        on=D,
        reason="Không thuộc danh mục",
        document_ref="06/TH-SNV",
    )
    item.refresh_from_db()
    assert item.level == "confidential" and "thu hồi" in Obligation.objects.get(item=item).description


def test_a_correction_by_someone_without_authority_changes_nothing(org, item, catalog_items):
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.correct_classification(
            actor=org["users"]["drafter"],
            item=item,
            kind="amend",
            on=D,
            reason="",
            document_ref="",
            new_level="top_secret",
            basis_ids=[catalog_items["secret"].pk],
        )
    codes = {v.code for v in exc.value.violations}
    assert {"correction_reason_missing", "correction_document_missing", "level_above_basis"} <= codes
    item.refresh_from_db()
    assert item.level == "confidential" and LedgerEntry.objects.count() == before
    assert not Obligation.objects.exists()


def test_a_drafter_marks_a_repetitive_document_directly_under_the_heads_authorisation(org, catalog_items):
    head, drafter = org["users"]["head"], org["users"]["drafter"]
    auth = services.authorise_repetitive_kind(
        actor=head,
        document_type="Báo cáo tuần tình hình lao động",
        level="confidential",
        basis_id=catalog_items["confidential"].pk,
        on=D,
        decision_ref="01/QĐ-SNV ngày 02/04/2026",
    )
    assert last_entry()[0].event == "registry.standing_authorisation_granted"
    before = LedgerEntry.objects.count()
    item = services.mark_repetitive_document(
        actor=drafter,
        authorisation=auth,
        data={
            "document_type": "Bao cao tuan tinh hinh lao dong",
            "number": "12/BC",
            "on": D + dt.timedelta(days=7),
            "copies": 2,
            "summary": "Tuần 15",
        },
    )
    assert item.status == "classified" and item.decided_by == head and item.drafter == drafter
    assert item.protection_ends_on == dt.date(2036, 4, 9)
    assert (
        LedgerEntry.objects.count() == before + 1
        and last_entry()[0].event == "registry.item_marked_repetitive"
    )
    with pytest.raises(RuleViolation) as exc:
        services.mark_repetitive_document(
            actor=drafter, authorisation=auth, data={"document_type": "Tờ trình", "on": D, "copies": 1}
        )
    assert {v.code for v in exc.value.violations} == {"standing_other_type"}
    assert SecretItem.objects.count() == 1


def test_only_the_competent_person_authorises_a_repetitive_kind(org, catalog_items):
    with pytest.raises(RuleViolation) as exc:
        services.authorise_repetitive_kind(
            actor=org["users"]["drafter"],
            document_type="Báo cáo tuần",
            level="secret",
            basis_id=catalog_items["secret"].pk,
            on=D,
            decision_ref="x",
        )
    assert "decider_not_competent" in {v.code for v in exc.value.violations}
    assert not StandingAuthorisation.objects.exists()


def test_a_revoked_authorisation_no_longer_allows_marking(org, catalog_items):
    head = org["users"]["head"]
    auth = services.authorise_repetitive_kind(
        actor=head,
        document_type="Báo cáo tuần",
        level="confidential",
        basis_id=catalog_items["confidential"].pk,
        on=D,
        decision_ref="01/QĐ",
    )
    services.revoke_standing_authorisation(
        actor=head, authorisation=auth, on=D + dt.timedelta(days=1), reason="Đổi"
    )
    with pytest.raises(RuleViolation) as exc:
        services.mark_repetitive_document(
            actor=org["users"]["drafter"],
            authorisation=auth,
            data={"document_type": "Báo cáo tuần", "on": D + dt.timedelta(days=2), "copies": 1},
        )
    assert {v.code for v in exc.value.violations} == {"standing_not_in_force"}
