"""Issue #3 journey: a drafter proposes a Tối mật item citing the Danh mục, the head approves,
and a Mật-cleared colleague cannot find it anywhere."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e3") as url:
        yield url


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


def test_drafter_gets_a_basis_suggestion_picks_it_and_submits_the_proposal(server):
    draft = (
        "Đề án sáp nhập, hợp nhất một số bộ, cơ quan ngang bộ trình Chính phủ; nội dung đề án "
        "khi chưa được Quốc hội thông qua không được công bố."
    )
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.unithead")
        page.goto(f"{server}/items/new/")
        page.select_option("#id_kind", "paper_document")
        page.fill("#id_document_type", "Đề án")
        page.fill("#id_number", "16/ĐA-SXD")
        page.fill("#id_draft_text", draft)
        page.click("button:has-text('Gợi ý căn cứ')")
        row = page.locator(
            "[data-testid=basis-suggestions] tr", has_text="Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg"
        )
        row.wait_for()
        assert row.locator("mark").count() >= 1  # matched phrases highlighted
        assert "Tối mật" in page.inner_text("[data-testid=basis-suggestions]")
        screenshot(page, "classification-suggested")
        row.locator("button:has-text('Chọn làm căn cứ')").click()
        page.wait_for_selector("[data-testid=preview-level]:has-text('Tối mật')")
        assert page.locator("#id_basis option:checked").count() == 1
        assert "2500/QĐ-TTg" in page.locator("#id_basis option:checked").inner_text()
        page.fill("#id_copies", "1")
        page.click("#item-form button[type=submit]:has-text('Ghi')")
        page.wait_for_selector("[data-testid=item-status]")
        assert page.inner_text("[data-testid=item-status]") == "Đang đề xuất"
        assert page.inner_text("[data-testid=item-level]") == "TỐI MẬT"
        assert "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg" in page.inner_text("body")
        assert draft not in page.content()  # the draft was only used to suggest, never saved
        screenshot(page, "classification-suggestion-submitted")
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
