"""The biên bản kiểm tra as DOCX and PDF: content read back, access as the page, one ledger entry."""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import pypdfium2
import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.inspections import services
from bmnn.inspections.record_document import record_document
from bmnn.inspections.rules.findings import PlanInput
from bmnn.lib import clock

pytestmark = pytest.mark.django_db


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in word.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def text_of(fmt: str, data: bytes) -> str:
    return " ".join((docx_text if fmt == "docx" else pdf_text)(data).split())


@pytest.fixture
def inspection(org, item_factory):
    item_factory(ends=clock.today() - dt.timedelta(days=5))  # makes automatic check A3 fail
    users = org["users"]
    data = PlanInput(
        "Tự kiểm tra năm 2026", "self", "", clock.today(), None, "Sổ sách, máy tính", "Nguyễn Văn Kiểm"
    )
    planned = services.plan_inspection(actor=users["inspector"], data=data)
    opened = services.open_inspection(actor=users["inspector"], inspection=planned)
    services.record_finding(
        actor=users["inspector"],
        inspection=opened,
        description="Máy soạn thảo chưa dán tem niêm phong",
        severity="high",
        responsible_unit=org["unit_b"],
        due_on=clock.today() + dt.timedelta(days=30),
    )
    return opened


def download(client, user, inspection, fmt):
    client.force_login(user)
    response = client.get(f"/inspections/{inspection.pk}/record.{fmt}")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_record_downloads_with_its_fields_checklist_and_findings(client, org, inspection, fmt):
    response, body = download(client, org["users"]["inspector"], inspection, fmt)
    assert response.status_code == 200 and body[:4] in (b"%PDF", b"PK\x03\x04")
    assert f"bien-ban-kiem-tra-{inspection.pk}.{fmt}" in response["Content-Disposition"]
    text = text_of(fmt, body)
    a3 = inspection.answers.get(code="A3")
    due = (clock.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BIÊN BẢN KIỂM TRA",
        "Tự kiểm tra năm 2026",
        "Đơn vị được kiểm tra: toàn cơ quan Sở Thử Sự Cố",
        "Nguyễn Văn Kiểm",
        "Sổ sách, máy tính",
        f"từ ngày {clock.today():%d/%m/%Y}",
        a3.basis.split()[0],
        "Không đạt (tự động)",
        "Chứng cứ: Danh sách thời hạn bảo vệ",
        "Máy soạn thảo chưa dán tem niêm phong",
        "Nghiêm trọng",
        "Đơn vị chịu trách nhiệm: Phòng B",
        f"Hạn khắc phục: {due}",
        "Chưa khắc phục",
        "THỦ TRƯỞNG ĐƠN VỊ ĐƯỢC KIỂM TRA",
        "TRƯỞNG ĐOÀN KIỂM TRA",
        "inspections.record",
    ):
        assert expected in text, expected


def test_every_checklist_question_is_a_row_of_the_docx_table(client, org, inspection):
    _, body = download(client, org["users"]["inspector"], inspection, "docx")
    tables = docx.Document(io.BytesIO(body)).tables
    table = next(t for t in tables if t.rows[0].cells[0].text == "STT / Mã")
    codes = {row.cells[0].text for row in table.rows}
    assert set(inspection.answers.values_list("code", flat=True)) <= codes


@pytest.mark.parametrize("name", ["drafter", "clerk", "admin"])
def test_the_record_files_are_404_for_those_who_may_not_see_the_page(client, org, inspection, name):
    for fmt in ("docx", "pdf"):
        response, _ = download(client, org["users"][name], inspection, fmt)
        assert response.status_code == 404
    assert not LedgerEntry.objects.filter(event="forms.printed").exists()


def test_another_agency_cannot_download_the_record(client, org, inspection):
    response, _ = download(client, org["outsider"], inspection, "pdf")
    assert response.status_code == 404


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_each_download_writes_exactly_one_print_entry(client, org, inspection, fmt):
    client.force_login(org["users"]["head"])
    before = LedgerEntry.objects.order_by("-seq").first().seq
    response = client.get(f"/inspections/{inspection.pk}/record.{fmt}")
    b"".join(response.streaming_content)
    entries = list(LedgerEntry.objects.filter(seq__gt=before))
    assert [e.event for e in entries] == ["forms.printed"]
    assert entries[0].subject_repr == "Biên bản kiểm tra: Tự kiểm tra năm 2026"
    payload = json.loads(entries[0].payload)
    assert payload["format"] == fmt and payload["form"] == "inspections.record" and payload["level"] == "none"
    assert entries[0].subject_id == str(inspection.pk)


def test_an_unknown_format_is_404_and_not_ledgered(client, org, inspection):
    response, _ = download(client, org["users"]["head"], inspection, "odt")
    assert response.status_code == 404
    assert not LedgerEntry.objects.filter(event="forms.printed").exists()


def test_the_record_page_links_both_downloads(client, org, inspection):
    client.force_login(org["users"]["inspector"])
    body = client.get(f"/inspections/{inspection.pk}/record/").content.decode()
    assert f'href="/inspections/{inspection.pk}/record.docx"' in body and "Tải DOCX" in body
    assert f'href="/inspections/{inspection.pk}/record.pdf"' in body and "Tải PDF" in body


def test_a_record_without_secret_rows_carries_no_level_mark(org, inspection):
    assert record_document(inspection).level == ""
