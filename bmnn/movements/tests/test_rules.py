"""Pure movement rules, table-driven, no database (Điều 11, 14, 15, 16, 23 Luật 29/2018/QH14 and
Luật 117/2025/QH15; NĐ 26/2020, NĐ 63/2026)."""

import datetime as dt
from dataclasses import replace

import pytest

from bmnn.movements import rules

TODAY = dt.date(2026, 11, 24)
D18 = dt.date(2026, 2, 27)  # under the 2018 regime
D25 = dt.date(2026, 3, 1)  # first day of the 2025 regime

COPY = rules.CopyAct(
    item_status="classified",
    item_level="secret",
    copy_forbidden=False,
    kind="sao_y",
    quantity=2,
    recipients=("Phòng A",),
    on=D25,
    today=TODAY,
    authoriser_same_agency=True,
    authoriser_max_level="secret",
)


def codes(violations) -> set[str]:
    return {v.code for v in violations}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"authoriser_max_level": "top_secret"}, set()),
        ({"authoriser_max_level": "confidential"}, {"copy_above_authority"}),
        ({"authoriser_max_level": None}, {"copy_above_authority"}),
        ({"item_level": "top_secret"}, {"copy_above_authority"}),
        ({"authoriser_same_agency": False}, {"copy_authoriser_other_agency"}),
        ({"copy_forbidden": True}, {"copy_forbidden"}),
        ({"quantity": 0}, {"copy_quantity_invalid"}),
        ({"quantity": -1}, {"copy_quantity_invalid"}),
        ({"quantity": 101}, {"copy_quantity_too_many"}),
        ({"kind": "fax"}, {"copy_kind_invalid"}),
        ({"kind": "so_hoa", "on": D18}, {"copy_digitise_before_2025"}),
        ({"kind": "so_hoa"}, set()),
        ({"recipients": (" ",)}, {"copy_recipients_missing"}),
        ({"item_status": "declassified"}, {"item_declassified"}),
        ({"item_status": "destroyed"}, {"item_destroyed"}),
        ({"item_status": "proposed"}, {"item_proposed"}),
        ({"on": TODAY + dt.timedelta(days=1)}, {"copy_date_future"}),
        (
            {"copy_forbidden": True, "quantity": 0, "recipients": ()},
            {"copy_forbidden", "copy_quantity_invalid", "copy_recipients_missing"},
        ),
    ],
)
def test_copy_rules(change, expected):
    assert codes(rules.check_copy(replace(COPY, **change))) == expected


@pytest.mark.parametrize(("on", "law"), [(D18, "Luật 29/2018/QH14"), (D25, "Luật 117/2025/QH15")])
def test_the_copy_basis_follows_the_regime_of_the_act_date(on, law):
    [violation] = rules.check_copy(replace(COPY, on=on, authoriser_max_level=None))
    assert "Điều 11" in violation.basis and law in violation.basis


@pytest.mark.parametrize(
    ("status", "is_authoriser", "approve", "reason", "expected"),
    [
        ("requested", True, True, "", set()),
        ("requested", True, False, "Không cần thiết", set()),
        ("requested", True, False, "", {"copy_refusal_reason_missing"}),
        ("requested", False, True, "", {"copy_not_named_authoriser"}),
        ("approved", True, True, "", {"copy_already_decided"}),
    ],
)
def test_copy_decision_rules(status, is_authoriser, approve, reason, expected):
    assert (
        codes(rules.check_copy_decision(rules.CopyDecision(status, is_authoriser, approve, reason), D25))
        == expected
    )


LINE = rules.LineFacts(label="Đề án 1", status="classified", open_take_out=False, open_recall=False)


@pytest.mark.parametrize(
    ("line", "reason", "expected"),
    [
        (LINE, "Hết giá trị", set()),
        (replace(LINE, open_take_out=True), "Hết giá trị", {"destroy_open_take_out"}),
        (replace(LINE, open_recall=True), "Hết giá trị", {"destroy_open_recall"}),
        (replace(LINE, status="destroyed"), "Hết giá trị", {"item_destroyed"}),
        (replace(LINE, status="declassified"), "Hết giá trị", set()),
        (replace(LINE, in_other_open_case=True), "Hết giá trị", {"destroy_in_other_case"}),
        (LINE, " ", {"destroy_reason_missing"}),
    ],
)
def test_destruction_proposal_rules(line, reason, expected):
    assert codes(rules.check_proposal(rules.ProposalFacts((line,), reason, D25, TODAY))) == expected


def test_a_proposal_lists_at_least_one_item():
    assert codes(rules.check_proposal(rules.ProposalFacts((), "Hết", D25, TODAY))) == {"destroy_nothing"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"decider_max_level": "confidential"}, {"destroy_no_authority"}),
        ({"decider_max_level": None}, {"destroy_no_authority"}),
        ({"level": "top_secret"}, {"destroy_no_authority"}),
        ({"stage": "council"}, {"destroy_wrong_stage"}),
        ({"decision_ref": ""}, {"decision_ref_missing"}),
        ({"approve": False}, {"decision_reason_missing"}),
        ({"on": D25 - dt.timedelta(days=1)}, {"decision_before_minutes"}),
    ],
)
def test_destruction_decision_rules(change, expected):
    base = rules.DecisionFacts("reviewed", True, "QĐ 6", "", "secret", "secret", D25, D25, TODAY)
    assert codes(rules.check_decision(replace(base, **change))) == expected


@pytest.mark.parametrize(
    ("chair", "members", "expected"),
    [
        ("Phó GĐ", ("A", "B"), set()),
        ("", ("A", "B"), {"council_chair_missing"}),
        ("Phó GĐ", ("A",), {"council_too_small"}),
    ],
)
def test_council_rules(chair, members, expected):
    facts = rules.CouncilFacts("proposed", "QĐ 5", chair, members, D25, D25, TODAY)
    assert codes(rules.check_council(facts)) == expected


def test_the_destruction_record_needs_method_persons_and_a_decided_file():
    facts = rules.DestructionRecordFacts(
        "reviewed", "", (), "", D25, None, TODAY, (replace(LINE, open_recall=True),)
    )
    assert codes(rules.check_destruction_record(facts)) == {
        "destroy_wrong_stage",
        "record_method_missing",
        "record_ref_missing",
        "record_persons_missing",
        "destroy_open_recall",
    }


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"actor_may_destroy": False}, {"emergency_not_custodian"}),
        ({"report": ""}, {"emergency_report_missing"}),
        ({"harm": ""}, {"emergency_harm_missing"}),
        ({"line": replace(LINE, open_take_out=True)}, {"destroy_open_take_out"}),
    ],
)
def test_emergency_destruction_rules(change, expected):
    base = rules.EmergencyFacts(LINE, True, "Nguy cơ bị chiếm đoạt", "Báo cáo số 1", "Đốt", D25, TODAY)
    assert codes(rules.check_emergency(replace(base, **change))) == expected


TAKE_OUT = rules.TakeOutFacts("classified", "in_country", "Họp", "Hà Nội", "Cặp có khóa", D25, D25, False)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        (
            {"purpose": "", "place": "", "protective_measures": ""},
            {"take_out_purpose_missing", "take_out_place_missing", "take_out_measures_missing"},
        ),
        ({"period_to": D25 - dt.timedelta(days=1)}, {"take_out_period_order"}),
        ({"already_out": True}, {"take_out_already_out"}),
        ({"scope": "moon"}, {"take_out_scope_invalid"}),
        ({"item_status": "destroyed"}, {"item_destroyed"}),
    ],
)
def test_take_out_request_rules(change, expected):
    assert codes(rules.check_take_out(replace(TAKE_OUT, **change))) == expected


@pytest.mark.parametrize(
    ("scope", "level", "held", "approve", "reason", "expected"),
    [
        ("in_country", "top_secret", "top_secret", True, "", set()),
        ("in_country", "secret", None, True, "", {"take_out_no_authority"}),
        ("abroad", "secret", "confidential", True, "", {"take_out_no_authority"}),
        ("abroad", "secret", None, False, "", {"take_out_refusal_reason_missing"}),
        ("abroad", "secret", None, False, "Không cần thiết", set()),
    ],
)
def test_take_out_decision_rules(scope, level, held, approve, reason, expected):
    d = rules.TakeOutDecision("requested", scope, level, approve, reason, held, D25, TODAY)
    assert codes(rules.check_take_out_decision(d)) == expected


PROVISION = rules.ProvisionFacts(
    "classified", "vn_body", "Sở Tài chính", "Ông A", "", "", "", "Thẩm định", "Cam kết bảo vệ", False, D25
)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"representative": ""}, {"provision_representative_missing"}),
        (
            {"recipient_kind": "vn_person", "representative": ""},
            {"provision_id_missing", "provision_address_missing"},
        ),
        (
            {"recipient_kind": "foreign_body"},
            {"provision_nationality_missing", "provision_third_party_missing"},
        ),
        ({"commitment": ""}, {"provision_commitment_missing"}),
    ],
)
def test_provision_request_rules(change, expected):
    assert codes(rules.check_provision(replace(PROVISION, **change))) == expected


@pytest.mark.parametrize(
    ("foreign", "level", "held", "external", "expected"),
    [
        (False, "secret", "secret", "", set()),
        (False, "secret", "confidential", "", {"provision_no_authority"}),
        (True, "top_secret", "top_secret", "", {"provision_prime_minister"}),
        (True, "top_secret", None, "Thủ tướng Chính phủ", set()),
        (True, "secret", "secret", "", set()),
    ],
)
def test_provision_decision_rules(foreign, level, held, external, expected):
    d = rules.ProvisionDecision("requested", foreign, level, True, "CV 1", "", held, external, D25, TODAY)
    assert codes(rules.check_provision_decision(d)) == expected


def test_a_written_refusal_of_provision_states_its_reasons():
    d = rules.ProvisionDecision("requested", False, "secret", False, "CV 2", "", None, "", D25, TODAY)
    assert codes(rules.check_provision_decision(d)) == {"provision_refusal_reason_missing"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"deadline": D25 - dt.timedelta(days=1)}, {"recall_deadline_order"}),
        ({"holder_name": "", "reason": ""}, {"recall_holder_missing", "recall_reason_missing"}),
        ({"already_recalled": True}, {"recall_already_open"}),
    ],
)
def test_recall_rules(change, expected):
    base = rules.RecallFacts("classified", "Phòng A", "Hết nhiệm vụ", D25, D25, TODAY, False)
    assert codes(rules.check_recall(replace(base, **change))) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"same_agency": False}, {"departure_other_agency"}),
        ({"already_open": True}, {"departure_already_open"}),
        ({"deadline": D25 - dt.timedelta(days=1)}, {"departure_deadline_order"}),
    ],
)
def test_departure_rules(change, expected):
    base = rules.DepartureFacts(True, "Nghỉ hưu", D25, D25, TODAY, False)
    assert codes(rules.check_departure(replace(base, **change))) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"basis": ""}, {"merger_basis_missing"}),
        ({"same_agency": True, "from_unit": 1, "to_unit": 1}, {"merger_same_holder"}),
        ({"same_agency": True, "from_unit": 1, "to_unit": 2}, set()),
        ({"actor_role": "clerk"}, {"merger_not_competent"}),
        ({"already_open": True}, {"merger_already_open"}),
    ],
)
def test_merger_reconciliation_rules(change, expected):
    base = rules.MergerFacts(False, None, None, "NQ 1/2025", "head", True, D25, TODAY, False)
    assert codes(rules.check_merger(replace(base, **change))) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, set()),
        ({"side": ""}, {"merger_not_a_side"}),
        ({"already_confirmed": True}, {"merger_side_signed"}),
        ({"stale": True}, {"merger_reconciliation_stale"}),
        ({"signed_other_side": True}, {"merger_same_signer"}),
        ({"completed": True}, {"merger_completed"}),
    ],
)
def test_merger_signature_rules(change, expected):
    base = rules.MergerConfirmation("giver", "head", False, False, False, D25)
    assert codes(rules.check_merger_confirmation(replace(base, **change))) == expected
