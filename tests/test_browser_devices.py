"""A security officer registers a drafting computer, uploads a failing host-check report, sees the alert."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from bmnn.assets.tests.reports import as_bytes, make_report
from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser
MAC = "52:54:00:AB:CD:EF"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e-devices") as url:
        yield url


def test_a_failing_host_check_of_a_drafting_computer_raises_an_alert(server, tmp_path):
    report = tmp_path / "hostcheck-report.json"
    report.write_bytes(as_bytes(make_report(macs=[MAC.lower()], hostname="soanthao-vp")))
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.security")

        page.click("nav >> text=Thiết bị")
        page.click("text=Đăng ký thiết bị")
        page.select_option("#id_kind", "desktop")
        page.fill("#id_asset_tag", "VP-MT-07")
        page.fill("#id_hostname", "soanthao-vp")
        page.fill("#id_macs", MAC.replace(":", "-"))
        page.select_option("#id_purpose", "drafting")
        page.select_option("#id_network_status", "standalone")
        page.fill("#id_location", "Phòng soạn thảo BMNN, Văn phòng")
        page.click("button:has-text('Ghi')")
        page.wait_for_selector("h1:has-text('VP-MT-07')")
        assert "52:54:00:ab:cd:ef" in page.inner_text("dl")

        page.click("text=Nạp báo cáo kiểm tra (JSON)")
        page.set_input_files("#id_report", str(report))
        page.click("button:has-text('Ghi')")
        page.wait_for_selector("[data-testid=inspection-table] >> text=Không đạt")
        screenshot(page, "devices-hostcheck-uploaded")

        page.click("nav >> text=Thiết bị")
        alerts = page.inner_text("[data-testid=alerts]")
        assert "VP-MT-07: lần kiểm tra gần nhất KHÔNG ĐẠT" in alerts
        assert "VP-MT-07 chưa có tem an toàn" in alerts
        screenshot(page, "devices-alerts")
    assert all(
        urlparse(u).hostname == "127.0.0.1" for u in requested if not u.startswith(("data:", "about:"))
    )
