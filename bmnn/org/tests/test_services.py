import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.lib.testing import make_agency, make_user
from bmnn.org import rules, services
from bmnn.org.models import Delegation, PositionAuthority
from bmnn.org.queries import authority_request

pytestmark = pytest.mark.django_db


def test_a_new_provincial_agency_gets_head_and_deputy_with_the_laws_default_authority():
    agency = make_agency(level="provincial")
    head = agency.positions.get(kind="head")
    grants = {(g.act, g.max_level) for g in PositionAuthority.objects.filter(position=head)}
    assert ("copy", "secret") in grants  # head of a sở: Tối mật (Luật 2018 Điều 11.2)
    assert ("classify", "top_secret") in grants
    deputy_classify = PositionAuthority.objects.get(position__kind="deputy_head", act="classify")
    assert deputy_classify.valid_from == dt.date(2026, 3, 1)  # Luật 117/2025 from 01/03/2026
    assert LedgerEntry.objects.filter(event="org.agency_created").count() == 1


def test_a_central_agency_head_may_authorise_top_secret_copies():
    agency = make_agency("Bộ Thử", level="central")
    assert PositionAuthority.objects.filter(
        position__agency=agency, position__kind="head", act="copy", max_level="top_secret"
    ).exists()


def test_changing_authority_closes_the_old_grant_instead_of_deleting_it():
    agency = make_agency()
    head = agency.positions.get(kind="head")
    before = LedgerEntry.objects.count()
    services.set_position_authority(
        actor=None,
        position=head,
        act="copy",
        max_level="top_secret",
        on=dt.date(2026, 6, 1),
        basis="Chủ tịch UBND tỉnh",
    )
    old = PositionAuthority.objects.get(position=head, act="copy", max_level="secret")
    assert old.valid_to == dt.date(2026, 5, 31)
    assert LedgerEntry.objects.count() == before + 1
    user = make_user(agency, "gd", role="head", clearance="top_secret")
    assert rules.authority_source(authority_request(user, "copy", "top_secret", dt.date(2026, 5, 30))) is None
    assert (
        rules.authority_source(authority_request(user, "copy", "top_secret", dt.date(2026, 6, 1))) == "direct"
    )


def test_delegation_to_a_deputy_is_recorded_and_sub_delegation_refused():
    agency = make_agency()
    head, deputy = agency.positions.get(kind="head"), agency.positions.get(kind="deputy_head")
    services.create_delegation(
        actor=None,
        from_position=head,
        to_position=deputy,
        act="copy",
        max_level="secret",
        valid_from=dt.date(2026, 1, 1),
        valid_to=None,
        document_ref="01/QĐ ngày 01/01/2026",
    )
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.create_delegation(
            actor=None,
            from_position=deputy,
            to_position=head,
            act="copy",
            max_level="secret",
            valid_from=dt.date(2026, 2, 1),
            valid_to=None,
            document_ref="x",
        )
    assert "delegator_lacks_authority" in {v.code for v in exc.value.violations}
    assert LedgerEntry.objects.count() == before and Delegation.objects.count() == 1
