"""Take-out, provision, recall and departing custodians: one ledger entry per act, refusals change nothing."""

import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.movements import services
from bmnn.movements.models import CustodianDeparture, ProvisionRequest, Recall, TakeOutPermit
from bmnn.movements.queries import due_rows

pytestmark = pytest.mark.django_db
D = dt.date(2026, 5, 4)


def entries() -> int:
    return LedgerEntry.objects.count()


def codes(exc) -> set[str]:
    return {v.code for v in exc.value.violations}


def take_out_data(**kw):
    base = {
        "scope": "in_country",
        "purpose": "Họp",
        "place": "Hà Nội",
        "period_from": D,
        "period_to": D + dt.timedelta(days=3),
        "protective_measures": "Cặp có khóa",
    }
    base.update(kw)
    return services.TakeOutInput(**base)


def test_a_take_out_is_requested_approved_and_returned_with_three_entries(org, make_item):
    u = org["users"]
    item = make_item("secret")
    start = entries()
    permit = services.request_take_out(actor=u["clerk"], item=item, item_copy=None, data=take_out_data())
    services.decide_take_out(actor=u["head"], permit=permit, approve=True, on=D, decision_ref="Giấy phép 1")
    services.confirm_take_out_return(
        actor=u["clerk"], permit=permit, returned_on=D + dt.timedelta(days=2), report="Đã dùng"
    )
    permit.refresh_from_db()
    assert permit.status == "returned" and entries() == start + 3


def test_an_overdue_take_out_appears_in_the_due_rows_until_returned(org, make_item):
    u = org["users"]
    item = make_item("secret")
    permit = services.request_take_out(actor=u["clerk"], item=item, item_copy=None, data=take_out_data())
    services.decide_take_out(actor=u["head"], permit=permit, approve=True, on=D)
    later = D + dt.timedelta(days=10)
    rows = due_rows(u["clerk"], today=later)
    assert [(r.kind, r.due_on, r.item.pk) for r in rows] == [
        ("take_out_return", D + dt.timedelta(days=3), item.pk)
    ]
    assert due_rows(org["users"]["stranger"], today=later) == []  # cannot see the item, so not its permit
    services.confirm_take_out_return(actor=u["clerk"], permit=permit, returned_on=later, report="Trả muộn")
    assert due_rows(u["clerk"], today=later) == []


def test_taking_abroad_needs_the_take_abroad_authority_which_a_provincial_head_lacks(org, make_item):
    u = org["users"]
    item = make_item("secret")
    permit = services.request_take_out(
        actor=u["clerk"], item=item, item_copy=None, data=take_out_data(scope="abroad")
    )
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.decide_take_out(actor=u["head"], permit=permit, approve=True, on=D)
    assert "take_out_no_authority" in codes(exc) and entries() == before
    permit.refresh_from_db()
    assert permit.status == "requested"


def test_a_second_take_out_while_the_first_is_open_is_refused(org, make_item):
    u = org["users"]
    item = make_item("secret")
    services.request_take_out(actor=u["clerk"], item=item, item_copy=None, data=take_out_data())
    with pytest.raises(RuleViolation) as exc:
        services.request_take_out(actor=u["clerk"], item=item, item_copy=None, data=take_out_data())
    assert "take_out_already_out" in codes(exc) and TakeOutPermit.objects.count() == 1


def test_provision_is_refused_in_writing_with_reasons(org, make_item):
    u = org["users"]
    item = make_item("secret")
    req = services.register_provision_request(
        actor=u["clerk"],
        item=item,
        data=services.ProvisionInput(
            "vn_body", "Sở Tài chính", "Thẩm định", "Cam kết bảo vệ BMNN", representative="Ông A"
        ),
    )
    with pytest.raises(RuleViolation) as exc:
        services.decide_provision(actor=u["head"], request=req, approve=False, on=D, decision_ref="CV 9")
    assert "provision_refusal_reason_missing" in codes(exc)
    services.decide_provision(
        actor=u["head"],
        request=req,
        approve=False,
        on=D,
        decision_ref="CV 9",
        refusal_reason="Không liên quan nhiệm vụ",
    )
    assert ProvisionRequest.objects.get().status == "refused"


def test_a_provision_request_without_commitment_changes_nothing(org, make_item):
    item = make_item("secret")
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.register_provision_request(
            actor=org["users"]["clerk"],
            item=item,
            data=services.ProvisionInput("foreign_person", "John Doe", "Hợp tác", ""),
        )
    assert {"provision_commitment_missing", "provision_nationality_missing", "provision_id_missing"} <= codes(
        exc
    )
    assert entries() == before and not ProvisionRequest.objects.exists()


def test_a_departing_custodian_gets_one_recall_per_item_and_copy_and_signs_at_the_end(org, make_item):
    u = org["users"]
    item = make_item("secret")
    services.record_copy(
        actor=u["clerk"],
        item=item,
        kind="sao_y",
        quantity=1,
        recipients=["drafter"],
        authoriser=u["head"],
        permission_ref="PĐ",
        authorised_on=D,
        performed_on=D,
    )
    own = make_item("secret", number="13/ĐA")
    from bmnn.registry.models import SecretItem

    SecretItem.objects.filter(pk=own.pk).update(custodian=u["drafter"])
    start = entries()
    departure = services.open_departure(
        actor=u["head"], custodian=u["drafter"], reason="Nghỉ hưu", on=D, deadline=D + dt.timedelta(days=7)
    )
    assert entries() == start + 1
    recalls = list(Recall.objects.filter(departure=departure))
    assert sorted((r.item_id, r.item_copy_id is not None) for r in recalls) == [
        (item.pk, True),
        (own.pk, False),
    ]
    with pytest.raises(RuleViolation) as exc:
        services.record_departure_commitment(
            actor=u["head"], departure=departure, commitment_ref="CK 1", signed_on=D
        )
    assert "departure_recalls_open" in codes(exc)
    for r in recalls:
        services.confirm_recall_return(actor=u["clerk"], recall=r, returned_on=D)
    services.record_departure_commitment(
        actor=u["head"], departure=departure, commitment_ref="CK 1", signed_on=D
    )
    assert CustodianDeparture.objects.get().closed_on == D
    assert SecretItem.objects.get(pk=own.pk).custodian == u["clerk"]


def test_a_staff_member_cannot_issue_a_recall(org, make_item):
    with pytest.raises(RuleViolation) as exc:
        services.issue_recall(
            actor=org["users"]["drafter"],
            item=make_item("secret"),
            item_copy=None,
            holder=None,
            holder_name="Phòng A",
            reason="Thu hồi",
            on=D,
            deadline=D,
        )
    assert "actor_role" in codes(exc) and not Recall.objects.exists()
