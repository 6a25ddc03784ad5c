import json

import pytest
from django.test import Client

from bmnn.accounts.models import User
from bmnn.lib.testing import PASSWORD
from bmnn.people import services
from bmnn.people.models import StaffRecord
from bmnn.registry.models import SecretItem


def login(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_a_security_officer_adds_a_record_and_sees_coverage(org):
    client = login("security")
    response = client.post("/people/new/", {"full_name": "Trần Thị B"})
    assert response.status_code == 302
    page = client.get("/people/").content.decode()
    assert "Trần Thị B" in page and "0/1" in page


@pytest.mark.parametrize("who", ["staff", "inspector"])
def test_others_cannot_add_records(org, who):
    assert login(who).post("/people/new/", {"full_name": "X"}).status_code == 403
    assert StaffRecord.objects.count() == 0


def test_plain_staff_see_only_their_own_record(org):
    mine = services.create_staff(
        actor=None, agency=org["agency"], full_name="Tôi", user=org["users"]["staff"]
    )
    other = services.create_staff(actor=None, agency=org["agency"], full_name="Người khác")
    client = login("staff")
    assert client.get(f"/people/{mine.pk}/").status_code == 200
    assert client.get(f"/people/{other.pk}/").status_code == 404
    assert login("outsider").get(f"/people/{mine.pk}/").status_code == 404


def test_a_departure_page_hides_items_above_the_viewers_clearance(org):
    holder = org["users"]["staff"]
    person = services.create_staff(actor=None, agency=org["agency"], full_name="Người đi", user=holder)
    SecretItem.objects.create(
        agency=org["agency"],
        level="top_secret",
        initial_level="top_secret",
        status="classified",
        custodian=holder,
        number="1/TM",
    )
    services.record_departure(
        actor=None,
        staff=person,
        reason="transfer",
        leaves_on=person.created_at.date(),
        commitment_signed_on=person.created_at.date(),
        commitment_scope="Cam kết",
    )
    security = login("security").get(f"/people/{person.pk}/").content.decode()  # clearance secret
    assert "1/TM" not in security and "1 mục ngoài phạm vi" in security
    head = login("head").get(f"/people/{person.pk}/").content.decode()  # clearance top secret
    assert "1/TM" in head


def _token(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def test_the_staff_api_creates_and_lists_with_the_same_scope(org):
    client = Client()
    auth = _token(client, "security")
    created = client.post(
        "/api/v1/staff/",
        json.dumps({"full_name": "Lê C", "username": "staff"}),
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    dup = client.post(
        "/api/v1/staff/",
        json.dumps({"full_name": "Lê C2", "username": "staff"}),
        content_type="application/json",
        **auth,
    )
    assert dup.status_code == 422 and dup.json()["violations"][0]["code"] == "user_taken"
    assert [s["full_name"] for s in client.get("/api/v1/staff/", **auth).json()["results"]] == ["Lê C"]
    outsider = _token(client, "outsider")
    assert client.get("/api/v1/staff/", **outsider).json()["results"] == []


def test_after_a_departure_the_recall_is_opened_through_movements(org):
    from bmnn.audit.models import LedgerEntry
    from bmnn.lib import clock
    from bmnn.movements.models import Recall

    holder = org["users"]["staff"]
    person = services.create_staff(actor=None, agency=org["agency"], full_name="Người đi", user=holder)
    SecretItem.objects.create(
        agency=org["agency"],
        level="confidential",
        initial_level="confidential",
        status="classified",
        custodian=holder,
        number="2/BC",
    )
    services.record_departure(
        actor=None,
        staff=person,
        reason="transfer",
        leaves_on=clock.today(),
        commitment_signed_on=clock.today(),
        commitment_scope="Cam kết",
    )
    client = login("security")
    before = LedgerEntry.objects.count()
    response = client.post(f"/people/{person.pk}/recall/", {"deadline": clock.today().strftime("%d/%m/%Y")})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Recall.objects.filter(holder=holder).count() == 1
    assert LedgerEntry.objects.count() > before
    assert "Đợt thu hồi ngày" in client.get(f"/people/{person.pk}/").content.decode()
