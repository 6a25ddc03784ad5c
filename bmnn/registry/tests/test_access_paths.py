"""Clearance across roles × levels × units for every read path: list, detail, search, due queue, API."""

import datetime as dt

import pytest
from django.test import Client

from bmnn.accounts import access
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD
from bmnn.registry import queries, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(org, catalog_items):
    made = {}
    for level in ("confidential", "secret", "top_secret"):
        made[level] = services.create_item(
            actor=org["users"]["head"],
            data=services.ItemInput(
                kind="paper_document",
                level=level,
                basis_ids=[catalog_items[level].pk],
                classified_on=dt.date(2026, 4, 2),
                document_type="Báo cáo",
                number=f"SO-{level}",
                summary="" if level == "top_secret" else f"Trích yếu {level}",
                copies=1,
            ),
        )
        # Assign to unit A's drafter so unit-based need-to-know is exercised.
        type(made[level]).objects.filter(pk=made[level].pk).update(
            drafting_unit=org["unit_a"],
            drafter=org["users"]["drafter"],
            protection_ends_on=dt.date(2026, 12, 31),
        )
        made[level].refresh_from_db()
    return made


def expected_visible(user, item) -> bool:
    return access.may_see(
        user,
        level=item.level,
        agency_id=item.agency_id,
        unit_id=item.drafting_unit_id,
        related_user_ids=[item.drafter_id, item.custodian_id],
    )


USERS = ["head", "deputy", "clerk", "drafter", "peer", "stranger", "low", "inspector", "admin"]


@pytest.mark.parametrize("who", USERS)
def test_every_read_path_agrees_with_the_access_module(org, items, who):
    user = org["users"][who]
    client = Client()
    assert (
        client.post("/accounts/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    )
    for level, item in items.items():
        visible = expected_visible(user, item)
        assert queries.visible_items(user).filter(pk=item.pk).exists() is visible, (who, level)
        detail = client.get(f"/items/{item.pk}/")
        assert detail.status_code == (200 if visible else 404), (who, level)
        listing = client.get("/items/").content.decode()
        assert (item.number in listing) is visible, (who, level)
        found = client.get("/items/", {"q": item.number.lower()}).content.decode()
        assert (item.number in found) is visible
        due = client.get("/items/due/", {"days": 3650}).content.decode()
        assert (item.number in due) is visible


def test_an_item_of_another_agency_is_invisible_even_to_its_head(org, items):
    assert not queries.visible_items(org["outsider"]).exists()


def test_every_view_of_a_top_secret_item_is_ledgered(org, items):
    client = Client()
    client.post("/accounts/login/", {"username": "head", "password": PASSWORD})
    before = LedgerEntry.objects.filter(event="registry.item_viewed").count()
    client.get(f"/items/{items['top_secret'].pk}/")
    client.get(f"/items/{items['secret'].pk}/")
    assert LedgerEntry.objects.filter(event="registry.item_viewed").count() == before + 1


def test_search_is_accent_insensitive_and_never_indexes_a_top_secret_summary(org, items):
    head = org["users"]["head"]
    assert queries.search(head, "trich yeu secret").filter(pk=items["secret"].pk).exists()
    assert "trich yeu" not in items["top_secret"].search_text


def api(client, user):
    token = client.post(
        "/api/v1/auth/token",
        {"username": user.username, "password": PASSWORD},
        content_type="application/json",
    ).json()["token"]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.mark.parametrize("who", ["clerk", "low", "stranger", "peer"])
def test_the_api_hides_what_the_pages_hide(org, items, who):
    client = Client()
    user = org["users"][who]
    headers = api(client, user)
    listed = {r["id"] for r in client.get("/api/v1/items/", **headers).json()["results"]}
    for item in items.values():
        visible = expected_visible(user, item)
        assert (item.pk in listed) is visible
        assert client.get(f"/api/v1/items/{item.pk}/", **headers).status_code == (200 if visible else 404)
