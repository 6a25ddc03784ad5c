"""Pure rules of the concrete registers, table-driven, no database."""

import datetime as dt

import pytest

from bmnn.registers import rules

D = dt.date


def codes(violations):
    return sorted(v.code for v in violations)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"client_seq_sent": True}, ["seq_client_sent"]),
        ({"level": "none"}, ["level_invalid"]),
        ({"level": "rat_mat"}, ["level_invalid"]),
        ({"on": D(2026, 4, 1), "last_date": D(2026, 4, 2)}, ["date_out_of_order"]),
        ({"on": D(2026, 4, 2), "last_date": D(2026, 4, 2)}, []),
    ],
)
def test_every_register_gives_its_own_numbers_and_keeps_dates_in_order(kw, expected):
    base = {
        "client_seq_sent": False,
        "level": "secret",
        "on": D(2026, 4, 2),
        "last_date": None,
        "date_label": "Ngày",
    }
    assert codes(rules.check_common_entry(**{**base, **kw})) == expected


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"item_classified": False}, ["item_not_classified"]),
        ({"doc_date": D(2026, 4, 5)}, ["date_before_document"]),
        ({"recipients": 0, "quantity": 0}, ["quantity_invalid", "recipients_missing"]),
    ],
)
def test_an_outgoing_document_is_classified_dated_and_addressed(kw, expected):
    base = {
        "on": D(2026, 4, 3),
        "doc_date": D(2026, 4, 1),
        "item_classified": True,
        "recipients": 1,
        "quantity": 1,
    }
    assert codes(rules.check_outgoing(rules.OutgoingFacts(**{**base, **kw}))) == expected


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"issuing_body": " "}, ["issuing_body_missing"]),
        ({"doc_date": D(2026, 4, 9)}, ["arrival_before_document"]),
        ({"duplicate": True}, ["incoming_duplicate"]),
        ({"sealed_for_addressee": True, "has_summary": True}, ["addressee_missing", "sealed_has_summary"]),
        ({"sealed_for_addressee": True, "has_addressee": True}, []),
        ({"tampering": True}, ["tampering_report_missing"]),
        ({"tampering": True, "tampering_report": "Bì rách"}, []),
    ],
)
def test_an_incoming_document_is_registered_as_it_arrived(kw, expected):
    base = {
        "arrival_date": D(2026, 4, 5),
        "doc_date": D(2026, 4, 1),
        "issuing_body": "Bộ Nội vụ",
        "number": "1/X",
        "duplicate": False,
        "sealed_for_addressee": False,
        "has_summary": False,
        "has_addressee": False,
        "tampering": False,
        "tampering_report": "",
    }
    assert codes(rules.check_incoming(rules.IncomingFacts(**{**base, **kw}))) == expected


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"signed_on": D(2026, 4, 2)}, ["receipt_before_document"]),
        (
            {"already_signed": True, "may_sign": False, "signed_by": ""},
            ["receipt_already_signed", "receipt_not_allowed", "receipt_signer_missing"],
        ),
    ],
)
def test_a_receipt_is_signed_once_by_someone_after_the_entry(kw, expected):
    base = {
        "entry_date": D(2026, 4, 3),
        "signed_on": D(2026, 4, 4),
        "signed_by": "A",
        "already_signed": False,
        "may_sign": True,
    }
    assert codes(rules.check_receipt(rules.ReceiptFacts(**{**base, **kw}))) == expected


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"actor_may_hand_over": False}, ["handover_not_holder"]),
        ({"item_active": False, "item_in_transit": True}, ["item_in_transit", "item_not_active"]),
        ({"same_person": True}, ["handover_same_person"]),
        ({"receiver_active_same_agency": False}, ["receiver_unknown"]),
        ({"receiver_clearance": "confidential"}, ["receiver_not_cleared"]),
        ({"receiver_clearance": "top_secret"}, []),
        ({"item_date": D(2026, 4, 9)}, ["date_before_document"]),
        ({"quantity": 0}, ["quantity_invalid"]),
        ({"receiver_clearance": "unknown-value"}, ["receiver_not_cleared"]),
        ({"level": "unknown-level", "receiver_clearance": "top_secret"}, ["receiver_not_cleared"]),
    ],
)
def test_a_handover_goes_to_someone_allowed_to_hold_the_item(kw, expected):
    base = {
        "actor_may_hand_over": True,
        "item_active": True,
        "item_in_transit": False,
        "same_person": False,
        "receiver_active_same_agency": True,
        "receiver_clearance": "secret",
        "level": "secret",
        "on": D(2026, 4, 6),
        "item_date": D(2026, 4, 1),
    }
    assert codes(rules.check_handover(rules.HandoverFacts(**{**base, **kw}))) == expected


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"is_receiver": False}, ["confirm_not_receiver"]),
        ({"is_receiver": False, "is_keeper": True}, ["confirm_not_receiver"]),
        ({"is_receiver": False, "is_keeper": True, "paper_signer": "Hoàng Văn Mạnh"}, []),
        ({"on": D(2026, 4, 5)}, ["receipt_before_document"]),
        ({"already_confirmed": True}, ["handover_closed"]),
        ({"cancelled": True}, ["handover_closed"]),
    ],
)
def test_only_the_receiver_or_their_paper_signature_confirms_a_handover(kw, expected):
    base = {
        "already_confirmed": False,
        "is_receiver": True,
        "is_keeper": False,
        "paper_signer": "",
        "handed_on": D(2026, 4, 6),
        "on": D(2026, 4, 6),
        "cancelled": False,
    }
    assert codes(rules.check_handover_confirmation(rules.HandoverConfirmation(**{**base, **kw}))) == expected
