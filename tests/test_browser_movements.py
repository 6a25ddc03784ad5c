"""Issue #4 journey (movements): the head authorises two copies of a Tối mật item, văn thư records
them; later the item and both copies are destroyed by council decision, and the copy register
shows the copies and their destruction."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e4m") as url:
        yield url


def log_out(page) -> None:
    page.click("button:has-text('Đăng xuất')")


def create_secret_item(page, server: str) -> int:
    page.goto(f"{server}/items/new/")
    page.select_option("#id_kind", "paper_document")
    page.fill("#id_document_type", "Phương án")
    page.fill("#id_number", "21/PA-SXD")
    page.fill("#id_summary", "Phương án sắp xếp các phòng chuyên môn")
    option = page.locator("#id_basis option", has_text="Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg")
    page.select_option("#id_basis", value=option.first.get_attribute("value"))
    page.select_option("#id_level", "secret")
    page.fill("#id_copies", "1")
    page.click("button:has-text('Ghi')")
    page.wait_for_selector("[data-testid=item-status]")
    assert page.inner_text("[data-testid=item-status]") == "Đã xác định độ mật"
    match = re.search(r"/items/(\d+)/", page.url)
    assert match, page.url
    return int(match.group(1))


def destruction_step(page, fields: dict[str, str], text: str) -> None:
    for selector, value in fields.items():
        page.fill(selector, value)
    page.click("button:has-text('Ghi')")
    page.wait_for_selector(f"[data-testid=case-stage]:has-text('{text}')")


def copy_then_destroy(page, server: str, item_id: int, number: str) -> None:
    """Two copies requested by văn thư, authorised by the head, made and registered; later the item
    and both copies destroyed by council decision; the copy register shows it all."""
    # Văn thư asks the head for two copies.
    log_in(page, server, "demo.clerk")
    page.goto(f"{server}/movements/items/{item_id}/")
    page.click("summary:has-text('Đề nghị sao, chụp')")
    page.select_option("#id_copy_request-kind", "sao_y")
    page.fill("#id_copy_request-quantity", "2")
    page.fill("#id_copy_request-recipients", "Phòng Quản lý xây dựng\nThanh tra Sở")
    head_option = page.locator("#id_copy_request-authoriser option", has_text="Trần Minh Đức")
    page.select_option("#id_copy_request-authoriser", value=head_option.first.get_attribute("value"))
    page.click("button:has-text('Gửi đề nghị')")
    page.wait_for_selector("[data-testid=permission-status]:has-text('Đang đề nghị')")
    permission_url = page.url
    log_out(page)

    # The head authorises.
    log_in(page, server, "demo.head")
    page.goto(permission_url)
    page.select_option("#id_approve", "1")
    page.fill("#id_decision_ref", "Bút phê trên phiếu đề nghị")
    page.click("button:has-text('Ghi quyết định')")
    page.wait_for_selector("[data-testid=permission-status]:has-text('Đã cho phép')")
    log_out(page)

    # Văn thư makes and records the copies.
    log_in(page, server, "demo.clerk")
    page.goto(permission_url)
    page.click("button:has-text('Đã sao, chụp')")
    page.wait_for_selector("[data-testid=permission-status]:has-text('Đã sao, chụp')")
    body = page.inner_text("main")
    assert "Bản sao số 1/2" in body and "Bản sao số 2/2" in body
    page.goto(f"{server}/movements/copies/register/")
    register = page.inner_text("[data-testid=copy-register]")
    assert number in register and "1/2; 2/2" in register
    screenshot(page, "movements-copy-register")

    # Later: destruction of the item and both copies through the council.
    page.goto(f"{server}/movements/items/{item_id}/")
    page.click("summary:has-text('Đề xuất tiêu hủy')")
    for box in page.locator("input[name=propose-copies]").all():
        box.check()
    page.fill("#id_propose-reason", "Phương án đã được thay thế, không còn giá trị sử dụng")
    page.click("button:has-text('Lập đề xuất tiêu hủy')")
    page.wait_for_selector("[data-testid=case-stage]:has-text('Đề xuất tiêu hủy')")
    case_url = page.url
    assert page.locator("[data-testid=case-lines] tbody tr").count() == 3
    destruction_step(
        page,
        {
            "#id_council_ref": "QĐ 12/QĐ-SXD",
            "#id_chair": "Phó Giám đốc Sở",
            "#id_members": "Chánh Văn phòng\nVăn thư cơ quan",
        },
        "Đã thành lập hội đồng",
    )
    destruction_step(
        page,
        {"#id_minutes_ref": "Biên bản số 01/BB-HĐ", "#id_opinion": "Đề nghị tiêu hủy toàn bộ"},
        "Hội đồng đã họp",
    )
    log_out(page)

    log_in(page, server, "demo.head")
    page.goto(case_url)
    page.select_option("#id_approve", "1")
    destruction_step(page, {"#id_decision_ref": "QĐ 13/QĐ-SXD"}, "Đã có quyết định tiêu hủy")
    log_out(page)

    log_in(page, server, "demo.clerk")
    page.goto(case_url)
    destruction_step(
        page,
        {
            "#id_method": "Nghiền nhỏ bằng máy hủy tài liệu",
            "#id_persons": "Văn thư cơ quan\nChánh Văn phòng",
            "#id_record_ref": "Biên bản tiêu hủy số 02/BB-HĐ",
        },
        "Đã tiêu hủy",
    )
    screenshot(page, "movements-destroyed")

    page.goto(f"{server}/items/{item_id}/")
    assert page.inner_text("[data-testid=item-status]") == "Đã tiêu hủy"
    page.goto(f"{server}/movements/copies/register/")
    row = page.inner_text("[data-testid=copy-register]")
    assert "1/2 (đã tiêu hủy" in row and "2/2 (đã tiêu hủy" in row
    screenshot(page, "movements-register-after-destruction")


def test_head_authorises_two_copies_and_all_are_destroyed_by_council_decision(server):
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.head")
        item_id = create_secret_item(page, server)
        log_out(page)
        copy_then_destroy(page, server, item_id, "21/PA-SXD")
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
