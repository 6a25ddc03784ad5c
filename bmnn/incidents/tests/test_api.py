"""/api/v1/incidents/ and /api/v1/inspections/: same rules and clearance as the pages."""

import datetime as dt

import pytest

from bmnn.api.framework import issue_token
from bmnn.incidents.models import Incident
from bmnn.lib import clock

pytestmark = pytest.mark.django_db


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user=user)}"}


def test_an_incident_is_reported_and_listed_only_for_cleared_readers(client, org, item_factory):
    item = item_factory(level="secret")
    body = {
        "kind": "loss",
        "items": [item.pk],
        "description": "Mất bản số 1",
        "how_found": "Kiểm kê",
        "discovered_at": (clock.now() - dt.timedelta(hours=1)).isoformat(),
    }
    response = client.post(
        "/api/v1/incidents/", body, content_type="application/json", **auth(org["users"]["security"])
    )
    assert response.status_code == 201, response.content
    assert response.json()["level"] == "secret"
    listed = client.get("/api/v1/incidents/", **auth(org["users"]["inspector"])).json()
    assert [i["id"] for i in listed] == [response.json()["id"]]
    assert client.get("/api/v1/incidents/", **auth(org["users"]["low_inspector"])).json() == []


def test_a_bad_incident_gets_422_with_every_violation(client, org):
    response = client.post(
        "/api/v1/incidents/",
        {"kind": "x", "description": "", "how_found": "", "discovered_at": "hôm qua"},
        content_type="application/json",
        **auth(org["users"]["security"]),
    )
    assert response.status_code == 422
    assert [v["code"] for v in response.json()["violations"]] == ["invalid_discovered_at"]
    response = client.post(
        "/api/v1/incidents/",
        {"kind": "x", "description": "", "how_found": "", "discovered_at": clock.now().isoformat()},
        content_type="application/json",
        **auth(org["users"]["security"]),
    )
    codes = {v["code"] for v in response.json()["violations"]}
    assert (
        response.status_code == 422
        and {"kind_invalid", "description_required", "how_found_required"} <= codes
    )
    assert Incident.objects.count() == 0


def test_an_inspection_is_planned_and_opened_through_the_api(client, org):
    body = {
        "title": "Tự kiểm tra",
        "mode": "self",
        "starts_on": clock.today().isoformat(),
        "scope": "Toàn bộ",
        "team": "Đoàn A",
        "open": True,
    }
    response = client.post(
        "/api/v1/inspections/", body, content_type="application/json", **auth(org["users"]["inspector"])
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "in_progress" and sum(data["results"].values()) >= 19
    assert client.get("/api/v1/inspections/", **auth(org["users"]["drafter"])).json() == []
    refused = client.post(
        "/api/v1/inspections/",
        {"title": "", "mode": "self", "starts_on": "01/06/2026"},
        content_type="application/json",
        **auth(org["users"]["inspector"]),
    )
    codes = {v["code"] for v in refused.json()["violations"]}
    assert refused.status_code == 422 and {"invalid_starts_on", "title_required", "scope_required"} <= codes
    forbidden = client.post(
        "/api/v1/inspections/", body, content_type="application/json", **auth(org["users"]["drafter"])
    )
    assert forbidden.status_code == 403
