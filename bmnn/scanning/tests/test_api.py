"""POST /api/v1/scan/: bearer token, multipart files, the CLI's JSON shape."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bmnn.api.framework import issue_token
from bmnn.audit.models import LedgerEntry
from bmnn.scanning.services import EVENT
from bmnn.scanning.tests.conftest import docx_bytes

pytestmark = pytest.mark.django_db


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user=user)}"}


def test_without_a_token_the_scan_api_is_401(org):
    response = Client().post("/api/v1/scan/", {"files": [SimpleUploadedFile("a.txt", b"x")]})
    assert response.status_code == 401
    assert not LedgerEntry.objects.filter(event=EVENT).exists()


def test_the_api_answers_in_the_shape_of_the_cli_json(org):
    files = [
        SimpleUploadedFile("a.docx", docx_bytes("Nội dung", header="TỐI MẬT")),
        SimpleUploadedFile("b.txt", "Thông báo lịch họp".encode()),
    ]
    response = Client().post("/api/v1/scan/", {"files": files}, **auth(org["users"]["staff"]))
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"files", "summary"}
    first, second = data["files"]
    assert {"path", "verdict", "level", "findings"} <= set(first)
    assert (first["path"], first["verdict"], first["level"]) == ("a.docx", "secret", "secret")
    assert first["findings"][0]["rule"] == "level.stamp"
    assert (second["verdict"], second["findings"]) == ("clean", [])
    assert data["summary"]["total"] == 2 and data["summary"]["by_verdict"]["secret"] == 1
    assert LedgerEntry.objects.filter(event=EVENT).count() == 1
    assert json.loads(LedgerEntry.objects.get(event=EVENT).payload)["via"] == "api"


def test_an_api_call_without_files_is_a_422(org):
    response = Client().post("/api/v1/scan/", {}, **auth(org["users"]["staff"]))
    assert response.status_code == 422
    assert response.json()["violations"][0]["code"] == "files_required"


def test_the_scan_endpoint_is_in_the_openapi_document_as_multipart(org):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    body = paths["/api/v1/scan/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body
    assert paths["/api/v1/items/"]["post"]["requestBody"]["content"].keys() == {"application/json"}
