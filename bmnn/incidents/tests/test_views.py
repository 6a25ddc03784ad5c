"""Incident pages: clearance and need-to-know on every read path; reporting through the form."""

from __future__ import annotations

import datetime as dt

import pytest

from bmnn.incidents import services
from bmnn.incidents.models import Incident
from bmnn.lib import clock

pytestmark = pytest.mark.django_db


def client_for(client, user):
    client.force_login(user)
    return client


def secret_incident(org, item):
    return services.report_incident(
        actor=org["users"]["security"],
        kind="loss",
        description="Mất bản số 1",
        how_found="Kiểm kê",
        discovered_at=clock.now() - dt.timedelta(hours=2),
        item_ids=[item.pk],
    )


@pytest.mark.parametrize(
    ("name", "visible"),
    [
        ("head", True),
        ("security", True),
        ("inspector", True),
        ("low_inspector", False),
        ("deputy", False),
        ("drafter", False),
        ("admin", False),
    ],
)
def test_an_incident_is_seen_only_by_cleared_handlers(client, org, item_factory, name, visible):
    incident = secret_incident(org, item_factory(level="secret"))
    c = client_for(client, org["users"][name])
    for url in (f"/incidents/{incident.pk}/", f"/incidents/{incident.pk}/police-report/"):
        assert c.get(url).status_code == (200 if visible else 404)
    assert (str(incident) in c.get("/incidents/").content.decode()) is visible


def test_the_outsider_agency_never_sees_it(client, org, item_factory):
    incident = secret_incident(org, item_factory())
    assert client_for(client, org["outsider"]).get(f"/incidents/{incident.pk}/").status_code == 404


def test_a_drafter_reports_a_loss_of_an_item_they_can_see_and_it_is_marked_lost(client, org, item_factory):
    item = item_factory(level="confidential", drafter=org["users"]["drafter"])
    hidden = item_factory(level="confidential", unit=org["unit_b"], number="99/BC")
    c = client_for(client, org["users"]["drafter"])
    page = c.get("/incidents/new/").content.decode()
    assert f"#{item.pk} ·" in page and f"#{hidden.pk} ·" not in page  # the picker is clearance-filtered
    response = c.post(
        "/incidents/new/",
        {
            "kind": "loss",
            "items": [item.pk],
            "description": "Để quên trên xe",
            "how_found": "Tự phát hiện",
            "discovered_at": clock.now().astimezone(clock.VN_TZ).strftime("%d/%m/%Y %H:%M"),
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "lost" and Incident.objects.count() == 1
    assert c.get(response["Location"]).status_code == 200  # the reporter follows their own report


def test_a_bad_report_shows_every_reason_and_saves_nothing(client, org):
    c = client_for(client, org["users"]["drafter"])
    response = c.post(
        "/incidents/new/",
        {"kind": "loss", "description": " ", "how_found": "x", "discovered_at": "01/01/2099 10:00"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and Incident.objects.count() == 0
    assert "Thời điểm phát hiện: không được ở tương lai." in body or "Diễn biến" in body


def test_the_police_report_document_never_prints_a_summary(client, org, item_factory):
    item = item_factory(level="secret")
    item.summary = "NỘI DUNG MẬT KHÔNG ĐƯỢC IN"
    item.save(update_fields=["summary"])
    incident = secret_incident(org, item)
    body = (
        client_for(client, org["users"]["head"])
        .get(f"/incidents/{incident.pk}/police-report/")
        .content.decode()
    )
    assert "BÁO CÁO ĐỘT XUẤT" in body and "NỘI DUNG MẬT" not in body and "style=" not in body
