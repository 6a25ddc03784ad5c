"""Issue #3 journey: a drafter proposes a Tối mật item citing the Danh mục, the head approves,
and a Mật-cleared colleague cannot find it anywhere."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, screenshot
from tests.helpers import fresh_database_url, running_server

pytestmark = pytest.mark.browser
DEMO_PASSWORD = "Demo@bmnn-2026"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with fresh_database_url() as db, running_server(tmp_path_factory.mktemp("e2e3"), db) as url:
        yield url


def log_in(page, server: str, username: str) -> None:
    page.goto(f"{server}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Tổng quan')")


def log_out(page) -> None:
    page.click("button:has-text('Đăng xuất')")


def test_drafter_proposes_head_approves_and_a_confidential_user_cannot_find_it(server):
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.unithead")  # chuyên viên cleared for Tối mật, no authority to classify
        page.goto(f"{server}/items/new/")
        page.select_option("#id_kind", "paper_document")
        page.fill("#id_document_type", "Đề án")
        page.fill("#id_number", "15/ĐA-SXD")
        page.fill("#id_summary", "Đề án sáp nhập các phòng chuyên môn")
        option = page.locator("#id_basis option", has_text="Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg")
        page.select_option("#id_basis", value=option.first.get_attribute("value"))
        page.select_option("#id_level", "secret")
        page.fill("#id_copies", "2")
        page.click("button:has-text('Ghi')")
        page.wait_for_selector("[data-testid=item-status]")
        assert page.inner_text("[data-testid=item-status]") == "Đang đề xuất"
        item_url = page.url
        screenshot(page, "classification-proposed")
        log_out(page)

        log_in(page, server, "demo.head")
        page.goto(item_url)
        page.select_option("#id_approve", "1")
        page.click("button:has-text('Ghi quyết định')")
        page.wait_for_selector("text=Đã ghi quyết định")
        assert page.inner_text("[data-testid=item-status]") == "Đã xác định độ mật"
        history = page.inner_text("body")
        assert "Đề xuất độ mật" in history and "Xác định độ mật" in history
        screenshot(page, "classification-approved")
        log_out(page)

        log_in(page, server, "demo.staff")  # Mật clearance, same unit
        page.goto(f"{server}/items/?q=15/DA-SXD")
        assert "15/ĐA-SXD" not in page.inner_text("[data-testid=item-table]")
        response = page.goto(item_url)
        assert response is not None and response.status == 404
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
