import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.registers import services
from bmnn.registers.models import (
    HandoverEntry,
    HandoverStatus,
    HeadNotice,
    IncomingEntry,
    OutgoingEntry,
    SearchRow,
)
from bmnn.registry.models import SecretItem

D = dt.date


def codes(err):
    return sorted(v.code for v in err.value.violations)


def out_input(item, **kw):
    base = {
        "item_id": item.pk,
        "date": D(2026, 4, 3),
        "recipients": ["UBND tỉnh Mẫu"],
        "signer": "Trần Minh Đức",
        "storage_unit": "Văn phòng",
        "quantity": 2,
    }
    base.update(kw)
    return services.OutgoingInput(**base)


def in_input(**kw):
    base = {
        "arrival_date": D(2026, 4, 5),
        "issuing_body": "Bộ Nội vụ",
        "number": "97/KH-BNV",
        "doc_date": D(2026, 4, 2),
        "document_type": "Kế hoạch",
        "summary": "Kế hoạch đào tạo",
        "level": "secret",
    }
    base.update(kw)
    return services.IncomingInput(**base)


def test_an_outgoing_entry_gets_the_next_number_one_ledger_entry_and_a_search_row(org, make_item):
    clerk = org["users"]["clerk"]
    before = LedgerEntry.objects.count()
    entry = services.register_outgoing(actor=clerk, data=out_input(make_item()))
    assert (entry.seq, entry.year, entry.level) == (1, 2026, "secret")
    assert [r.recipient for r in entry.receipts.all()] == ["UBND tỉnh Mẫu"]
    assert 'chữ "B"' in entry.envelope
    events = list(LedgerEntry.objects.order_by("seq").values_list("event", flat=True)[before:])
    assert events == ["registers.book_opened", "registers.outgoing_registered"]
    assert SearchRow.objects.get(kind="outgoing").tokens.startswith("15 cv sxd")


def test_a_bad_outgoing_registration_is_refused_with_every_reason_and_changes_nothing(org, make_item):
    clerk = org["users"]["clerk"]
    item = make_item(date=D(2026, 4, 8))
    services.register_outgoing(
        actor=clerk, data=out_input(make_item(number="1/X", date=D(2026, 4, 1)), date=D(2026, 4, 9))
    )
    before = (LedgerEntry.objects.count(), OutgoingEntry.objects.count(), SearchRow.objects.count())
    with pytest.raises(RuleViolation) as err:
        services.register_outgoing(
            actor=clerk, data=out_input(item, date=D(2026, 4, 7), recipients=[], quantity=0, seq=5)
        )
    assert codes(err) == [
        "date_before_document",
        "date_out_of_order",
        "quantity_invalid",
        "recipients_missing",
        "seq_client_sent",
    ]
    assert before == (LedgerEntry.objects.count(), OutgoingEntry.objects.count(), SearchRow.objects.count())


def test_only_register_keepers_write_the_outgoing_register(org, make_item):
    with pytest.raises(RuleViolation) as err:
        services.register_outgoing(actor=org["users"]["staff"], data=out_input(make_item(holder="staff")))
    assert "register_not_keeper" in codes(err)


def test_a_locked_book_refuses_registration(org, make_item):
    clerk = org["users"]["clerk"]
    services.register_outgoing(actor=clerk, data=out_input(make_item(number="1/A")))
    services.lock_book(actor=clerk, book=OutgoingEntry.objects.get().book)
    with pytest.raises(RuleViolation) as err:
        services.register_outgoing(actor=clerk, data=out_input(make_item(number="2/A")))
    assert codes(err) == ["book_locked"]
    assert OutgoingEntry.objects.count() == 1


def test_a_top_secret_summary_is_never_copied_or_accepted_under_2025(org, make_item):
    officer = org["users"]["officer"]
    item = make_item(level="top_secret", holder="officer")
    with pytest.raises(RuleViolation) as err:
        services.register_outgoing(actor=officer, data=out_input(item, summary="Nội dung tuyệt mật X"))
    assert codes(err) == ["top_secret_summary_forbidden"]
    assert "Nội dung tuyệt mật X" not in str(err.value)
    entry = services.register_outgoing(actor=officer, data=out_input(item))
    assert entry.summary == ""
    assert 'chữ "A"' in entry.envelope and "hai lớp" in entry.envelope
    assert not LedgerEntry.objects.filter(payload__icontains="tuyệt mật X").exists()


def test_a_2018_top_secret_summary_needs_the_classifiers_consent(org, make_item):
    officer = org["users"]["officer"]
    item = make_item(level="top_secret", holder="officer", date=D(2025, 12, 1))
    data = out_input(item, date=D(2025, 12, 5), summary="Trích yếu có đồng ý")
    with pytest.raises(RuleViolation) as err:
        services.register_outgoing(actor=officer, data=data)
    assert codes(err) == ["top_secret_summary_without_consent"]
    SecretItem.objects.filter(pk=item.pk).update(summary_consent=True)
    entry = services.register_outgoing(actor=officer, data=data)
    assert (entry.summary, entry.regime) == ("Trích yếu có đồng ý", "2018")
    assert "co dong y" not in SearchRow.objects.get(kind="outgoing").tokens


def test_a_receipt_cannot_predate_the_entry_and_is_signed_once(org, make_item):
    clerk = org["users"]["clerk"]
    entry = services.register_outgoing(actor=clerk, data=out_input(make_item()))
    receipt = entry.receipts.get()
    with pytest.raises(RuleViolation) as err:
        services.confirm_receipt(actor=clerk, receipt=receipt, signed_on=D(2026, 4, 1), signed_by="")
    assert codes(err) == ["receipt_before_document", "receipt_signer_missing"]
    services.confirm_receipt(actor=clerk, receipt=receipt, signed_on=D(2026, 4, 4), signed_by="Lê Văn Nhận")
    receipt.refresh_from_db()
    assert (receipt.signed_by, receipt.method) == ("Lê Văn Nhận", "paper")
    with pytest.raises(RuleViolation) as err:
        services.confirm_receipt(actor=clerk, receipt=receipt, signed_on=D(2026, 4, 4), signed_by="X")
    assert codes(err) == ["receipt_already_signed"]


def test_an_incoming_document_becomes_an_item_at_the_senders_level(org):
    clerk = org["users"]["clerk"]
    entry = services.register_incoming(actor=clerk, data=in_input())
    assert (entry.seq, entry.arrival_seq) == (1, 1)
    item = SecretItem.objects.get(pk=entry.item_id)
    assert (item.level, item.initial_level, item.status, item.custodian) == (
        "secret",
        "secret",
        "classified",
        clerk,
    )
    assert LedgerEntry.objects.filter(event="registers.incoming_registered").count() == 1


def test_a_duplicate_incoming_number_from_the_same_body_is_refused_with_other_reasons(org):
    clerk = org["users"]["clerk"]
    services.register_incoming(actor=clerk, data=in_input())
    before = (IncomingEntry.objects.count(), SecretItem.objects.count(), LedgerEntry.objects.count())
    with pytest.raises(RuleViolation) as err:
        services.register_incoming(
            actor=clerk,
            data=in_input(
                issuing_body="BỘ NỘI VỤ", arrival_date=D(2026, 4, 4), doc_date=D(2026, 4, 5), seq=3
            ),
        )
    assert codes(err) == [
        "arrival_before_document",
        "date_out_of_order",
        "incoming_duplicate",
        "seq_client_sent",
    ]
    assert before == (IncomingEntry.objects.count(), SecretItem.objects.count(), LedgerEntry.objects.count())


def test_a_sealed_envelope_goes_unopened_to_the_named_person(org):
    clerk, staff = org["users"]["clerk"], org["users"]["staff"]
    with pytest.raises(RuleViolation) as err:
        services.register_incoming(actor=clerk, data=in_input(sealed_for_addressee=True))
    assert codes(err) == ["addressee_missing", "sealed_has_summary"]
    entry = services.register_incoming(
        actor=clerk, data=in_input(sealed_for_addressee=True, summary="", receiving_user_id=staff.pk)
    )
    assert SecretItem.objects.get(pk=entry.item_id).custodian == staff


def test_signs_of_tampering_need_a_report_and_notify_the_head(org):
    clerk = org["users"]["clerk"]
    with pytest.raises(RuleViolation) as err:
        services.register_incoming(actor=clerk, data=in_input(tampering=True))
    assert codes(err) == ["tampering_report_missing"]
    entry = services.register_incoming(
        actor=clerk, data=in_input(tampering=True, tampering_report="Bì rách mép")
    )
    notice = HeadNotice.objects.get()
    assert (notice.incoming, notice.responsible) == (entry, org["users"]["head"])
    from bmnn.incidents.models import Incident

    incident = Incident.objects.get()
    assert incident.kind == "suspected" and f"Sổ đến số {entry.seq}/{entry.year}" in incident.source_ref


def test_an_incoming_top_secret_document_carries_no_summary(org):
    officer = org["users"]["officer"]
    with pytest.raises(RuleViolation) as err:
        services.register_incoming(actor=officer, data=in_input(level="top_secret", summary="Bí mật A"))
    assert codes(err) == ["top_secret_summary_forbidden"]
    assert not SecretItem.objects.exists()


def test_custody_passes_only_when_the_receiver_confirms(org, make_item):
    clerk, staff = org["users"]["clerk"], org["users"]["staff"]
    item = make_item()
    entry = services.hand_over(actor=clerk, item=item, to_user=staff, on=D(2026, 4, 6))
    item.refresh_from_db()
    assert (entry.status, item.custodian) == (HandoverStatus.IN_TRANSIT, clerk)
    with pytest.raises(RuleViolation) as err:
        services.hand_over(actor=clerk, item=item, to_user=staff, on=D(2026, 4, 6))
    assert "item_in_transit" in codes(err)
    with pytest.raises(RuleViolation) as err:
        services.confirm_handover(actor=org["users"]["low"], entry=entry, on=D(2026, 4, 5))
    assert codes(err) == ["confirm_not_receiver", "receipt_before_document"]
    services.confirm_handover(actor=staff, entry=entry, on=D(2026, 4, 7))
    item.refresh_from_db()
    entry.refresh_from_db()
    assert (entry.status, entry.confirmation_method, item.custodian) == ("confirmed", "in_app", staff)
    assert LedgerEntry.objects.filter(event__startswith="registers.handover").count() == 2


def test_a_keeper_may_record_a_paper_signature(org, make_item):
    clerk, staff = org["users"]["clerk"], org["users"]["staff"]
    entry = services.hand_over(actor=clerk, item=make_item(), to_user=staff, on=D(2026, 4, 6))
    services.confirm_handover(actor=clerk, entry=entry, on=D(2026, 4, 6), paper_signer="Hoàng Văn Mạnh")
    entry.refresh_from_db()
    assert (entry.confirmation_method, entry.paper_signer) == ("paper", "Hoàng Văn Mạnh")


def test_a_handover_to_someone_not_cleared_is_refused_with_every_reason(org, make_item):
    clerk = org["users"]["clerk"]
    item = make_item(date=D(2026, 4, 8))
    with pytest.raises(RuleViolation) as err:
        services.hand_over(actor=clerk, item=item, to_user=org["users"]["low"], on=D(2026, 4, 6), seq=1)
    assert codes(err) == ["date_before_document", "receiver_not_cleared", "seq_client_sent"]
    with pytest.raises(RuleViolation) as err:
        services.hand_over(actor=clerk, item=item, to_user=org["outsider"], on=D(2026, 4, 9))
    assert codes(err) == ["receiver_unknown"]
    assert not HandoverEntry.objects.exists()


def test_the_holder_may_hand_over_without_being_a_keeper(org, make_item):
    staff = org["users"]["staff"]
    entry = services.hand_over(
        actor=staff, item=make_item(holder="staff"), to_user=org["users"]["clerk"], on=D(2026, 4, 6)
    )
    assert entry.from_user == staff


def test_a_cancelled_entry_keeps_its_number_and_is_marked_in_search(org, make_item):
    clerk = org["users"]["clerk"]
    entry = services.register_outgoing(actor=clerk, data=out_input(make_item()))
    services.cancel_entry(actor=clerk, entry=entry, reason="Vào sổ nhầm")
    entry.refresh_from_db()
    assert (entry.seq, entry.is_cancelled) == (1, True)
    assert SearchRow.objects.get(kind="outgoing").status == "cancelled"
