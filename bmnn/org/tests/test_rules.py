"""Authority and delegation rules, table-driven, no database (Luật 29/2018 Điều 10, 11)."""

import datetime as dt

import pytest

from bmnn.org.rules import (
    AuthorityRequest,
    DelegatedGrant,
    DelegationRequest,
    Grant,
    authority_source,
    check_authority,
    check_delegation,
)

HEAD, DEPUTY, UNIT_HEAD = 1, 2, 3
GRANTS = (
    Grant(HEAD, "copy", "secret"),
    Grant(HEAD, "classify", "top_secret"),
    Grant(DEPUTY, "classify", "top_secret", valid_from=dt.date(2026, 3, 1)),
    Grant(UNIT_HEAD, "copy", "confidential"),
)
DELEGATION = DelegatedGrant(HEAD, DEPUTY, "copy", "secret", dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def request(position, act, level, on, delegations=()):
    return AuthorityRequest(position, act, act, level, on, GRANTS, tuple(delegations))


@pytest.mark.parametrize(
    ("position", "act", "level", "on", "delegations", "source"),
    [
        (HEAD, "copy", "secret", dt.date(2026, 5, 1), (), "direct"),
        (HEAD, "copy", "top_secret", dt.date(2026, 5, 1), (), None),  # sở head: Tối mật at most (Điều 11.2)
        (
            UNIT_HEAD,
            "copy",
            "confidential",
            dt.date(2026, 5, 1),
            (),
            "direct",
        ),  # trưởng phòng: Mật (Điều 11.3)
        (UNIT_HEAD, "copy", "secret", dt.date(2026, 5, 1), (), None),
        (DEPUTY, "classify", "secret", dt.date(2026, 2, 28), (), None),  # 2018: head only
        (DEPUTY, "classify", "secret", dt.date(2026, 3, 1), (), "direct"),  # 2025: deputy head too
        (DEPUTY, "copy", "secret", dt.date(2026, 5, 1), (DELEGATION,), "delegated"),
        (DEPUTY, "copy", "secret", dt.date(2027, 1, 1), (DELEGATION,), None),  # delegation expired
        (DEPUTY, "copy", "top_secret", dt.date(2026, 5, 1), (DELEGATION,), None),  # above delegated level
        (None, "copy", "confidential", dt.date(2026, 5, 1), (), None),
    ],
)
def test_authority_depends_on_position_level_date_and_delegation(
    position, act, level, on, delegations, source
):
    assert authority_source(request(position, act, level, on, delegations)) == source
    assert bool(check_authority(request(position, act, level, on, delegations))) is (source is None)


def test_a_revoked_delegation_gives_no_authority_from_the_revocation_day():
    revoked = DelegatedGrant(HEAD, DEPUTY, "copy", "secret", dt.date(2026, 1, 1), None, dt.date(2026, 6, 1))
    assert authority_source(request(DEPUTY, "copy", "secret", dt.date(2026, 5, 31), [revoked])) == "delegated"
    assert authority_source(request(DEPUTY, "copy", "secret", dt.date(2026, 6, 1), [revoked])) is None


def test_a_delegation_is_worthless_when_the_delegator_lost_the_authority():
    grants = (Grant(HEAD, "copy", "secret", valid_to=dt.date(2026, 4, 30)),)
    req = AuthorityRequest(DEPUTY, "copy", "copy", "secret", dt.date(2026, 5, 2), grants, (DELEGATION,))
    assert authority_source(req) is None


def delegation(**overrides):
    base = {
        "from_position_id": HEAD,
        "to_position_id": DEPUTY,
        "to_position_kind": "deputy_head",
        "same_agency": True,
        "act": "copy",
        "max_level": "secret",
        "valid_from": dt.date(2026, 1, 1),
        "valid_to": None,
        "document_ref": "12/QĐ-SXD ngày 02/01/2026",
        "grants": GRANTS,
    }
    base.update(overrides)
    return DelegationRequest(**base)


@pytest.mark.parametrize(
    ("overrides", "codes"),
    [
        ({}, []),
        (
            {"from_position_id": DEPUTY, "to_position_id": 9},
            ["delegator_lacks_authority"],
        ),  # no sub-delegation
        ({"from_position_id": UNIT_HEAD, "max_level": "confidential"}, ["delegator_not_senior"]),
        ({"max_level": "top_secret"}, ["delegation_above_authority"]),
        ({"to_position_kind": "staff"}, ["delegate_not_deputy"]),
        ({"same_agency": False}, ["delegate_not_deputy"]),
        ({"document_ref": "  "}, ["delegation_not_written"]),
        ({"valid_to": dt.date(2025, 12, 31)}, ["delegation_dates"]),
        (
            {"to_position_kind": "staff", "document_ref": ""},
            ["delegate_not_deputy", "delegation_not_written"],
        ),
    ],
)
def test_delegation_rules_collect_every_violation(overrides, codes):
    violations = check_delegation(delegation(**overrides))
    assert [v.code for v in violations] == codes
    assert all(v.basis == "Khoản 2 Điều 11 Luật 29/2018/QH14" for v in violations)
