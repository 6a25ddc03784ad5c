"""Roll-up pages: keys page, register, import several files (each accepted or refused), export."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bmnn.lib.testing import make_agency, make_user
from bmnn.plans import services
from bmnn.plans.models import ReceivedPackage, Subordinate
from bmnn.plans.rollup import keys
from bmnn.plans.tests.test_rollup import STATS, _final_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def upper():
    return make_agency("Công an tỉnh Thử")


@pytest.fixture
def boss(upper):
    return make_user(upper, "pa03", role="security_officer", clearance="secret")


@pytest.fixture
def package_bytes():
    lower = make_agency("Sở Tư pháp tỉnh Thử")
    clerk = make_user(lower, "stp", role="security_officer", clearance="secret")
    return lower, services.export_package(actor=clerk, report=_final_report(lower, clerk, stats=STATS))


def test_the_keys_page_shows_our_fingerprint_and_registers_a_subordinate(client, upper, boss, package_bytes):
    lower, _ = package_bytes
    client.force_login(boss)
    page = client.get(reverse("plans:rollup_keys")).content.decode()
    assert keys.public_key_info(upper.pk, upper.name).display in page
    line = keys.public_key_info(lower.pk, lower.name).line()
    response = client.post(reverse("plans:rollup_keys"), {"public_key": line, "name": ""})
    assert response.status_code == 302
    assert Subordinate.objects.get(agency=upper).name == "Sở Tư pháp tỉnh Thử"
    again = client.post(reverse("plans:rollup_keys"), {"public_key": line, "name": ""}).content.decode()
    assert "đã được đăng ký" in again


def test_staff_may_not_see_the_keys_page(client, upper):
    client.force_login(make_user(upper, "nv", role="staff"))
    assert client.get(reverse("plans:rollup_keys")).status_code == 403


def test_importing_two_files_keeps_the_good_one_and_explains_the_bad(client, upper, boss, package_bytes):
    lower, data = package_bytes
    services.register_subordinate(
        actor=boss, agency=upper, public_key_text=keys.public_key_info(lower.pk, lower.name).line()
    )
    report = _final_report(upper, boss)
    tampered = json.loads(data)
    tampered["payload"]["agency"] = "Giả mạo"
    client.force_login(boss)
    url = reverse("plans:report_rollup", args=[report.pk])
    files = [
        SimpleUploadedFile("a.bmnnbc", data),
        SimpleUploadedFile("b.bmnnbc", json.dumps(tampered).encode()),
    ]
    response = client.post(url, {"packages": files}, follow=True)
    page = response.content.decode()
    assert ReceivedPackage.objects.count() == 1
    assert "a.bmnnbc: đã nhận báo cáo của Sở Tư pháp tỉnh Thử" in page
    assert "b.bmnnbc: Chữ ký không khớp" in page
    assert "Đúng hạn 1" in page and "<svg" in page


def test_the_finished_report_downloads_as_a_signed_package(client, upper, boss):
    report = _final_report(upper, boss)
    client.force_login(boss)
    response = client.post(reverse("plans:report_package", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.bmnnbc"')
    assert json.loads(response.content)["payload"]["report"]["period_end"] == "2026-12-14"


def test_another_agencys_report_is_not_found(client, upper, boss):
    other = make_agency("Khác")
    report = _final_report(other, make_user(other, "x", role="security_officer"))
    client.force_login(boss)
    assert client.get(reverse("plans:report_rollup", args=[report.pk])).status_code == 404
    assert client.post(reverse("plans:report_package", args=[report.pk])).status_code == 404


def test_late_and_missing_subordinates_are_listed(client, upper, boss, package_bytes, monkeypatch):
    lower, _ = package_bytes
    services.register_subordinate(
        actor=boss, agency=upper, public_key_text=keys.public_key_info(lower.pk, lower.name).line()
    )
    report = _final_report(upper, boss)
    report.subordinate_deadline = dt.date(2020, 1, 1)
    report.save()
    client.force_login(boss)
    page = client.get(reverse("plans:report_rollup", args=[report.pk])).content.decode()
    assert "Chưa báo cáo — quá hạn" in page


@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("pdf", b"%PDF")])
def test_the_report_downloads_as_docx_and_pdf(client, upper, boss, fmt, magic):
    report = _final_report(upper, boss, stats=STATS)
    client.force_login(boss)
    response = client.get(reverse("plans:report_file", args=[report.pk, fmt]))
    assert response.status_code == 200
    assert response.content.startswith(magic)


def test_the_pdf_carries_the_narrative(client, upper, boss):
    pypdf = pytest.importorskip("pypdf")
    import io

    report = _final_report(upper, boss, stats=STATS)
    client.force_login(boss)
    data = client.get(reverse("plans:report_file", args=[report.pk, "pdf"])).content
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Đã tập huấn" in text and "Xác định độ mật" in text


def test_a_key_is_deactivated_with_a_reason_and_ledgered(client, upper, boss, package_bytes):
    from bmnn.audit.models import LedgerEntry

    lower, _ = package_bytes
    sub = services.register_subordinate(
        actor=boss, agency=upper, public_key_text=keys.public_key_info(lower.pk, lower.name).line()
    )
    client.force_login(boss)
    url = reverse("plans:rollup_key_deactivate", args=[sub.pk])
    page = client.post(url, {"reason": ""}, follow=True).content.decode()
    assert "cần ghi lý do" in page
    before = LedgerEntry.objects.count()
    client.post(url, {"reason": "Đơn vị tạo khóa mới"})
    sub.refresh_from_db()
    assert not sub.is_active and LedgerEntry.objects.count() == before + 1
