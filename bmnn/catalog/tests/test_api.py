import json

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.catalog.models import Catalog
from bmnn.lib.testing import PASSWORD, make_agency, make_user

pytestmark = pytest.mark.django_db

BODY = {
    "decision": "2500/QĐ-TTg",
    "date": "2025-11-17",
    "sector": "Tổ chức, cán bộ, lao động và xã hội",
    "items": [
        {"level": "secret", "article": "2", "clause": "1", "point": "b", "text": "Đề án sáp nhập tỉnh"},
        {"level": "confidential", "article": "3", "clause": "1", "text": "Kế hoạch tuyển dụng chưa công bố"},
    ],
}


def _token(client, user) -> str:
    response = client.post(
        "/api/v1/auth/token",
        json.dumps({"username": user.username, "password": PASSWORD}),
        content_type="application/json",
    )
    assert response.status_code == 200
    return response.json()["token"]


def _post(client, token: str, body: object):
    return client.post(
        "/api/v1/catalogs/",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_an_officer_creates_a_catalog_and_gets_its_items_with_citations(client, officer):
    token = _token(client, officer)
    before = LedgerEntry.objects.count()
    response = _post(client, token, BODY)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["id"] == Catalog.objects.get().pk
    assert [(i["level"], i["citation"]) for i in data["items"]] == [
        ("secret", "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg"),
        ("confidential", "Khoản 1 Điều 3 Quyết định 2500/QĐ-TTg"),
    ]
    assert all(isinstance(i["id"], int) for i in data["items"])
    assert LedgerEntry.objects.count() == before + 1


def test_an_invalid_catalog_answers_422_listing_every_problem_and_saves_nothing(client, officer):
    token = _token(client, officer)
    body = {
        "decision": "",
        "date": "17/11/2025",
        "items": [
            {"level": "mat", "article": "1", "text": "x"},
            {"level": "secret", "article": "", "text": ""},
            "not an object",
        ],
    }
    response = _post(client, token, body)
    assert response.status_code == 422
    codes = [v["code"] for v in response.json()["violations"]]
    assert set(codes) == {
        "invalid_date",
        "invalid_item",
        "decision_missing",
        "level_invalid",
        "article_missing",
        "text_missing",
    }
    assert all(v["message"] and v["basis"] for v in response.json()["violations"])
    assert not Catalog.objects.exists()


def test_staff_may_not_post_catalogs(client, staff):
    response = _post(client, _token(client, staff), BODY)
    assert response.status_code == 403
    assert "error" in response.json()
    assert not Catalog.objects.exists()


def test_requests_without_a_token_are_refused(client):
    assert client.get("/api/v1/catalog-items/").status_code == 401


def test_item_search_is_accent_insensitive_and_limited_to_visible_catalogs(client, officer, staff):
    _post(client, _token(client, officer), BODY)
    response = client.get(
        "/api/v1/catalog-items/",
        {"q": "de an sap nhap"},
        HTTP_AUTHORIZATION=f"Bearer {_token(client, staff)}",
    )
    assert response.status_code == 200
    [item] = response.json()
    assert set(item) >= {
        "id",
        "catalog",
        "decision",
        "level",
        "article",
        "clause",
        "point",
        "text",
        "citation",
        "valid",
    }
    assert item["valid"] is True and item["decision"] == "2500/QĐ-TTg"
    outsider = make_user(make_agency("Sở Khác"), "khac", role="staff")
    other = client.get(
        "/api/v1/catalog-items/", {"q": "de an"}, HTTP_AUTHORIZATION=f"Bearer {_token(client, outsider)}"
    )
    assert other.json() == []
    listed = client.get("/api/v1/catalogs/", HTTP_AUTHORIZATION=f"Bearer {_token(client, outsider)}")
    assert listed.status_code == 200 and listed.json() == []


def test_the_openapi_document_describes_the_catalog_endpoints(client):
    doc = client.get("/api/v1/openapi.json").json()
    post = doc["paths"]["/api/v1/catalogs/"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["required"] == ["decision", "items"]
    assert "422" in post["responses"]
    assert "get" in doc["paths"]["/api/v1/catalog-items/"]
