"""Pages: import → review → save, the plan page, task updates, and who may do what."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import make_agency, make_user
from bmnn.plans.models import Plan, Task
from bmnn.plans.tests.conftest import SAMPLE_2021, SAMPLE_2024

pytestmark = pytest.mark.django_db


def _upload(client, path):
    with path.open("rb") as handle:
        return client.post(reverse("plans:plan_import"), {"file": handle})


def _review_post(page: str) -> dict[str, str]:
    """What the browser would send back: header inputs, every task's select and deadline."""
    data: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data[name] = value
    for name in re.findall(r'<input[^>]*name="([^"]+)"(?![^>]*value=)', page):
        data.setdefault(name, "")
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_import_review_change_a_unit_and_save(client, officer, office, other_unit):
    client.force_login(officer)
    response = _upload(client, SAMPLE_2024)
    assert response.status_code == 302
    review = client.get(response.url)
    page = review.content.decode()
    assert "Xem lại kết quả đọc tệp" in page and "26/2020/NĐ-CP" in page
    data = _review_post(page)
    office_row = next(k for k, v in data.items() if k.endswith("-unit") and v == str(office.pk))
    data[office_row] = str(other_unit.pk)  # the reviewer corrects the pre-matched unit
    data["issued_on"] = "20/01/2024"
    before = LedgerEntry.objects.count()
    saved = client.post(response.url, data)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    plan = Plan.objects.get()
    assert plan.issued_on.isoformat() == "2024-01-20" and plan.source_name.endswith(".txt")
    index = int(office_row[1:].split("-")[0])
    assert Task.objects.get(plan=plan, order=index).lead_unit == other_unit
    assert LedgerEntry.objects.count() == before + 1
    detail = client.get(saved.url)
    assert "Tiến độ theo đơn vị" in detail.content.decode()


def test_the_review_screen_prematches_units_by_name(client, officer, office):
    client.force_login(officer)
    page = client.get(_upload(client, SAMPLE_2024).url).content.decode()
    assert f'<option value="{office.pk}" selected>' in page


def test_a_bad_deadline_on_the_review_screen_is_explained_and_nothing_is_saved(client, officer):
    client.force_login(officer)
    url = _upload(client, SAMPLE_2021).url
    data = _review_post(client.get(url).content.decode())
    first_deadline = next(k for k in data if k.endswith("-deadline"))
    data[first_deadline] = "31/02/2021"
    response = client.post(url, data)
    assert response.status_code == 200 and "không hợp lệ" in response.content.decode()
    assert Plan.objects.count() == 0


def test_an_unreadable_file_is_refused_with_a_message(client, officer, tmp_path):
    client.force_login(officer)
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"this is not a zip")
    response = _upload(client, bad)
    assert response.status_code == 200 and Plan.objects.count() == 0
    assert 'class="field-error"' in response.content.decode()


def test_staff_read_plans_but_may_not_import(client, agency, office, imported):
    staff = make_user(agency, "chuyenvien", unit=office)
    client.force_login(staff)
    assert client.get(reverse("plans:plan_detail", args=[imported.pk])).status_code == 200
    assert client.get(reverse("plans:plan_import")).status_code == 403
    assert client.post(reverse("plans:plan_copy", args=[imported.pk])).status_code == 403


def test_another_agencys_plan_is_not_found(client, imported):
    outsider = make_user(make_agency("Sở Khác"), "nguoingoai", role="head")
    client.force_login(outsider)
    assert client.get(reverse("plans:plan_detail", args=[imported.pk])).status_code == 404
    task = imported.tasks.first()
    assert client.get(reverse("plans:task_detail", args=[task.pk])).status_code == 404


def test_the_lead_units_staff_add_evidence_and_mark_the_task_done(client, agency, office, imported):
    task = imported.tasks.first()
    task.lead_unit = office
    task.save()
    member = make_user(agency, "chuyenvien", unit=office)
    client.force_login(member)
    url = reverse("plans:task_done", args=[task.pk])
    refused = client.post(url, {"note": ""})
    assert "Cần có minh chứng" in refused.content.decode()
    client.post(
        reverse("plans:task_evidence", args=[task.pk]), {"note": "Đã tổ chức hội nghị", "link_text": ""}
    )
    assert client.post(url, {"note": ""}).status_code == 302
    task.refresh_from_db()
    assert task.status == "done"


def test_staff_of_another_unit_cannot_update_a_task(client, agency, office, other_unit, imported):
    task = imported.tasks.first()
    task.lead_unit = office
    task.save()
    client.force_login(make_user(agency, "khac", unit=other_unit))
    page = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert "Thêm minh chứng" not in page
    assert client.post(reverse("plans:task_evidence", args=[task.pk]), {"note": "x"}).status_code == 403


def test_an_overdue_task_is_highlighted_on_the_plan_page(client, officer, imported):
    task = imported.tasks.first()
    task.deadline_date = dt.date(2024, 1, 31)
    task.save()
    client.force_login(officer)
    page = client.get(reverse("plans:plan_detail", args=[imported.pk])).content.decode()
    assert 'class="status-overdue"' in page and "<svg" in page and 'data-status="overdue"' in page


def test_copying_a_plan_for_next_year_opens_the_new_draft(client, officer, imported):
    client.force_login(officer)
    response = client.post(reverse("plans:plan_copy", args=[imported.pk]))
    new = Plan.objects.exclude(pk=imported.pk).get()
    assert response.url == reverse("plans:plan_detail", args=[new.pk]) and new.year == 2025


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_docx_and_pdf_plans_reach_the_review_screen(client, officer, suffix):
    client.force_login(officer)
    response = _upload(client, SAMPLE_2021.with_suffix(f".{suffix}"))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Xem lại kết quả đọc tệp" in page and 'name="t0-unit"' in page
