"""The organisation pages an admin uses: units, positions, authority, delegation (each ledgered)."""

import pytest
from django.db.models import F
from django.test import Client

from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD, make_agency, make_user
from bmnn.org.models import Delegation, Position, PositionAuthority, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    agency = make_agency()
    make_user(agency, "qt", role="admin")
    client = Client()
    client.post("/accounts/login/", {"username": "qt", "password": PASSWORD})
    return client, agency


def test_an_admin_adds_a_unit_and_a_position_through_the_pages(admin_client):
    client, agency = admin_client
    assert client.post("/org/units/new/", {"code": "VP", "name": "Văn phòng"}).status_code == 302
    unit = Unit.objects.get(agency=agency, code="VP")
    response = client.post(
        "/org/positions/new/",
        {"code": "CVP", "name": "Chánh Văn phòng", "kind": "unit_head", "unit": unit.pk},
    )
    assert response.status_code == 302 and Position.objects.filter(agency=agency, code="CVP").exists()
    assert LedgerEntry.objects.filter(event__in=["org.unit_created", "org.position_created"]).count() == 2


def test_a_duplicate_unit_code_is_refused_with_the_field_named(admin_client):
    client, _ = admin_client
    client.post("/org/units/new/", {"code": "VP", "name": "Văn phòng"})
    again = client.post("/org/units/new/", {"code": "VP", "name": "Văn phòng 2"})
    assert again.status_code == 200 and Unit.objects.filter(code="VP").count() == 1
    assert "Mã đơn vị đã tồn tại" in again.content.decode()


def test_changing_a_positions_authority_keeps_the_old_grant(admin_client):
    client, agency = admin_client
    head = agency.positions.get(kind="head")
    response = client.post(
        f"/org/positions/{head.pk}/",
        {"act": "copy", "max_level": "top_secret", "on": "01/06/2026", "basis": "QĐ phân cấp"},
    )
    assert response.status_code == 302
    grants = PositionAuthority.objects.filter(position=head, act="copy").order_by(
        F("valid_from").asc(nulls_first=True)  # the seeded grant has no start date; NULL order differs by DB
    )
    assert [(g.max_level, g.valid_to is None) for g in grants] == [("secret", False), ("top_secret", True)]


def test_a_sub_delegation_is_refused_on_the_page_with_its_article(admin_client):
    client, agency = admin_client
    head, deputy = agency.positions.get(kind="head"), agency.positions.get(kind="deputy_head")
    response = client.post(
        "/org/delegations/new/",
        {
            "from_position": deputy.pk,
            "to_position": head.pk,
            "act": "copy",
            "max_level": "secret",
            "valid_from": "01/01/2026",
            "document_ref": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and Delegation.objects.count() == 0
    assert "Văn bản ủy quyền" in html  # the empty required field is named
    ok = client.post(
        "/org/delegations/new/",
        {
            "from_position": head.pk,
            "to_position": deputy.pk,
            "act": "copy",
            "max_level": "secret",
            "valid_from": "01/01/2026",
            "document_ref": "05/QĐ-SNV ngày 01/01/2026",
        },
    )
    assert ok.status_code == 302 and Delegation.objects.count() == 1
    bad = client.post(
        "/org/delegations/new/",
        {
            "from_position": deputy.pk,
            "to_position": head.pk,
            "act": "copy",
            "max_level": "secret",
            "valid_from": "01/01/2026",
            "document_ref": "06/QĐ",
        },
    ).content.decode()
    assert "không được ủy quyền lại" in bad and "Khoản 2 Điều 11 Luật 29/2018/QH14" in bad
