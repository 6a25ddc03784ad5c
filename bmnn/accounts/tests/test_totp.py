"""Two-factor login (TOTP): optional for everyone, mandatory for admins and heads when the policy says so."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bmnn.accounts import services
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD, make_agency, make_user

pytestmark = pytest.mark.django_db


def code(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def login(client: Client, username: str):
    return client.post("/accounts/login/", {"username": username, "password": PASSWORD})


@pytest.fixture
def agency():
    return make_agency()


def test_the_policy_forces_a_head_to_enrol_before_anything_else(agency, client):
    make_user(agency, "gd", role="head", clearance="secret")
    services.set_account_policy(actor=None, agency=agency, totp_required=True)
    login(client, "gd")
    assert client.get("/").url == "/accounts/otp/setup/"
    assert client.get("/items/").url == "/accounts/otp/setup/"


def test_the_policy_does_not_bind_ordinary_staff(agency, client):
    make_user(agency, "cv", role="staff")
    services.set_account_policy(actor=None, agency=agency, totp_required=True)
    login(client, "cv")
    assert client.get("/").status_code == 200


def test_enrolment_needs_a_valid_code_and_is_ledgered(agency, client):
    user = make_user(agency, "gd", role="head", clearance="secret")
    login(client, "gd")
    assert client.get("/accounts/otp/setup/").status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post("/accounts/otp/setup/", {"token": "000000" if code(device) != "000000" else "111111"})
    assert "Mã xác thực không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    ok = client.post("/accounts/otp/setup/", {"token": code(device)})
    assert ok.status_code == 302 and ok.url == "/"
    assert LedgerEntry.objects.filter(event="accounts.totp_enrolled", subject_id=str(user.pk)).exists()
    assert LedgerEntry.objects.filter(event="accounts.totp_enrolment_started").count() == 1


def test_an_enrolled_user_must_give_a_code_at_every_login(agency):
    user = make_user(agency, "gd", role="head", clearance="secret")
    device = services.begin_totp_enrolment(actor=user)
    services.confirm_totp_device(actor=user, device=device, token=code(device))
    client = Client()
    login(client, "gd")
    assert client.get("/").url == "/accounts/otp/"
    device.refresh_from_db()
    # The code used at enrolment may not be replayed: the next time step's code is accepted (tolerance 1).
    assert client.post("/accounts/otp/", {"token": code(device, offset=1)}).status_code == 302
    assert client.get("/").status_code == 200


def test_the_api_token_needs_the_second_factor_too(agency):
    user = make_user(agency, "gd", role="head", clearance="secret")
    device = services.begin_totp_enrolment(actor=user)
    services.confirm_totp_device(actor=user, device=device, token=code(device))
    client = Client()
    url = "/api/v1/auth/token"
    without = client.post(url, {"username": "gd", "password": PASSWORD}, content_type="application/json")
    assert without.status_code == 401 and "otp" in without.json()["error"]
    with_code = client.post(
        url,
        {"username": "gd", "password": PASSWORD, "otp": code(device, offset=1)},
        content_type="application/json",
    )
    assert with_code.status_code == 200 and with_code.json()["token"]


def test_a_head_who_must_enrol_gets_no_api_token_before_enrolling(agency):
    make_user(agency, "gd", role="head", clearance="secret")
    services.set_account_policy(actor=None, agency=agency, totp_required=True)
    response = Client().post(
        "/api/v1/auth/token", {"username": "gd", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 401
