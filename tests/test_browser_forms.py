"""Issue #5 journey: văn thư prints the year's sổ đến and sổ đi from the register page (PDF and DOCX),
then an item's stamp sheet; a chuyên viên who may not read registers gets no printout."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdfium2
import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e5") as url:
        yield url


def pdf_text(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        return [p.get_textpage().get_text_range() for p in pdf]
    finally:
        pdf.close()


def download(page, click: str) -> bytes:
    with page.expect_download() as info:
        page.click(click)
    return Path(info.value.path()).read_bytes()


def open_book(page, server: str, label: str) -> None:
    page.goto(f"{server}/registers/")
    page.click(f"[data-testid=books] a:has-text('{label}')")
    page.wait_for_selector("[data-testid=print-register]")


def test_clerk_prints_the_registers_and_an_items_stamps(server):
    with chromium_page() as (page, _):
        log_in(page, server, "demo.clerk")
        open_book(page, server, "đến")
        screenshot(page, "forms-register-print-form")
        pages = pdf_text(download(page, "[data-testid=print-register] button:has-text('Tải về')"))
        assert "SỔ" in pages[0].upper() and "ĐẾN" in pages[0].upper()  # the cover
        assert "118/CAT-PA03" in "\n".join(pages[1:])
        assert all(f"Trang {i}/{len(pages)}" in text for i, text in enumerate(pages, 1))
        assert all("TỐI MẬT" in text for text in pages)  # the highest level in the book, on every page
        page.wait_for_selector("[data-testid=print-busy]:has-text('Đã tạo xong tệp in')")  # the progress note
        screenshot(page, "forms-register-downloaded")

        open_book(page, server, "đi")
        page.select_option("#print-format", "docx")
        book = docx.Document(
            io.BytesIO(download(page, "[data-testid=print-register] button:has-text('Tải về')"))
        )
        cells = [c.text for t in book.tables for row in t.rows for c in row.cells]
        assert "42/BC-SXD" in " ".join(cells)

        page.goto(f"{server}/items/")
        page.click("a:has-text('42/BC-SXD')")
        page.click("[data-testid=item-links] a:has-text('In / Tải về')")
        stamps = pdf_text(download(page, "a[href*='/stamps/?format=pdf']"))
        assert "MẬT" in stamps[0] and "42/BC-SXD" in stamps[0]


def test_clerk_prints_a_copy_record_and_the_stamps_of_one_copy_from_the_copy_register(server):
    with chromium_page() as (page, _):
        log_in(page, server, "demo.clerk")
        page.goto(f"{server}/movements/copies/register/")
        stamps = " ".join(pdf_text(download(page, "[data-testid=copy-stamps-link]:has-text('2/2')")))
        assert "BẢN SAO SỐ 2/2" in stamps and "TỐI MẬT" in stamps
        page.goto(f"{server}/movements/copies/register/")
        register = pdf_text(download(page, "[data-testid=print-copy-register] a:has-text('PDF')"))
        assert "15/ĐA-SXD" in " ".join(register[1:])

        page.goto(f"{server}/items/")
        page.click("a:has-text('15/ĐA-SXD')")
        page.click("[data-testid=item-links] a:has-text('Sao chụp')")
        page.click("[data-testid=copies] a:has-text('1/2')")
        screenshot(page, "forms-copy-print-block")
        record = " ".join(
            " ".join(pdf_text(download(page, "[data-testid='print-doc.copy_record-pdf']"))).split()
        )
        assert "Phiếu trình số 07/PT-VP" in record and "1/2, 2/2" in record


def test_a_staff_member_gets_no_register_printout(server):
    with chromium_page() as (page, _):
        log_in(page, server, "demo.staff")
        response = page.goto(f"{server}/forms/registers/incoming/2026/?format=pdf")
        assert response is not None and response.status == 404


def test_the_security_officer_prints_the_statistics_for_a_period_and_a_bad_period_is_explained(server):
    with chromium_page() as (page, _):
        log_in(page, server, "demo.security")
        page.goto(f"{server}/forms/")
        page.click("[data-testid=statistics-link]")
        page.fill("#id_from", "31/02/2026")
        page.click("button:has-text('Tải PDF')")
        errors = page.inner_text("[data-testid=period-errors]")
        assert "Từ ngày:" in errors
        screenshot(page, "forms-statistics-bad-period")
        page.fill("#id_from", "01/01/2026")
        text = " ".join(" ".join(pdf_text(download(page, "button:has-text('Tải PDF')"))).split())
        assert "THỐNG KÊ" in text.upper() and "Đăng ký văn bản đến" in text
