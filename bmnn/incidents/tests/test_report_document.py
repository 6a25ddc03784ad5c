"""The báo cáo đột xuất to Công an as DOCX and PDF: content read back, no Tuyệt mật summary, the
highest level in header and footer, access as the page, one ledger entry per print."""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import pypdfium2
import pytest
from django.utils import timezone

from bmnn.audit.models import LedgerEntry
from bmnn.incidents import services
from bmnn.incidents.report_document import police_report_document
from bmnn.lib import clock
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db
TOP_SECRET_SUMMARY = "PHƯƠNG ÁN TUYỆT MẬT KHÔNG ĐƯỢC IN"


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in word.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def pdf_pages(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def text_of(fmt: str, data: bytes) -> str:
    raw = docx_text(data) if fmt == "docx" else "\n".join(pdf_pages(data))
    return " ".join(raw.split())


@pytest.fixture
def incident(org, item_factory):
    secret = item_factory(level="secret", number="12/BC-CA")
    top = item_factory(level="top_secret", number="03/PA-TM")
    # 2018 allowed a Tuyệt mật trích yếu with the classifier's consent: it is in the database.
    SecretItem.objects.filter(pk=top.pk).update(
        regime="2018", summary_consent=True, summary=TOP_SECRET_SUMMARY
    )
    SecretItem.objects.filter(pk=secret.pk).update(date=dt.date(2026, 4, 2))
    found = clock.now() - dt.timedelta(hours=2)
    created = services.report_incident(
        actor=org["users"]["security"],
        kind="loss",
        description="Mất cặp tài liệu trên đường đi họp",
        how_found="Kiểm kê cuối ngày",
        discovered_at=found,
        persons="Trần Văn Mang, chuyên viên Phòng A",
        item_ids=[secret.pk, top.pk],
    )
    services.add_handling_step(
        actor=org["users"]["security"],
        incident=created,
        on=clock.today(),
        description="Niêm phong tủ tài liệu, lập biên bản",
        notified_classifier=False,
    )
    return created


def download(client, user, incident, fmt):
    client.force_login(user)
    response = client.get(f"/incidents/{incident.pk}/police-report.{fmt}")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_report_downloads_with_what_when_how_items_persons_and_measures(client, org, incident, fmt):
    response, body = download(client, org["users"]["head"], incident, fmt)
    assert response.status_code == 200 and body[:4] in (b"%PDF", b"PK\x03\x04")
    text = text_of(fmt, body)
    found = timezone.localtime(incident.discovered_at)
    for expected in (
        "BÁO CÁO ĐỘT XUẤT",
        "Về vụ mất tài liệu, vật chứa bí mật nhà nước",
        "Kính gửi: Bộ Công an (qua Công an tỉnh — Phòng An ninh chính trị nội bộ PA03)",
        "điểm b khoản 1 Điều 8 Nghị định số 26/2020/NĐ-CP",
        f"{found:%H:%M} ngày {found:%d/%m/%Y}",
        "Mất cặp tài liệu trên đường đi họp",
        "Kiểm kê cuối ngày",
        "Trần Văn Mang",
        f"{clock.today():%d/%m/%Y}: Niêm phong tủ tài liệu, lập biên bản",
        "Báo cáo 12/BC-CA",
        "02/04/2026",
        "Báo cáo 03/PA-TM",
        "Tối mật",
        "NGƯỜI ĐỨNG ĐẦU CƠ QUAN",
        "Lưu: VT.",
    ):
        assert expected in text, expected
    assert TOP_SECRET_SUMMARY not in text


def test_the_docx_carries_the_highest_level_in_header_and_footer(client, org, incident):
    _, body = download(client, org["users"]["head"], incident, "docx")
    section = docx.Document(io.BytesIO(body)).sections[0]
    assert "TUYỆT MẬT" in section.header.paragraphs[0].text
    assert any("TUYỆT MẬT" in p.text for p in section.footer.paragraphs)


def test_every_pdf_page_carries_the_highest_level(client, org, incident):
    _, body = download(client, org["users"]["head"], incident, "pdf")
    pages = pdf_pages(body)
    assert pages and all(page.count("TUYỆT MẬT") >= 2 for page in pages)


def test_the_level_is_the_incidents_when_no_item_is_linked(org):
    incident = services.report_incident(
        actor=org["users"]["security"], kind="leak", description="Lộ nội dung cuộc họp",
        how_found="Báo chí đăng", discovered_at=clock.now() - dt.timedelta(hours=1), level="confidential",
    )  # fmt: skip
    document = police_report_document(incident)
    assert document.level == "confidential" and document.level_mark == "MẬT"


@pytest.mark.parametrize("name", ["low_inspector", "deputy", "drafter", "admin"])
def test_the_report_files_are_404_for_those_who_may_not_see_the_incident(client, org, incident, name):
    for fmt in ("docx", "pdf"):
        response, _ = download(client, org["users"][name], incident, fmt)
        assert response.status_code == 404
    assert not LedgerEntry.objects.filter(event="forms.printed").exists()


def test_another_agency_cannot_download_the_report(client, org, incident):
    response, _ = download(client, org["outsider"], incident, "docx")
    assert response.status_code == 404


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_each_print_writes_exactly_one_entry_with_the_level(client, org, incident, fmt):
    client.force_login(org["users"]["head"])
    before = LedgerEntry.objects.order_by("-seq").first().seq
    response = client.get(f"/incidents/{incident.pk}/police-report.{fmt}")
    b"".join(response.streaming_content)
    entries = list(LedgerEntry.objects.filter(seq__gt=before))
    assert [e.event for e in entries] == ["forms.printed"]
    payload = json.loads(entries[0].payload)
    assert payload == {"copies": 1, "form": "incidents.police_report", "format": fmt, "level": "top_secret",
                       "rows": 2}  # fmt: skip
    assert TOP_SECRET_SUMMARY not in entries[0].payload + entries[0].subject_repr


def test_the_police_report_page_links_both_downloads(client, org, incident):
    client.force_login(org["users"]["head"])
    body = client.get(f"/incidents/{incident.pk}/police-report/").content.decode()
    assert f'href="/incidents/{incident.pk}/police-report.docx"' in body and "Tải DOCX" in body
    assert f'href="/incidents/{incident.pk}/police-report.pdf"' in body and "Tải PDF" in body
