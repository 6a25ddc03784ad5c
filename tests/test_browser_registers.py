"""Issue #4 journey (registers part): văn thư registers an incoming Tối mật document, hands it to a
chuyên viên who logs in and confirms, and the incoming and handover registers show both steps."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e4") as url:
        yield url


def log_out(page) -> None:
    page.click("button:has-text('Đăng xuất')")


def option_value(page, select: str, text: str) -> str:
    value = page.locator(f"{select} option", has_text=text).first.get_attribute("value")
    assert value
    return value


def register_incoming(page, server: str) -> None:
    page.goto(f"{server}/registers/")
    page.click("a:has-text('Vào sổ đến')")
    page.fill("#id_issuing_body", "Bộ Xây dựng")
    page.fill("#id_number", "45/BXD-TM")
    page.fill("#id_document_type", "Công văn")
    page.select_option("#id_level", "secret")
    page.fill("#id_summary", "Phương án sắp xếp đơn vị sự nghiệp")
    page.click("button:has-text('Vào sổ')")
    page.wait_for_selector("text=/Đã vào sổ đến số \\d+\\//")  # after the demo's own entries
    screenshot(page, "registers-incoming-registered")


def hand_over(page, server: str) -> str:
    page.goto(f"{server}/registers/handover/new/")
    page.select_option("#id_item", option_value(page, "#id_item", "45/BXD-TM"))
    page.select_option("#id_to_user", option_value(page, "#id_to_user", "Vũ Đình Khải"))
    page.click("button:has-text('Vào sổ')")
    page.wait_for_selector("[data-testid=handover-status]")
    assert "Đang chuyển giao" in page.inner_text("[data-testid=handover-status]")
    screenshot(page, "registers-handover-in-transit")
    return page.url


def test_clerk_registers_incoming_hands_over_and_the_receiver_confirms(server):
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.clerk")
        register_incoming(page, server)
        handover_url = hand_over(page, server)
        log_out(page)

        log_in(page, server, "demo.unithead")  # chuyên viên cleared for Tối mật
        page.goto(f"{server}/registers/")
        assert "45/BXD-TM" in page.inner_text("[data-testid=pending]")
        page.click("[data-testid=pending] tr:has-text('45/BXD-TM') a:has-text('Xem và ký nhận')")
        assert page.url == handover_url
        page.click("[data-testid=confirm-form] button:has-text('Ký nhận')")
        page.wait_for_selector("text=Đã ký nhận tài liệu")
        assert page.inner_text("[data-testid=handover-status]") == "Người nhận đã ký nhận"
        screenshot(page, "registers-handover-confirmed")
        log_out(page)

        log_in(page, server, "demo.clerk")
        page.goto(f"{server}/registers/")
        page.click("[data-testid=books] a:has-text('Sổ đăng ký bí mật nhà nước đến')")
        incoming = page.inner_text("[data-testid=register-page]")
        assert "45/BXD-TM" in incoming and "Bộ Xây dựng" in incoming and "Tối mật" in incoming
        screenshot(page, "registers-incoming-book")
        page.goto(f"{server}/registers/")
        page.click("[data-testid=books] a:has-text('Sổ chuyển giao bí mật nhà nước')")
        handover = page.inner_text("[data-testid=register-page]")
        assert "45/BXD-TM" in handover and "Vũ Đình Khải" in handover and "Đã ký nhận" in handover
        screenshot(page, "registers-handover-book")
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}


def test_the_whole_life_of_an_incoming_document_shows_in_the_registers(server):
    """Issue #4's journey end to end: registered on arrival, handed to a chuyên viên who confirms, two
    copies authorised by the head and recorded by văn thư, then the document and its copies destroyed
    by council decision — every step visible in the incoming, handover and copy registers."""
    import re

    from tests.test_browser_movements import copy_then_destroy

    with chromium_page() as (page, requested):
        log_in(page, server, "demo.clerk")
        page.goto(f"{server}/registers/")
        page.click("a:has-text('Vào sổ đến')")
        page.fill("#id_issuing_body", "Bộ Xây dựng")
        page.fill("#id_number", "77/BXD-TM")
        page.fill("#id_document_type", "Đề án")
        page.select_option("#id_level", "secret")
        page.fill("#id_summary", "Đề án hợp nhất các đơn vị sự nghiệp")
        page.click("button:has-text('Vào sổ')")
        page.wait_for_selector("text=/Đã vào sổ đến số \\d+\\//")
        page.goto(f"{server}/registers/handover/new/")
        page.select_option("#id_item", option_value(page, "#id_item", "77/BXD-TM"))
        page.select_option("#id_to_user", option_value(page, "#id_to_user", "Vũ Đình Khải"))
        page.click("button:has-text('Vào sổ')")
        page.wait_for_selector("[data-testid=handover-status]")
        log_out(page)

        log_in(page, server, "demo.unithead")
        page.goto(f"{server}/registers/")
        page.click("[data-testid=pending] tr:has-text('77/BXD-TM') a:has-text('Xem và ký nhận')")
        page.click("[data-testid=confirm-form] button:has-text('Ký nhận')")
        page.wait_for_selector("text=Đã ký nhận tài liệu")
        log_out(page)

        log_in(page, server, "demo.head")
        page.goto(f"{server}/items/?q=77/BXD-TM")
        href = page.locator("a:has-text('77/BXD-TM')").first.get_attribute("href") or ""
        match = re.search(r"/items/(\d+)/", href)
        assert match, href
        log_out(page)

        copy_then_destroy(page, server, int(match.group(1)), "77/BXD-TM")

        page.goto(f"{server}/registers/")
        page.click("[data-testid=books] a:has-text('Sổ đăng ký bí mật nhà nước đến')")
        incoming = page.inner_text("[data-testid=register-page]")
        assert "77/BXD-TM" in incoming and "Bộ Xây dựng" in incoming
        page.goto(f"{server}/registers/")
        page.click("[data-testid=books] a:has-text('Sổ chuyển giao bí mật nhà nước')")
        handover = page.inner_text("[data-testid=register-page]")
        assert "77/BXD-TM" in handover and "Đã ký nhận" in handover
        screenshot(page, "registers-journey-handover-book")
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
