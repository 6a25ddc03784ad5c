"""Destruction: every step is one act with one ledger entry; a refusal changes nothing."""

import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.movements import services
from bmnn.movements.models import DestructionCase, EmergencyDestruction, ItemCopy
from bmnn.movements.queries import due_rows
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db
D = dt.date(2026, 5, 4)


def entries() -> int:
    return LedgerEntry.objects.count()


def codes(exc) -> set[str]:
    return {v.code for v in exc.value.violations}


def with_copies(org, make_item, level="secret"):
    item = make_item(level)
    copies = services.record_copy(
        actor=org["users"]["clerk"],
        item=item,
        kind="sao_y",
        quantity=2,
        recipients=["Phòng A", "Phòng B"],
        authoriser=org["users"]["head"],
        permission_ref="PĐ 1",
        authorised_on=D,
        performed_on=D,
    )
    return item, copies


def through_decision(org, item, copies):
    u = org["users"]
    case = services.propose_destruction(
        actor=u["clerk"], items=[item], copies=copies, reason="Hết giá trị sử dụng", on=D
    )
    services.form_council(
        actor=u["clerk"],
        case=case,
        council_ref="QĐ 5/QĐ-SNV",
        chair="Phó Giám đốc",
        members=["Văn thư", "Chuyên viên"],
        on=D,
    )
    services.record_minutes(actor=u["clerk"], case=case, minutes_ref="BB 1", opinion="Đề nghị tiêu hủy", on=D)
    services.decide_destruction(actor=u["head"], case=case, approve=True, decision_ref="QĐ 6/QĐ-SNV", on=D)
    return case


def test_the_full_path_destroys_the_item_and_its_copies_for_ever(org, make_item):
    item, copies = with_copies(org, make_item)
    start = entries()
    case = through_decision(org, item, copies)
    assert entries() == start + 4
    services.record_destruction(
        actor=org["users"]["clerk"],
        case=case,
        method="Nghiền hủy",
        persons=["Văn thư", "Cán bộ bảo mật"],
        record_ref="BB 2",
        on=D,
    )
    assert entries() == start + 5
    assert LedgerEntry.objects.order_by("-seq").first().event == "movements.destroyed"
    item.refresh_from_db()
    assert item.status == "destroyed"
    assert all(c.destroyed_on == D for c in ItemCopy.objects.all())
    case.refresh_from_db()
    assert case.stage == "destroyed" and case.lines.count() == 3


def test_a_deputy_without_the_destroy_authority_cannot_decide(org, make_item):
    item, _ = with_copies(org, make_item)
    u = org["users"]
    case = services.propose_destruction(actor=u["clerk"], items=[item], copies=[], reason="Hết giá trị", on=D)
    services.form_council(
        actor=u["clerk"], case=case, council_ref="QĐ", chair="Chủ tịch", members=["A", "B"], on=D
    )
    services.record_minutes(actor=u["clerk"], case=case, minutes_ref="BB", opinion="Đồng ý", on=D)
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.decide_destruction(actor=u["deputy"], case=case, approve=True, decision_ref="QĐ", on=D)
    assert "destroy_no_authority" in codes(exc) and entries() == before
    case.refresh_from_db()
    assert case.stage == "reviewed"


def test_steps_cannot_be_skipped(org, make_item):
    item, _ = with_copies(org, make_item)
    u = org["users"]
    case = services.propose_destruction(actor=u["clerk"], items=[item], copies=[], reason="Hết giá trị", on=D)
    with pytest.raises(RuleViolation) as exc:
        services.record_destruction(
            actor=u["clerk"], case=case, method="Đốt", persons=["A"], record_ref="BB", on=D
        )
    assert "destroy_wrong_stage" in codes(exc)
    assert SecretItem.objects.get(pk=item.pk).status == "classified"


def test_a_council_needs_a_chair_two_members_and_its_decision_number(org, make_item):
    item, _ = with_copies(org, make_item)
    u = org["users"]
    case = services.propose_destruction(actor=u["clerk"], items=[item], copies=[], reason="Hết giá trị", on=D)
    with pytest.raises(RuleViolation) as exc:
        services.form_council(actor=u["clerk"], case=case, council_ref="", chair="", members=["A"], on=D)
    assert {"council_ref_missing", "council_chair_missing", "council_too_small"} <= codes(exc)


def test_an_item_out_on_a_take_out_permit_cannot_be_destroyed(org, make_item):
    item, _ = with_copies(org, make_item)
    u = org["users"]
    permit = services.request_take_out(
        actor=u["drafter"],
        item=item,
        item_copy=None,
        data=services.TakeOutInput("in_country", "Họp", "Hà Nội", D, D + dt.timedelta(days=2), "Cặp có khóa"),
    )
    services.decide_take_out(actor=u["head"], permit=permit, approve=True, on=D)
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.propose_destruction(actor=u["clerk"], items=[item], copies=[], reason="Hết giá trị", on=D)
    assert "destroy_open_take_out" in codes(exc) and entries() == before
    assert not DestructionCase.objects.exists()


def test_an_item_under_an_open_recall_cannot_be_destroyed_even_at_the_last_step(org, make_item):
    item, copies = with_copies(org, make_item)
    u = org["users"]
    case = through_decision(org, item, copies)
    services.issue_recall(
        actor=u["clerk"],
        item=item,
        item_copy=copies[0],
        holder=None,
        holder_name="Phòng A",
        reason="Thu hồi",
        on=D,
        deadline=D + dt.timedelta(days=5),
    )
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.record_destruction(
            actor=u["clerk"], case=case, method="Đốt", persons=["A"], record_ref="BB", on=D
        )
    assert "destroy_open_recall" in codes(exc) and entries() == before
    item.refresh_from_db()
    assert item.status == "classified" and not ItemCopy.objects.filter(destroyed_on__isnull=False).exists()


def test_a_destroyed_item_cannot_be_proposed_again(org, make_item):
    item, copies = with_copies(org, make_item)
    case = through_decision(org, item, copies)
    services.record_destruction(
        actor=org["users"]["clerk"], case=case, method="Đốt", persons=["A"], record_ref="BB", on=D
    )
    with pytest.raises(RuleViolation) as exc:
        services.propose_destruction(
            actor=org["users"]["clerk"], items=[item], copies=copies, reason="Lại", on=D
        )
    assert "item_destroyed" in codes(exc)


def test_emergency_destruction_reports_to_the_head_until_acknowledged(org, make_item):
    u = org["users"]
    item = make_item("secret", actor="drafter")  # the drafter is its custodian
    SecretItem.objects.filter(pk=item.pk).update(status="classified")
    before = entries()
    with pytest.raises(RuleViolation) as exc:
        services.destroy_in_emergency(
            actor=u["peer"], item=item, item_copy=None, method="Đốt", harm="Cháy", report="BC", on=D
        )
    assert "emergency_not_custodian" in codes(exc) and entries() == before
    with pytest.raises(RuleViolation) as exc:
        services.destroy_in_emergency(
            actor=u["drafter"], item=item, item_copy=None, method="Đốt", harm="Cháy", report="", on=D
        )
    assert "emergency_report_missing" in codes(exc)
    report = services.destroy_in_emergency(
        actor=u["drafter"],
        item=item,
        item_copy=None,
        method="Đốt",
        harm="Nguy cơ bị chiếm đoạt",
        report="Báo cáo số 1",
        on=D,
    )
    assert entries() == before + 1
    item.refresh_from_db()
    assert item.status == "destroyed"
    assert [r.kind for r in due_rows(u["head"], today=D)] == ["emergency_report"]
    services.acknowledge_emergency(actor=u["head"], report=report, on=D)
    assert (
        due_rows(u["head"], today=D) == [] and EmergencyDestruction.objects.get().acknowledged_by == u["head"]
    )


def test_a_paper_destruction_file_is_recorded_in_one_act(org, make_item):
    item, copies = with_copies(org, make_item)
    u = org["users"]
    before = entries()
    council = {
        "reason": "Hết giá trị",
        "proposed_on": D,
        "ref": "QĐ 5",
        "chair": "Phó GĐ",
        "members": ["A", "B"],
        "on": D,
        "minutes_ref": "BB 1",
        "opinion": "Đồng ý",
        "minutes_on": D,
    }
    decision = {"decided_by": u["head"], "ref": "QĐ 6", "on": D}
    destruction = {"method": "Nghiền", "persons": ["A"], "ref": "BB 2", "on": D}
    with pytest.raises(RuleViolation) as exc:
        services.record_destruction_file(
            actor=u["clerk"],
            item=item,
            copies=copies,
            include_item=True,
            council=council,
            decision={**decision, "decided_by": u["deputy"]},
            destruction=destruction,
        )
    assert "destroy_no_authority" in codes(exc) and entries() == before
    services.record_destruction_file(
        actor=u["clerk"],
        item=item,
        copies=copies,
        include_item=True,
        council=council,
        decision=decision,
        destruction=destruction,
    )
    assert entries() == before + 1
    item.refresh_from_db()
    assert item.status == "destroyed" and ItemCopy.objects.filter(destroyed_on=D).count() == 2
