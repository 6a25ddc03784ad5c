"""A demo user logs in through a real browser; the page talks to nobody but 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e") as url:
        yield url


def test_a_demo_clerk_logs_in_sees_the_dashboard_and_nothing_leaves_localhost(server):
    with chromium_page() as (page, requested):
        log_in(page, server, wait=False, username="demo.clerk")
        page.wait_for_selector("h1:has-text('Tổng quan')")
        assert "Tiếp cận: Tối mật" in page.inner_text("[data-testid=clearance]")
        assert "DỮ LIỆU MẪU" in page.inner_text("body")
        screenshot(page, "foundation-dashboard-clerk")
    hosts = {urlparse(u).hostname for u in requested if not u.startswith(("data:", "about:"))}
    assert hosts == {"127.0.0.1"}, hosts


def test_a_security_officer_verifies_the_ledger_in_the_page(server):
    with chromium_page() as (page, requested):
        log_in(page, server, wait=False, username="demo.security")
        page.click("text=Sổ nhật ký")
        page.wait_for_selector("[data-testid=ledger-head]")
        page.click("button:has-text('Kiểm tra toàn vẹn')")
        page.wait_for_selector("[data-testid=verify-ok]")  # htmx swapped the result in place
        assert "Toàn vẹn" in page.inner_text("#verify-result")
        screenshot(page, "foundation-ledger-verified")
    assert all(urlparse(u).hostname == "127.0.0.1" for u in requested)


def test_a_wrong_password_shows_a_vietnamese_message(server):
    with chromium_page() as (page, _):
        page.goto(f"{server}/accounts/login/")
        page.fill("#id_username", "demo.staff")
        page.fill("#id_password", "sai")
        page.click("button[type=submit]")
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.inner_text("body")


def test_the_admin_manages_users_but_has_no_clearance(server):
    with chromium_page() as (page, _):
        log_in(page, server, wait=False, username="demo.admin")
        assert "Không tiếp cận BMNN" in page.inner_text("[data-testid=clearance]")
        page.click("text=Người dùng")
        page.wait_for_selector("text=demo.inspector")
        screenshot(page, "foundation-users-admin")
