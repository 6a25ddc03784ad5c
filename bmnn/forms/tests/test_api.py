"""/api/v1/forms/: the catalogue and printouts, with the token user's clearance and a ledger entry."""

import datetime as dt
import io

import pypdfium2
import pytest

from bmnn.api.framework import openapi_document
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD, make_user
from bmnn.registers.services import OutgoingInput, register_outgoing
from bmnn.registry.models import SecretItem


def auth(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def pdf_text(response) -> str:
    pdf = pypdfium2.PdfDocument(io.BytesIO(b"".join(response.streaming_content)))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


@pytest.fixture
def book(people, monkeypatch):
    """Two outgoing entries this year: one Mật, one Tối mật."""
    monkeypatch.setattr("bmnn.lib.clock.today", lambda: dt.date(2026, 4, 10))
    for number, level in (("7/CV-MAT", "confidential"), ("8/CV-TOIMAT", "secret")):
        # Test data set-up only; the application creates items through registry.services.
        item = SecretItem.objects.create(
            agency=people["agency"], document_type="Công văn", number=number, date=dt.date(2026, 4, 1),
            summary=f"Nội dung {number}", level=level, initial_level=level, status="classified",
            classified_on=dt.date(2026, 4, 1), custodian=people["clerk"], regime="2025",
        )  # fmt: skip
        register_outgoing(
            actor=people["clerk"], data=OutgoingInput(item.pk, dt.date(2026, 4, 2), ["Sở Tài chính"])
        )
    return make_user(
        people["agency"], "lowclerk", role="clerk", clearance="confidential", unit=people["unit_a"]
    )


def test_the_catalogue_lists_forms_in_force_on_a_date(client, people):
    headers = auth(client, "clerk")
    today = client.get("/api/v1/forms/", **headers).json()
    ids = {d["id"] for d in today["definitions"]}
    assert {"register.outgoing", "doc.proposal", "stamp.level"} <= ids
    old = client.get("/api/v1/forms/?on=2024-01-01", **headers).json()
    assert {d["regime"] for d in old["definitions"] if d["id"] == "register.outgoing"} == {"2018"}
    bad = client.get("/api/v1/forms/?on=01/01/2024", **headers)
    assert bad.status_code == 422 and "YYYY-MM-DD" in bad.json()["violations"][0]["message"]


def test_a_register_prints_only_the_rows_the_token_user_may_see_and_is_ledgered(client, people, book):
    before = LedgerEntry.objects.count()
    full = client.get("/api/v1/forms/registers/outgoing/2026/?format=pdf", **auth(client, "clerk"))
    assert full.status_code == 200 and full["Content-Type"] == "application/pdf"
    text = pdf_text(full)
    assert "7/CV-MAT" in text and "8/CV-TOIMAT" in text
    low = pdf_text(client.get("/api/v1/forms/registers/outgoing/2026/", **auth(client, "lowclerk")))
    assert "7/CV-MAT" in low and "8/CV-TOIMAT" not in low
    printed = LedgerEntry.objects.filter(seq__gt=before, event="forms.printed")
    assert printed.count() == 2 and {e.actor.username for e in printed} == {"clerk", "lowclerk"}


def test_bad_print_requests_are_refused_with_the_rule_and_nothing_is_ledgered(client, people, book):
    headers = auth(client, "clerk")
    before = LedgerEntry.objects.filter(event="forms.printed").count()
    bad = client.get("/api/v1/forms/registers/outgoing/2026/?format=odt&copies=0", **headers)
    assert bad.status_code == 422
    assert {v["code"] for v in bad.json()["violations"]} == {"bad_format", "bad_copies"}
    assert client.get("/api/v1/forms/registers/secret/2026/", **headers).status_code == 404
    assert LedgerEntry.objects.filter(event="forms.printed").count() == before


def test_item_forms_over_the_api_follow_need_to_know(client, people, item):
    ok = client.get(f"/api/v1/forms/items/{item.pk}/doc.proposal/?format=docx", **auth(client, "clerk"))
    assert ok.status_code == 200 and b"".join(ok.streaming_content)[:2] == b"PK"
    hidden = client.get(f"/api/v1/forms/items/{item.pk}/stamps/", **auth(client, "stranger"))
    assert hidden.status_code == 404 and hidden.json() == {"error": "Không tìm thấy."}
    assert client.get(f"/api/v1/forms/items/{item.pk}/nope/", **auth(client, "clerk")).status_code == 404


def test_the_printouts_are_documented_as_file_downloads():
    paths = openapi_document()["paths"]
    operation = paths["/api/v1/forms/registers/{kind}/{year}/"]["get"]
    assert "application/octet-stream" in operation["responses"]["200"]["content"]
    assert {p["name"] for p in operation["parameters"]} >= {"kind", "year", "format", "copies", "cancelled"}
