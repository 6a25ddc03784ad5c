import json

import pytest
from django.test import Client

from bmnn.assets.models import Device, DeviceInspection
from bmnn.assets.tests.reports import as_bytes, make_report
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD

MAC = "aa:bb:cc:dd:ee:01"


def login(username):
    from bmnn.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def create(client, **extra):
    data = {
        "kind": "desktop",
        "asset_tag": "TS-01",
        "macs": "AA-BB-CC-DD-EE-01\n",
        "serials": "",
        "purpose": "drafting",
        "network_status": "standalone",
    } | extra
    return client.post("/assets/new/", data)


def test_a_security_officer_registers_a_device_and_duplicates_are_shown_with_the_reason(org):
    client = login("security")
    response = create(client)
    device = Device.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/assets/{device.pk}/"
    again = create(client)
    assert again.status_code == 200
    text = again.content.decode()
    assert "Mã tài sản: “TS-01” đã được dùng" in text and "aa:bb:cc:dd:ee:01” đã đăng ký" in text
    assert Device.objects.count() == 1


@pytest.mark.parametrize("who", ["staff", "inspector"])
def test_staff_and_inspectors_see_devices_but_cannot_register_them(org, who):
    client = login(who)
    assert client.get("/assets/").status_code == 200
    assert create(client).status_code == 403
    assert Device.objects.count() == 0


def test_another_agencys_device_is_not_found(org):
    create(login("security"))
    device = Device.objects.get()
    client = login("outsider")
    assert client.get(f"/assets/{device.pk}/").status_code == 404
    assert "TS-01" not in client.get("/assets/").content.decode()


def test_uploading_a_failing_report_shows_the_alert_on_the_devices_page(org):
    client = login("security")
    create(client)
    device = Device.objects.get()
    upload = client.post(
        f"/assets/{device.pk}/hostcheck/",
        {"report": _file(as_bytes(make_report(macs=[MAC]))), "inspector": "Cán bộ A"},
    )
    assert upload.status_code == 302
    page = client.get("/assets/").content.decode()
    assert "lần kiểm tra gần nhất KHÔNG ĐẠT" in page
    check = DeviceInspection.objects.get()
    detail = client.get(f"/assets/{device.pk}/checks/{check.pk}/").content.decode()
    assert "Lịch sử kết nối Internet" in detail
    assert login("staff").get(f"/assets/{device.pk}/checks/{check.pk}/").status_code == 403


def test_a_report_from_another_machine_is_refused_on_the_page(org):
    client = login("security")
    create(client)
    device = Device.objects.get()
    response = client.post(
        f"/assets/{device.pk}/hostcheck/",
        {"report": _file(as_bytes(make_report(macs=["00:11:22:33:44:55"])))},
    )
    assert response.status_code == 200
    assert "không thuộc thiết bị này" in response.content.decode()
    assert DeviceInspection.objects.count() == 0


def _file(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("hostcheck-report.json", data, content_type="application/json")


def _token(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def test_the_api_registers_lists_and_accepts_a_hostcheck_report(org):
    client = Client()
    auth = _token(client, "security")
    body = {
        "kind": "laptop",
        "asset_tag": "LT-1",
        "purpose": "drafting",
        "network_status": "standalone",
        "macs": [MAC],
    }
    created = client.post("/api/v1/computers/", json.dumps(body), content_type="application/json", **auth)
    assert created.status_code == 201, created.content
    device_id = created.json()["id"]
    dup = client.post("/api/v1/computers/", json.dumps(body), content_type="application/json", **auth)
    assert dup.status_code == 422
    assert {v["code"] for v in dup.json()["violations"]} == {"asset_tag_duplicate", "mac_duplicate"}
    listed = client.get("/api/v1/computers/", **auth).json()["results"]
    assert [d["asset_tag"] for d in listed] == ["LT-1"]
    before = LedgerEntry.objects.count()
    uploaded = client.post(
        f"/api/v1/computers/{device_id}/hostcheck/",
        as_bytes(make_report(macs=[MAC])),
        content_type="application/json",
        **auth,
    )
    assert uploaded.status_code == 201 and uploaded.json()["result"] == "FAIL"
    assert LedgerEntry.objects.count() == before + 1
    bad = client.post(
        f"/api/v1/computers/{device_id}/hostcheck/",
        json.dumps({"schema": "x"}),
        content_type="application/json",
        **auth,
    )
    assert bad.status_code == 422 and bad.json()["violations"][0]["code"] == "report_schema"


def test_the_api_refuses_staff_and_hides_other_agencies(org):
    client = Client()
    body = {"kind": "laptop", "asset_tag": "LT-1", "purpose": "ordinary", "network_status": "networked"}
    staff = _token(client, "staff")
    assert (
        client.post(
            "/api/v1/computers/", json.dumps(body), content_type="application/json", **staff
        ).status_code
        == 403
    )
    created = client.post(
        "/api/v1/computers/", json.dumps(body), content_type="application/json", **_token(client, "security")
    )
    outsider = _token(client, "outsider")
    assert client.get(f"/api/v1/computers/{created.json()['id']}/", **outsider).status_code == 404


def test_openapi_lists_the_device_staff_and_meeting_endpoints(org):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    for expected in ("/computers/", "/computers/{id}/hostcheck/", "/staff/", "/meetings/"):
        assert any(p.endswith(expected) for p in paths), expected
