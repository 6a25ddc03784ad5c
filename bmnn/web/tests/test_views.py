"""Pages as a user meets them: login, lockout, idle timeout, CSP, permissions, the ledger page."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from bmnn.audit.ledger import record
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD, make_agency, make_unit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return make_agency()


def login(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_lands_on_the_dashboard_and_is_ledgered(client, agency):
    make_user(agency, "vanthu", role="clerk", clearance="secret")
    response = login(client, "vanthu")
    assert response.status_code == 302 and response.url == "/"
    page = client.get("/")
    assert "Tiếp cận: Tối mật" in page.content.decode()
    assert LedgerEntry.objects.filter(event="accounts.login", actor_repr__startswith="vanthu").exists()


def test_a_wrong_password_is_explained_in_vietnamese_and_ledgered(client, agency):
    make_user(agency, "vanthu")
    response = login(client, "vanthu", "sai-mat-khau")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert LedgerEntry.objects.filter(event="accounts.login_failed", subject_repr="vanthu").exists()


def test_five_failures_lock_the_account_even_for_the_right_password(client, agency):
    make_user(agency, "vanthu")
    for _ in range(5):
        login(client, "vanthu", "sai-mat-khau")
    response = login(client, "vanthu")
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()


def test_an_idle_session_expires_with_a_message(client, agency, settings):
    make_user(agency, "cv")
    login(client, "cv")
    session = client.session
    session["bmnn_last_seen"] = time.time() - settings.BMNN_SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get("/", follow=True)
    assert "Phiên làm việc đã hết hạn" in response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")


def test_anonymous_users_are_sent_to_login(client):
    assert client.get("/").url.startswith("/accounts/login/")


def test_logout_requires_post_and_is_ledgered(client, agency):
    make_user(agency, "cv")
    login(client, "cv")
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert LedgerEntry.objects.filter(event="accounts.logout").exists()


def test_every_page_has_a_strict_csp_and_no_external_url_or_inline_script(agency):
    make_user(agency, "admin", role="admin")
    make_user(agency, "head", role="head", clearance="secret")
    visits = [(None, "/accounts/login/")]
    visits += [
        ("admin", u) for u in ["/", "/org/", "/accounts/users/", "/accounts/users/new/", "/accounts/profile/"]
    ]
    visits += [("head", u) for u in ["/", "/ledger/", "/ledger/head/"]]
    for username, url in visits:
        client = Client()
        if username:
            login(client, username)
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        html = response.content.decode()
        assert not re.search(r"(src|href|action)=\"(https?:)?//", html), url
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " style=" not in html, url


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("head", 403), ("clerk", 403), ("staff", 403)])
def test_only_admins_manage_users_and_organisation(client, agency, role, status):
    make_user(agency, "u", role=role, clearance="secret")
    login(client, "u")
    assert client.get("/accounts/users/").status_code == status
    assert client.get("/org/").status_code == status


def test_an_admin_creates_a_user_with_clear_errors_first(client, agency):
    make_user(agency, "admin", role="admin")
    unit = make_unit(agency, "VP", "Văn phòng")
    login(client, "admin")
    bad = client.post("/accounts/users/new/", {"username": "", "role": "staff", "clearance": "mat"})
    html = bad.content.decode()
    assert "Tên đăng nhập:" in html and "Mức được tiếp cận BMNN:" in html
    ok = client.post(
        "/accounts/users/new/",
        {
            "username": "cv.moi",
            "full_name": "Nguyễn Văn Mới",
            "role": "staff",
            "clearance": "confidential",
            "unit": unit.pk,
            "password": "Mat-khau-rat-dai-2026",
        },
    )
    assert ok.status_code == 302
    assert LedgerEntry.objects.filter(event="accounts.user_created", subject_repr="Nguyễn Văn Mới").exists()


def test_admins_cannot_touch_users_of_another_agency(client, agency):
    make_user(agency, "admin", role="admin")
    stranger = make_user(make_agency("Khác"), "stranger")
    login(client, "admin")
    assert client.get(f"/accounts/users/{stranger.pk}/").status_code == 404


def test_the_ledger_page_hides_entries_above_the_readers_clearance(client, agency):
    make_user(agency, "kiemtra", role="inspector", clearance="confidential")
    record(
        event="registry.item_classified",
        actor=None,
        subject_repr="Đề án sáp nhập (Tối mật)",
        payload={"level": "secret", "number": "12/ĐA-SNV"},
    )
    login(client, "kiemtra")
    html = client.get("/ledger/").content.decode()
    assert "registry.item_classified" in html
    assert "Đề án sáp nhập" not in html and "12/ĐA-SNV" not in html
    assert "vượt mức được tiếp cận" in html


def test_verifying_from_the_ledger_page_reports_integrity(client, agency):
    make_user(agency, "baomat", role="security_officer", clearance="secret")
    login(client, "baomat")
    html = client.post("/ledger/verify/").content.decode()
    assert "Toàn vẹn" in html
    assert LedgerEntry.objects.filter(event="audit.ledger_verified").exists()


def test_staff_cannot_open_the_ledger(client, agency):
    make_user(agency, "cv", role="staff", clearance="secret")
    login(client, "cv")
    assert client.get("/ledger/").status_code == 403
