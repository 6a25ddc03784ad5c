"""The /api/v1/items/ contract of issue #3."""

import pytest
from django.test import Client

from bmnn.lib.testing import PASSWORD

pytestmark = pytest.mark.django_db


def token(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def body(catalog_items, **kw):
    data = {
        "kind": "paper_document",
        "document_type": "Đề án",
        "number": "12/ĐA-SNV",
        "date": "2026-04-02",
        "summary": "Đề án sáp nhập",
        "level": "secret",
        "basis": [catalog_items["secret"].pk],
        "copies": 3,
        "classified_on": "2026-04-02",
    }
    data.update(kw)
    return data


def test_a_competent_user_classifies_at_once_and_others_propose(org, catalog_items):
    client = Client()
    head = token(client, "head")
    created = client.post("/api/v1/items/", body(catalog_items), content_type="application/json", **head)
    assert created.status_code == 201
    item = created.json()
    for key in (
        "id",
        "kind",
        "number",
        "date",
        "summary",
        "level",
        "status",
        "basis",
        "regime",
        "protection_ends_on",
    ):
        assert key in item
    assert item["status"] == "classified" and item["protection_ends_on"] == "2046-04-02"
    proposal = client.post(
        "/api/v1/items/",
        body(catalog_items, number="13/ĐA"),
        content_type="application/json",
        **token(client, "drafter"),
    )
    assert proposal.json()["status"] == "proposed"
    decided = client.post(
        f"/api/v1/items/{proposal.json()['id']}/classify/",
        {"approve": True},
        content_type="application/json",
        **head,
    )
    assert decided.status_code == 200 and decided.json()["status"] == "classified"


def test_refusals_are_422_with_every_violation(org, catalog_items):
    client = Client()
    response = client.post(
        "/api/v1/items/",
        body(catalog_items, basis=[], level="mat", kind="x"),
        content_type="application/json",
        **token(client, "head"),
    )
    assert response.status_code == 422
    codes = {v["code"] for v in response.json()["violations"]}
    assert {"basis_missing", "level_invalid", "kind_invalid"} <= codes
    assert all({"code", "message", "basis"} <= set(v) for v in response.json()["violations"])


def test_no_token_is_401_and_openapi_lists_the_contract(org):
    client = Client()
    assert client.get("/api/v1/items/").status_code == 401
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/auth/token",
        "/api/v1/items/",
        "/api/v1/items/{id}/",
        "/api/v1/items/{id}/classify/",
        "/api/v1/items/{id}/extend/",
        "/api/v1/items/{id}/relevel/",
        "/api/v1/items/{id}/declassify/",
        "/api/v1/items/{id}/propose/",
    ):
        assert path in paths, path


def test_a_top_secret_summary_is_refused_through_the_api(org, catalog_items):
    client = Client()
    response = client.post(
        "/api/v1/items/",
        body(catalog_items, level="top_secret", basis=[catalog_items["top_secret"].pk]),
        content_type="application/json",
        **token(client, "head"),
    )
    assert response.status_code == 422
    assert "Đề án sáp nhập" not in response.content.decode()


@pytest.mark.parametrize("who", ["inspector", "admin"])
def test_inspectors_and_the_system_admin_cannot_create_or_act_on_items(org, catalog_items, who):
    client = Client()
    created = client.post(
        "/api/v1/items/", body(catalog_items), content_type="application/json", **token(client, who)
    )
    assert created.status_code == 403
    client.post("/accounts/login/", {"username": who, "password": PASSWORD})
    assert client.get("/items/new/").status_code == 403


def test_a_malformed_basis_is_a_422_not_a_crash(org, catalog_items):
    client = Client()
    headers = token(client, "head")
    response = client.post(
        "/api/v1/items/", body(catalog_items, basis=["abc"]), content_type="application/json", **headers
    )
    assert response.status_code == 422
    assert response.json()["violations"][0]["code"] == "basis_invalid"


def test_relevel_to_an_unknown_level_is_a_422(org, catalog_items):
    client = Client()
    headers = token(client, "head")
    item = client.post(
        "/api/v1/items/", body(catalog_items), content_type="application/json", **headers
    ).json()
    response = client.post(
        f"/api/v1/items/{item['id']}/relevel/",
        {"level": "mat", "basis": []},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 422 and response.json()["violations"][0]["code"] == "level_invalid"
