"""Copy acts: new state and exactly one ledger entry; refusals change nothing."""

import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.movements import services
from bmnn.movements.models import CopyEntry, CopyPermission, ItemCopy
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 4, 10)


def entries() -> int:
    return LedgerEntry.objects.count()


def codes(exc) -> set[str]:
    return {v.code for v in exc.value.violations}


def record(org, item, **kw):
    args = {
        "actor": org["users"]["clerk"],
        "item": item,
        "kind": "sao_y",
        "quantity": 2,
        "recipients": ["Phòng A", "Phòng B"],
        "authoriser": org["users"]["head"],
        "permission_ref": "Phiếu 3/PĐ ngày 10/04/2026",
        "authorised_on": ON,
        "performed_on": ON,
    }
    args.update(kw)
    return services.record_copy(**args)


def test_recording_a_given_permission_numbers_the_copies_and_registers_them_once(org, make_item):
    item = make_item("secret")
    before = entries()
    copies = record(org, item)
    assert [c.copy_number for c in copies] == ["1/2", "2/2"]
    assert [c.label for c in copies] == ["Bản sao số 1/2", "Bản sao số 2/2"]
    assert all(c.level == "secret" for c in copies)
    entry = CopyEntry.objects.get()
    assert entry.seq == 1 and entry.year == 2026 and entry.copy_numbers == "1/2, 2/2"
    assert entries() == before + 1
    assert LedgerEntry.objects.order_by("-seq").first().event == "movements.copy_recorded"


def test_two_copy_acts_take_consecutive_register_numbers(org, make_item):
    item = make_item("secret")
    record(org, item)
    record(org, item, quantity=1, recipients=["Phòng C"])
    assert list(CopyEntry.objects.order_by("seq").values_list("seq", flat=True)) == [1, 2]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"quantity": 0}, "copy_quantity_invalid"),
        ({"kind": "photocopy"}, "copy_kind_invalid"),
        ({"recipients": []}, "copy_recipients_missing"),
        ({"authoriser": "deputy"}, "copy_above_authority"),  # deputy has no copy authority
        ({"authoriser": "outsider"}, "copy_authoriser_other_agency"),
        ({"actor": "drafter"}, "register_not_keeper"),
        ({"performed_on": ON - dt.timedelta(days=1)}, "copy_before_permission"),
    ],
)
def test_a_refused_copy_changes_nothing(org, make_item, change, code):
    item = make_item("secret")
    for key in ("authoriser", "actor"):
        if key in change:
            name = change[key]
            change[key] = org["outsider"] if name == "outsider" else org["users"][name]
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        record(org, item, **change)
    assert code in codes(exc)
    assert entries() == before
    assert (
        not ItemCopy.objects.exists()
        and not CopyEntry.objects.exists()
        and not CopyPermission.objects.exists()
    )


def test_a_provincial_head_cannot_authorise_copying_a_top_secret_item(org, make_item):
    item = make_item("top_secret")
    with pytest.raises(RuleViolation) as exc:
        record(org, item)
    assert "copy_above_authority" in codes(exc)


def test_an_item_marked_not_to_be_copied_is_refused(org, make_item):
    item = make_item("secret")
    SecretItem.objects.filter(pk=item.pk).update(copy_forbidden=True)
    with pytest.raises(RuleViolation) as exc:
        record(org, item)
    assert "copy_forbidden" in codes(exc)


def test_destroyed_and_declassified_items_cannot_be_copied(org, make_item):
    item = make_item("secret")
    for status in ("destroyed", "declassified"):
        SecretItem.objects.filter(pk=item.pk).update(status=status)
        with pytest.raises(RuleViolation) as exc:
            record(org, item)
        assert f"item_{status}" in codes(exc)


def test_request_approval_and_performance_are_three_acts(org, make_item):
    users = org["users"]
    item = make_item("secret")
    start = entries()
    permission = services.request_copy(
        actor=users["drafter"],
        item=item,
        kind="chup",
        quantity=1,
        recipients=["Phòng A"],
        authoriser=users["head"],
    )
    assert permission.status == "requested" and entries() == start + 1
    with pytest.raises(RuleViolation) as exc:
        services.decide_copy(actor=users["deputy"], permission=permission, approve=True, on=ON)
    assert "copy_not_named_authoriser" in codes(exc)
    services.decide_copy(
        actor=users["head"], permission=permission, approve=True, on=ON, permission_ref="Bút phê"
    )
    assert entries() == start + 2
    copies = services.perform_copy(actor=users["clerk"], permission=permission, on=ON)
    assert [c.copy_number for c in copies] == ["1/1"] and entries() == start + 3
    permission.refresh_from_db()
    assert permission.status == "performed" and permission.performed_by == users["clerk"]


def test_a_copy_cannot_be_performed_before_it_is_approved(org, make_item):
    users = org["users"]
    item = make_item("secret")
    permission = services.request_copy(
        actor=users["drafter"],
        item=item,
        kind="sao_y",
        quantity=1,
        recipients=["Phòng A"],
        authoriser=users["head"],
    )
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.perform_copy(actor=users["clerk"], permission=permission, on=ON)
    assert "copy_not_approved" in codes(exc) and entries() == before and not ItemCopy.objects.exists()


def test_a_refusal_needs_its_reason(org, make_item):
    users = org["users"]
    item = make_item("secret")
    permission = services.request_copy(
        actor=users["drafter"],
        item=item,
        kind="sao_y",
        quantity=1,
        recipients=["Phòng A"],
        authoriser=users["head"],
    )
    with pytest.raises(RuleViolation) as exc:
        services.decide_copy(actor=users["head"], permission=permission, approve=False, on=ON)
    assert "copy_refusal_reason_missing" in codes(exc)
    services.decide_copy(
        actor=users["head"], permission=permission, approve=False, on=ON, refusal_reason="Không cần"
    )
    permission.refresh_from_db()
    assert permission.status == "refused"


def test_the_copy_register_row_cannot_be_deleted_or_renumbered(org, make_item):
    from django.db import DatabaseError, transaction

    record(org, make_item("secret"))
    entry = CopyEntry.objects.get()
    with pytest.raises(DatabaseError), transaction.atomic():
        CopyEntry.objects.filter(pk=entry.pk).update(seq=99)
    with pytest.raises(DatabaseError), transaction.atomic():
        CopyEntry.objects.filter(pk=entry.pk).delete()
