"""The API contract of issue #4 for movements: shapes, 422 violations, 404 for invisible items."""

import datetime as dt

import pytest
from django.test import Client

from bmnn.lib.testing import PASSWORD
from bmnn.movements.models import CopyEntry, ItemCopy

pytestmark = pytest.mark.django_db


def token(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def post(client, url, body, auth):
    return client.post(url, body, content_type="application/json", **auth)


COPY = {
    "kind": "sao_y",
    "quantity": 2,
    "authorised_by": "head",
    "recipients": ["Phòng A", "Phòng B"],
    "permission_ref": "Phiếu 3/PĐ",
    "authorised_on": "2026-04-10",
}


def test_copy_returns_the_numbered_copies(org, make_item):
    item = make_item("secret")
    client = Client()
    response = post(client, f"/api/v1/items/{item.pk}/copy/", COPY, token(client, "clerk"))
    assert response.status_code == 201, response.content
    copies = response.json()["copies"]
    assert [c["copy_number"] for c in copies] == ["1/2", "2/2"] and all(
        isinstance(c["id"], int) for c in copies
    )


def test_copy_authorised_by_someone_without_authority_is_422_and_changes_nothing(org, make_item):
    item = make_item("secret")
    client = Client()
    response = post(
        client, f"/api/v1/items/{item.pk}/copy/", {**COPY, "authorised_by": "deputy"}, token(client, "clerk")
    )
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["code"] == "copy_above_authority" and "Điều 11" in violation["basis"]
    assert not ItemCopy.objects.exists() and not CopyEntry.objects.exists()


def test_copy_collects_every_violation_at_once(org, make_item):
    item = make_item("secret")
    client = Client()
    bad = {**COPY, "quantity": 0, "recipients": [], "kind": "x", "authorised_by": "nobody"}
    response = post(client, f"/api/v1/items/{item.pk}/copy/", bad, token(client, "clerk"))
    codes = {v["code"] for v in response.json()["violations"]}
    assert {
        "copy_quantity_invalid",
        "copy_recipients_missing",
        "copy_kind_invalid",
        "copy_authoriser_unknown",
    } <= codes


def test_a_number_typed_by_hand_is_refused(org, make_item):
    item = make_item("secret")
    client = Client()
    response = post(client, f"/api/v1/items/{item.pk}/copy/", {**COPY, "seq": 7}, token(client, "clerk"))
    assert response.status_code == 422 and response.json()["violations"][0]["code"] == "number_by_hand"


def test_an_item_the_caller_cannot_see_is_404_on_every_endpoint(org, make_item):
    item = make_item("secret")
    client = Client()
    auth = token(client, "stranger")  # other unit, staff: no need-to-know
    for act in ("copy", "take-out", "return", "recall", "destroy"):
        assert post(client, f"/api/v1/items/{item.pk}/{act}/", COPY, auth).status_code == 404


def test_the_copy_register_lists_only_visible_rows(org, make_item):
    item = make_item("secret")
    client = Client()
    post(client, f"/api/v1/items/{item.pk}/copy/", COPY, token(client, "clerk"))
    rows = client.get("/api/v1/registers/copies/", **token(client, "clerk")).json()["results"]
    assert [(r["seq"], r["copy_numbers"]) for r in rows] == [(1, "1/2, 2/2")]
    assert client.get("/api/v1/registers/copies/", **token(client, "stranger")).json()["results"] == []
    assert client.get("/api/v1/registers/copies/", **token(client, "low")).json()["results"] == []


def test_take_out_request_decision_and_return(org, make_item):
    item = make_item("secret")
    client = Client()
    body = {
        "scope": "in_country",
        "purpose": "Họp",
        "place": "Hà Nội",
        "period_from": "2026-05-01",
        "period_to": "2026-05-03",
        "protective_measures": "Cặp có khóa",
    }
    created = post(client, f"/api/v1/items/{item.pk}/take-out/", body, token(client, "clerk"))
    assert created.status_code == 201 and created.json()["status"] == "requested"
    permit = created.json()["id"]
    refused = post(
        client,
        f"/api/v1/items/{item.pk}/take-out/",
        {"permit": permit, "on": "2026-04-30"},
        token(client, "deputy"),
    )
    assert refused.status_code == 422 and refused.json()["violations"][0]["code"] == "take_out_no_authority"
    approved = post(
        client,
        f"/api/v1/items/{item.pk}/take-out/",
        {"permit": permit, "on": "2026-04-30"},
        token(client, "head"),
    )
    assert approved.json()["status"] == "approved"
    back = post(
        client,
        f"/api/v1/items/{item.pk}/return/",
        {"returned_on": "2026-05-03", "report": "Đã dùng tại cuộc họp"},
        token(client, "clerk"),
    )
    assert back.status_code == 200 and back.json()["returned_on"] == "2026-05-03"


def test_recall_and_destroy_through_the_api(org, make_item):
    item = make_item("secret")
    client = Client()
    clerk = token(client, "clerk")
    copies = post(client, f"/api/v1/items/{item.pk}/copy/", COPY, clerk).json()["copies"]
    recall = post(
        client,
        f"/api/v1/items/{item.pk}/recall/",
        {
            "holder_name": "Phòng A",
            "reason": "Hết nhiệm vụ",
            "deadline": "2026-06-01",
            "on": "2026-05-01",
            "copy": copies[0]["id"],
        },
        clerk,
    )
    assert recall.status_code == 201
    file = {
        "copies": [c["id"] for c in copies],
        "council": {
            "reason": "Hết giá trị",
            "ref": "QĐ 5",
            "chair": "Phó GĐ",
            "members": ["A", "B"],
            "minutes_ref": "BB 1",
            "opinion": "Đồng ý",
        },
        "decision": {"decided_by": "head", "ref": "QĐ 6"},
        "destruction": {"method": "Nghiền", "persons": ["A"], "ref": "BB 2"},
    }
    blocked = post(client, f"/api/v1/items/{item.pk}/destroy/", file, clerk)
    assert blocked.status_code == 422 and "destroy_open_recall" in {
        v["code"] for v in blocked.json()["violations"]
    }
    post(
        client,
        f"/api/v1/items/{item.pk}/return/",
        {"recall": recall.json()["id"], "returned_on": str(dt.date.today())},
        clerk,
    )
    done = post(client, f"/api/v1/items/{item.pk}/destroy/", file, clerk)
    assert done.status_code == 201, done.content
    assert done.json()["lines"] == 3
    item.refresh_from_db()
    assert item.status == "destroyed"
