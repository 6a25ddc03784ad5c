"""Inspection pages and the dashboard: who sees them, the checklist shown, CSP-clean markup."""

from __future__ import annotations

import datetime as dt

import pytest

from bmnn.inspections import services
from bmnn.inspections.models import Finding, Inspection
from bmnn.inspections.rules.findings import PlanInput
from bmnn.lib import clock

pytestmark = pytest.mark.django_db


def client_for(client, user):
    client.force_login(user)
    return client


def opened(org):
    data = PlanInput("Tự kiểm tra 2026", "self", "", clock.today(), None, "Toàn bộ", "Đoàn A")
    inspection = services.plan_inspection(actor=org["users"]["inspector"], data=data)
    return services.open_inspection(actor=org["users"]["inspector"], inspection=inspection)


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("head", 200),
        ("deputy", 200),
        ("security", 200),
        ("inspector", 200),
        ("drafter", 404),
        ("clerk", 404),
        ("admin", 404),
    ],
)
def test_inspections_and_the_dashboard_are_for_leadership_security_and_inspectors(client, org, name, status):
    inspection = opened(org)
    c = client_for(client, org["users"][name])
    for url in (
        "/inspections/",
        f"/inspections/{inspection.pk}/",
        f"/inspections/{inspection.pk}/record/",
        "/inspections/dashboard/",
        "/inspections/findings/",
    ):
        assert c.get(url).status_code == status, url


def test_the_checklist_shows_automatic_results_with_their_basis_and_evidence(client, org, item_factory):
    item_factory(ends=clock.today() - dt.timedelta(days=5))
    inspection = opened(org)
    body = (
        client_for(client, org["users"]["inspector"]).get(f"/inspections/{inspection.pk}/").content.decode()
    )
    assert 'data-testid="result-A3"' in body and "Không đạt" in body
    assert 'href="/items/due/"' in body and "Căn cứ:" in body
    assert "style=" not in body


def test_planning_through_the_form_shows_every_missing_field(client, org):
    c = client_for(client, org["users"]["security"])
    response = c.post(
        "/inspections/new/",
        {
            "title": "X",
            "mode": "external",
            "starts_on": "01/06/2026",
            "ends_on": "01/05/2026",
            "scope": "s",
            "team": "t",
        },
    )
    body = response.content.decode()
    assert "Cơ quan kiểm tra: bắt buộc" in body and "Ngày kết thúc" in body
    assert Inspection.objects.count() == 0


def test_a_finding_is_recorded_fixed_rechecked_and_closed_through_the_pages(client, org):
    inspection = opened(org)
    inspector = client_for(client, org["users"]["inspector"])
    inspector.post(
        f"/inspections/{inspection.pk}/findings/new/",
        {
            "description": "Máy MT-01 chưa dán tem",
            "severity": "high",
            "responsible_unit": org["unit_a"].pk,
            "due_on": clock.today().strftime("%d/%m/%Y"),
            "answer_code": "A4",
        },
    )
    finding = Finding.objects.get()
    client.logout()
    client_for(client, org["users"]["security"]).post(
        f"/inspections/findings/{finding.pk}/fix/", {"remediation": "Đã dán tem"}
    )
    client.logout()
    inspector = client_for(client, org["users"]["inspector"])
    inspector.post(f"/inspections/findings/{finding.pk}/recheck/", {"passed": "1", "note": "Đã xem tem"})
    inspector.post(f"/inspections/findings/{finding.pk}/close/")
    finding.refresh_from_db()
    assert finding.status == "closed" and finding.answer.code == "A4"


def test_the_dashboard_links_every_number_to_its_list(client, org):
    opened(org)
    body = client_for(client, org["users"]["head"]).get("/inspections/dashboard/").content.decode()
    assert "/inspections/findings/?state=overdue" in body and "/incidents/?year=" in body
    assert "<svg" in body and "style=" not in body
