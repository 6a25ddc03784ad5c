"""The /scan/ page: upload, verdicts, report download, and what it refuses."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from bmnn.audit.models import LedgerEntry
from bmnn.scanning.services import EVENT
from bmnn.scanning.tests.conftest import docx_bytes

pytestmark = pytest.mark.django_db


def logged_in(user, **kw):
    client = Client(**kw)
    client.force_login(user)
    return client


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def scan_entries():
    return LedgerEntry.objects.filter(event=EVENT)


def test_the_page_needs_a_login(org):
    response = Client().get("/scan/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_stamped_docx_is_secret_and_a_plain_text_is_clean(org):
    client = logged_in(org["users"]["staff"])
    stamped = docx_bytes("Báo cáo tình hình", header="TỐI MẬT")
    response = client.post(
        "/scan/",
        {"files": [upload("bao-cao.docx", stamped), upload("thong-bao.txt", "Lịch họp tuần".encode())]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-verdict="secret"' in page and "TỐI MẬT" in page
    assert 'data-verdict="clean"' in page and "Không phát hiện dấu hiệu" in page
    assert "Tải báo cáo PDF" in page


def test_one_scan_writes_one_ledger_entry_without_snippets(org):
    client = logged_in(org["users"]["staff"])
    client.post("/scan/", {"files": [upload("a.txt", "TỐI MẬT\nKế hoạch di dời kho".encode())]})
    entries = list(scan_entries())
    assert len(entries) == 1
    payload = json.loads(entries[0].payload)
    assert payload["files"][0]["name"] == "a.txt" and payload["files"][0]["verdict"] == "secret"
    assert len(payload["files"][0]["sha256"]) == 64 and payload["level"] == "secret"
    assert "di dời kho" not in entries[0].payload


def test_a_corrupt_docx_cannot_be_verified_and_is_not_shown_as_clean(org):
    client = logged_in(org["users"]["staff"])
    response = client.post("/scan/", {"files": [upload("hong.docx", b"PK\x03\x04 not really a zip")]})
    page = response.content.decode()
    assert 'data-verdict="cannot_verify"' in page and "Không kiểm tra được" in page
    assert 'data-verdict="clean"' not in page


def test_no_file_is_refused_with_a_message_and_no_ledger_entry(org):
    client = logged_in(org["users"]["staff"])
    response = client.post("/scan/", {})
    assert response.status_code == 400
    assert "hãy chọn ít nhất một tệp" in response.content.decode()
    assert not scan_entries().exists()


@override_settings(BMNN_SCAN_MAX_UPLOAD_MB=1)
def test_an_oversized_upload_is_refused_in_vietnamese(org):
    client = logged_in(org["users"]["staff"])
    response = client.post("/scan/", {"files": [upload("to.txt", b"a" * (3 * 1024 * 1024))]})
    assert response.status_code == 413
    assert "vượt giới hạn 1 MB" in response.content.decode()
    assert not scan_entries().exists()


def test_the_streamed_limit_holds_even_when_the_declared_length_is_small(rf, tmp_path):
    from django.core.files.uploadhandler import StopUpload

    from bmnn.scanning.uploads import TempDirUploadHandler

    handler = TempDirUploadHandler(rf.post("/scan/"), tmp_path, limit=10)
    handler.new_file("files", "a.txt", "text/plain", 20)
    handler.receive_data_chunk(b"12345678", 0)
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"123", 8)
    assert handler.exceeded and handler._out is not None and handler._out.closed


def test_a_post_without_csrf_token_is_refused(org):
    client = logged_in(org["users"]["staff"], enforce_csrf_checks=True)
    response = client.post("/scan/", {"files": [upload("a.txt", b"hello")]})
    assert response.status_code == 403
    assert not scan_entries().exists()


def test_the_report_downloads_as_html_and_pdf(org):
    client = logged_in(org["users"]["staff"])
    response = client.post("/scan/", {"files": [upload("a.txt", "TỐI MẬT\nNội dung".encode())]})
    token = response.context["report_token"]
    html = client.post("/scan/report/", {"report": token, "format": "html"})
    assert html.status_code == 200 and "attachment" in html["Content-Disposition"]
    assert "Có dấu bí mật nhà nước" in html.content.decode()
    pdf = client.post("/scan/report/", {"report": token, "format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_report_is_not_downloadable_by_another_user_or_when_forged(org):
    client = logged_in(org["users"]["staff"])
    token = client.post("/scan/", {"files": [upload("a.txt", b"x")]}).context["report_token"]
    other = logged_in(org["users"]["head"])
    assert other.post("/scan/report/", {"report": token, "format": "html"}).status_code == 400
    assert client.post("/scan/report/", {"report": token + "x", "format": "pdf"}).status_code == 400


def test_redacting_hides_the_text_of_the_file(org):
    client = logged_in(org["users"]["staff"])
    response = client.post(
        "/scan/", {"redact": "on", "files": [upload("a.txt", "TỐI MẬT - kế hoạch di dời kho".encode())]}
    )
    page = response.content.decode()
    assert 'data-verdict="secret"' in page and "di dời kho" not in page


def test_the_uploaded_file_does_not_outlive_the_request(org, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    client = logged_in(org["users"]["staff"])
    client.post("/scan/", {"files": [upload("a.txt", "TỐI MẬT".encode())]})
    assert list(tmp_path.iterdir()) == []


def test_the_nav_links_to_the_scan_page(org):
    page = logged_in(org["users"]["staff"]).get("/scan/").content.decode()
    assert 'href="/scan/"' in page and "Rà soát tệp" in page
