"""The /api/v1/registers/ and /api/v1/search/ contract of issue #4."""

import pytest
from django.test import Client

from bmnn.api.framework import openapi_document
from bmnn.lib.testing import PASSWORD
from bmnn.registers.models import HandoverEntry, OutgoingEntry


def token(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def post(client, url, data, auth):
    return client.post(url, data, content_type="application/json", **auth)


@pytest.fixture
def client():
    return Client()


def test_outgoing_registration_returns_the_servers_number(org, make_item, client):
    item = make_item()
    auth = token(client, "clerk")
    body = {
        "item": item.pk,
        "date": "2026-04-03",
        "signer": "Trần Minh Đức",
        "recipients": ["UBND tỉnh Mẫu"],
        "storage_unit": "Văn phòng",
        "quantity": 2,
    }
    created = post(client, "/api/v1/registers/outgoing/", body, auth)
    assert created.status_code == 201, created.content
    data = created.json()
    assert {"id", "book", "year", "seq"} <= data.keys() and (data["seq"], data["year"]) == (1, 2026)
    refused = post(client, "/api/v1/registers/outgoing/", {**body, "seq": 7, "recipients": []}, auth)
    assert refused.status_code == 422
    assert {v["code"] for v in refused.json()["violations"]} == {"seq_client_sent", "recipients_missing"}
    assert OutgoingEntry.objects.count() == 1
    listed = client.get("/api/v1/registers/outgoing/", **auth).json()["results"]
    assert [r["seq"] for r in listed] == [1]


def test_incoming_registration_returns_the_arrival_number(org, client):
    auth = token(client, "clerk")
    body = {
        "arrival_date": "2026-04-05",
        "issuing_body": "Bộ Nội vụ",
        "number": "97/KH-BNV",
        "date": "2026-04-02",
        "document_type": "Kế hoạch",
        "summary": "Đào tạo",
        "level": "secret",
    }
    created = post(client, "/api/v1/registers/incoming/", body, auth)
    assert created.status_code == 201, created.content
    assert (created.json()["seq"], created.json()["arrival_seq"]) == (1, 1)
    again = post(client, "/api/v1/registers/incoming/", body, auth)
    assert [v["code"] for v in again.json()["violations"]] == ["incoming_duplicate"]


def test_hand_over_through_the_api_and_confirm_by_the_receiver(org, make_item, client):
    item = make_item()
    created = post(
        client,
        f"/api/v1/items/{item.pk}/hand-over/",
        {"to": "staff", "date": "2026-04-06"},
        token(client, "clerk"),
    )
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "in_transit"
    staff = token(client, "staff")
    assert [r["id"] for r in client.get("/api/v1/registers/handover/", **staff).json()["results"]] == [
        created.json()["id"]
    ]
    confirmed = post(
        client, f"/api/v1/registers/handover/{created.json()['id']}/confirm/", {"date": "2026-04-07"}, staff
    )
    assert confirmed.json()["status"] == "confirmed"
    assert HandoverEntry.objects.get().status == "confirmed"


def test_a_chuyen_vien_cannot_write_registers_and_sees_no_outgoing_rows(org, make_item, client):
    auth = token(client, "staff")
    refused = post(client, "/api/v1/registers/outgoing/", {"item": make_item().pk, "recipients": ["X"]}, auth)
    assert refused.status_code == 403
    assert client.get("/api/v1/registers/outgoing/", **auth).json()["results"] == []


@pytest.mark.parametrize(
    ("username", "sees_secret", "sees_top"),
    [
        ("clerk", True, False),
        ("officer", True, True),
        ("head", True, True),
        ("inspector", True, False),
        ("lowclerk", False, False),
        ("admin", False, False),
        ("low", False, False),
    ],
)
def test_search_is_filtered_by_clearance_and_folds_accents(
    org, make_item, client, username, sees_secret, sees_top
):
    import datetime as dt

    from bmnn.registers import services

    officer = org["users"]["officer"]
    for level, number in (("secret", "15/ĐA-SXD"), ("top_secret", "16/ĐA-SXD")):
        services.register_outgoing(
            actor=officer,
            data=services.OutgoingInput(
                item_id=make_item(level=level, number=number, holder="officer").pk,
                date=dt.date(2026, 4, 3),
                recipients=["Ủy ban nhân dân tỉnh"],
            ),
        )
    results = client.get("/api/v1/search/?q=da-sxd uy ban", **token(client, username)).json()["results"]
    titles = " ".join(r["title"] for r in results if r["type"] == "outgoing")
    assert ("15/ĐA-SXD" in titles) is sees_secret
    assert ("16/ĐA-SXD" in titles) is sees_top


def test_every_register_endpoint_is_in_the_openapi_document():
    paths = openapi_document()["paths"]
    for path in (
        "/api/v1/registers/outgoing/",
        "/api/v1/registers/incoming/",
        "/api/v1/registers/handover/",
        "/api/v1/items/{id}/hand-over/",
        "/api/v1/search/",
    ):
        assert path in paths
    assert {"get", "post"} <= paths["/api/v1/registers/outgoing/"].keys()
