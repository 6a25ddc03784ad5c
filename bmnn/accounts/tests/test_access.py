"""Clearance and need-to-know across roles × levels × units (accounts.access)."""

import pytest
from django.test import override_settings

from bmnn.accounts import access
from bmnn.lib.testing import make_agency, make_unit, make_user

pytestmark = pytest.mark.django_db

ROLES = ["head", "deputy", "security_officer", "clerk", "staff", "inspector", "admin"]
LEVELS = ["confidential", "secret", "top_secret"]
CLEARANCES = ["none", "confidential", "secret", "top_secret"]


@pytest.fixture
def org():
    agency = make_agency()
    other = make_agency("Sở Khác")
    return agency, other, make_unit(agency, "A"), make_unit(agency, "B")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("clearance", CLEARANCES)
@pytest.mark.parametrize("level", LEVELS)
def test_nobody_sees_above_clearance_or_outside_need_to_know(org, role, clearance, level):
    agency, other, unit_a, unit_b = org
    user = make_user(agency, f"u-{role}-{clearance}-{level}", role=role, clearance=clearance, unit=unit_a)
    cleared = clearance != "none" and LEVELS.index(level) <= LEVELS.index(clearance)
    if role == "admin":
        cleared = False  # separation of duties
    same_unit = access.may_see(user, level=level, agency_id=agency.pk, unit_id=unit_a.pk)
    other_unit = access.may_see(user, level=level, agency_id=agency.pk, unit_id=unit_b.pk)
    other_agency = access.may_see(user, level=level, agency_id=other.pk, unit_id=unit_a.pk)
    drafted = access.may_see(
        user, level=level, agency_id=agency.pk, unit_id=unit_b.pk, related_user_ids=[user.pk]
    )
    assert same_unit is cleared
    assert other_unit is (cleared and role in access.AGENCY_WIDE_ROLES)
    assert other_agency is False
    assert drafted is cleared


@override_settings(BMNN_ADMIN_MAY_READ_SECRETS=True)
def test_an_installation_may_let_admins_read_within_clearance(org):
    agency, _, unit_a, _ = org
    admin = make_user(agency, "root", role="admin", clearance="secret", unit=unit_a)
    assert access.may_see(admin, level="secret", agency_id=agency.pk, unit_id=unit_a.pk)


def test_a_disabled_user_sees_nothing(org):
    agency, _, unit_a, _ = org
    user = make_user(agency, "gone", role="head", clearance="top_secret", unit=unit_a)
    user.is_active = False
    assert access.effective_clearance(user) == "none"
    assert not access.may_see(user, level="confidential", agency_id=agency.pk, unit_id=unit_a.pk)


@pytest.mark.parametrize(
    ("role", "reads"),
    [
        ("security_officer", True),
        ("inspector", True),
        ("head", True),
        ("admin", False),
        ("clerk", False),
        ("staff", False),
    ],
)
def test_only_security_officers_heads_and_inspectors_read_the_ledger(org, role, reads):
    user = make_user(org[0], f"l-{role}", role=role, clearance="secret")
    assert access.can_view_ledger(user) is reads
