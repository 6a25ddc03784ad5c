"""Pure rules: need-to-know grants, thu hồi / đính chính, repetitive documents (no database)."""

import datetime as dt

import pytest

from bmnn.registry.rules import BasisItem, DeciderAuthority, ItemStatus, Level, PositionKind
from bmnn.registry.rules.access import GrantRequest, check_grant, check_revoke
from bmnn.registry.rules.corrections import (
    CorrectionKind,
    CorrectionRequest,
    RepetitiveMarking,
    StandingAuthorisationRequest,
    check_correction,
    check_repetitive_marking,
    check_standing_authorisation,
)
from bmnn.registry.rulesets import load_ruleset

R2025 = load_ruleset("2025")
HEAD = DeciderAuthority(position_kind=PositionKind.HEAD, max_level=Level.TOP_SECRET)
STAFF = DeciderAuthority(position_kind=PositionKind.OTHER)
D = dt.date(2026, 4, 2)
SECRET_ITEM = BasisItem(
    "1", Level.SECRET, "Điểm b khoản 1 Điều 2 QĐ 2500/QĐ-TTg", dt.date(2025, 11, 17), None
)
CLOSED_ITEM = BasisItem(
    "2", Level.SECRET, "Khoản 3 Điều 2 QĐ 2500/QĐ-TTg", dt.date(2025, 1, 1), dt.date(2026, 1, 1)
)


def grant(**kw):
    base = {
        "granter_may_grant": True,
        "same_agency": True,
        "grantee_active": True,
        "grantee_cleared": True,
        "already_granted": False,
        "reason": "Thẩm định đề án",
    }
    return GrantRequest(**{**base, **kw})


@pytest.mark.parametrize(
    ("change", "codes"),
    [
        ({}, set()),
        ({"granter_may_grant": False}, {"grant_not_allowed"}),
        ({"grantee_cleared": False}, {"grantee_not_cleared"}),
        ({"same_agency": False, "grantee_cleared": False}, {"grantee_invalid"}),
        ({"already_granted": True, "reason": ""}, {"grant_exists", "grant_reason_missing"}),
    ],
)
def test_a_grant_needs_a_granting_role_a_cleared_colleague_and_a_task(change, codes):
    assert {v.code for v in check_grant(grant(**change))} == codes


def test_a_revocation_needs_a_reason_and_an_active_grant():
    codes = {v.code for v in check_revoke(granter_may_grant=True, active=False, reason=" ")}
    assert codes == {"grant_already_revoked", "revoke_reason_missing"}


def correction(**kw):
    base = {
        "kind": CorrectionKind.AMEND,
        "status": ItemStatus.CLASSIFIED,
        "level": Level.CONFIDENTIAL,
        "classified_on": D,
        "decided_on": D + dt.timedelta(days=3),
        "decider": HEAD,
        "reason": "Căn cứ sai",
        "document_ref": "05/ĐC-SNV ngày 05/04/2026",
        "new_level": Level.SECRET,
        "basis": (SECRET_ITEM,),
    }
    return CorrectionRequest(**{**base, **kw})


@pytest.mark.parametrize(
    ("change", "codes"),
    [
        ({}, set()),
        ({"kind": CorrectionKind.RECALL, "new_level": None, "basis": ()}, set()),
        ({"kind": CorrectionKind.RECALL}, {"recall_changes_level"}),
        ({"new_level": None, "basis": ()}, {"amend_nothing"}),
        ({"decider": STAFF}, {"decider_not_competent"}),
        ({"reason": "", "document_ref": ""}, {"correction_reason_missing", "correction_document_missing"}),
        ({"decided_on": D - dt.timedelta(days=1)}, {"correction_before_classification"}),
        ({"status": ItemStatus.PROPOSED}, {"item_not_classified"}),
        ({"new_level": Level.TOP_SECRET}, {"level_above_basis"}),
        ({"basis": (CLOSED_ITEM,)}, {"basis_closed"}),
        ({"new_level": Level.TOP_SECRET, "basis": (), "has_summary": True}, {"top_secret_summary_forbidden"}),
    ],
)
def test_a_correction_is_issued_by_the_classifier_with_a_document_and_a_lawful_new_level(change, codes):
    found = check_correction(correction(**change), R2025)
    assert {v.code for v in found} >= codes and (codes or not found)
    assert all(v.basis for v in found)


@pytest.mark.parametrize(
    ("change", "codes"),
    [
        ({}, set()),
        ({"decider": STAFF}, {"decider_not_competent"}),
        ({"level": Level.TOP_SECRET}, {"level_above_basis"}),
        ({"level": Level.CONFIDENTIAL}, {"level_below_basis_without_reason"}),
        ({"document_type": " ", "decision_ref": ""}, {"standing_type_missing", "standing_decision_missing"}),
        ({"basis": ()}, {"basis_missing"}),
    ],
)
def test_a_repetitive_kind_is_authorised_once_by_the_competent_person_on_a_catalog_basis(change, codes):
    base = {
        "document_type": "Báo cáo tuần",
        "level": Level.SECRET,
        "basis": (SECRET_ITEM,),
        "decided_on": D,
        "decider": HEAD,
        "decision_ref": "01/QĐ-SNV",
    }
    found = check_standing_authorisation(StandingAuthorisationRequest(**{**base, **change}), R2025)
    assert {v.code for v in found} >= codes and (codes or not found)


@pytest.mark.parametrize(
    ("change", "codes"),
    [
        ({}, set()),
        ({"document_type": "bao cao  TUAN"}, set()),  # same kind, written without accents
        ({"document_type": "Tờ trình"}, {"standing_other_type"}),
        ({"marked_on": D - dt.timedelta(days=1)}, {"standing_not_in_force"}),
        ({"revoked_on": D}, {"standing_not_in_force"}),
        ({"drafter_in_scope": False}, {"standing_other_unit"}),
        ({"basis": (CLOSED_ITEM,)}, {"basis_closed"}),
        ({"level": Level.TOP_SECRET, "has_summary": True}, {"top_secret_summary_forbidden"}),
    ],
)
def test_the_drafter_marks_only_documents_of_the_authorised_kind_while_it_applies(change, codes):
    base = {
        "authorised_type": "Báo cáo tuần",
        "document_type": "Báo cáo tuần",
        "valid_from": D,
        "revoked_on": None,
        "drafter_in_scope": True,
        "marked_on": D,
        "basis": (SECRET_ITEM,),
        "level": Level.SECRET,
    }
    found = check_repetitive_marking(RepetitiveMarking(**{**base, **change}), R2025)
    assert {v.code for v in found} == codes
