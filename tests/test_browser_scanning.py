"""Issue #8 journey: a user drops a stamped Word file and a plain note on /scan/ and reads the verdicts."""

from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e8") as url:
        yield url


def stamped_docx() -> bytes:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "TỐI MẬT"
    d.add_paragraph("Báo cáo tình hình triển khai công tác bảo vệ bí mật nhà nước quý I.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_user_scans_a_stamped_docx_and_a_clean_note(server):
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.staff")
        page.click("nav >> text=Rà soát tệp")
        page.wait_for_selector("h1:has-text('Rà soát tệp trước khi phát hành')")
        page.set_input_files(
            "#id_files",
            files=[
                {"name": "bao-cao.docx", "mimeType": "application/octet-stream", "buffer": stamped_docx()},
                {
                    "name": "thong-bao.txt",
                    "mimeType": "text/plain",
                    "buffer": "Lịch họp giao ban tuần.".encode(),
                },
            ],
        )
        page.click("button:has-text('Rà soát')")
        page.wait_for_selector("[data-testid=scan-results]")
        secret = page.locator("[data-testid=scan-file][data-verdict=secret]")
        assert "bao-cao.docx" in secret.inner_text() and "TỐI MẬT" in secret.inner_text()
        clean = page.locator("[data-testid=scan-file][data-verdict=clean]")
        assert "thong-bao.txt" in clean.inner_text() and "Không phát hiện dấu hiệu" in clean.inner_text()
        screenshot(page, "scanning-results")
        with page.expect_download() as info:
            page.click("button:has-text('Tải báo cáo PDF')")
        assert info.value.suggested_filename.endswith(".pdf")
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
