"""Issue #7 journey: a drafting computer fails its host check; an inspection opens, its automatic
checklist shows the failure with the evidence, the finding is recorded, fixed, re-checked and closed,
and the inspection is closed with its printable record."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser
MAC = "52:54:00:AB:CD:01"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e-inspections") as url:
        yield url


def log_out(page) -> None:
    page.click("button:has-text('Đăng xuất')")


def register_failing_computer(page, server: str, report_path: str) -> None:
    """The devices part of the journey (pages of the assets app)."""
    page.goto(f"{server}/assets/new/")
    page.select_option("#id_kind", "desktop")
    page.fill("#id_asset_tag", "VP-MT-09")
    page.fill("#id_hostname", "soanthao-09")
    page.fill("#id_macs", MAC)
    page.select_option("#id_purpose", "drafting")
    page.select_option("#id_network_status", "standalone")
    page.fill("#id_location", "Phòng soạn thảo BMNN")
    page.click("button:has-text('Ghi')")
    page.wait_for_selector("h1:has-text('VP-MT-09')")
    page.click("text=Nạp báo cáo kiểm tra (JSON)")
    page.set_input_files("#id_report", report_path)
    page.click("button:has-text('Ghi')")
    page.wait_for_selector("[data-testid=inspection-table] >> text=Không đạt")


def test_inspection_journey_from_failing_computer_to_closed_record(server, tmp_path):
    from bmnn.assets.tests.reports import as_bytes, make_report

    report = tmp_path / "hostcheck.json"
    report.write_bytes(as_bytes(make_report(macs=[MAC.lower()], hostname="soanthao-09")))
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.security")
        register_failing_computer(page, server, str(report))
        log_out(page)

        log_in(page, server, "demo.inspector")
        page.click("nav >> text=Kiểm tra")
        page.click("text=Lập kế hoạch kiểm tra")
        page.fill("#id_title", "Tự kiểm tra công tác bảo vệ BMNN năm 2026")
        page.select_option("#id_mode", "self")
        page.fill("#id_scope", "Sổ sách, máy tính soạn thảo, cán bộ")
        page.fill("#id_team", "Bùi Thanh Tùng (kiểm tra viên); Phạm Quốc Bảo (cán bộ bảo mật)")
        page.click("button:has-text('Ghi kế hoạch')")
        page.click("button:has-text('Mở đợt kiểm tra')")
        page.wait_for_selector("[data-testid=result-A4]")
        assert page.inner_text("[data-testid=result-A4]") == "Không đạt"
        checklist = page.inner_text("section.checklist")
        assert "VP-MT-09" in checklist and "không đạt" in checklist
        assert (
            page.locator("section.checklist a", has_text="Máy tính, thiết bị").count() == 1
        )  # evidence link
        assert "Không đánh giá được" in checklist or "Đạt" in checklist
        screenshot(page, "inspection-automatic-checklist")

        page.fill("#id_description", "Máy VP-MT-09 kiểm tra không đạt (có lịch sử Internet), chưa dán tem")
        page.select_option("#id_severity", "high")
        page.select_option("#id_responsible_unit", index=1)
        page.fill("#id_due_on", (today + dt.timedelta(days=14)).strftime("%d/%m/%Y"))
        page.select_option("#id_answer_code", "A4")
        page.click("button:has-text('Ghi phát hiện')")
        page.wait_for_selector("text=Đã ghi phát hiện.")
        assert page.inner_text("[data-testid=finding-status]") == "Chưa khắc phục"
        log_out(page)

        log_in(page, server, "demo.security")
        page.goto(f"{server}/inspections/")
        page.click("text=Tự kiểm tra công tác bảo vệ BMNN năm 2026")
        page.fill(
            "[data-testid=findings] textarea[name=remediation]",
            "Thay ổ cứng, cài lại, Công an tỉnh dán tem số 0457",
        )
        page.click("button:has-text('Báo cáo đã khắc phục')")
        page.wait_for_selector("text=chờ kiểm tra lại")
        log_out(page)

        log_in(page, server, "demo.inspector")
        page.goto(f"{server}/inspections/")
        page.click("text=Tự kiểm tra công tác bảo vệ BMNN năm 2026")
        page.select_option("[data-testid=findings] select[name=passed]", "1")
        page.fill("[data-testid=findings] textarea[name=note]", "Đã xem tem 0457 và báo cáo kiểm tra mới")
        page.click("button:has-text('Ghi kết quả kiểm tra lại')")
        page.wait_for_selector("text=Kiểm tra lại: đạt")
        page.click("button:has-text('Kết thúc phát hiện')")
        page.wait_for_selector("[data-testid=finding-status] >> text=Đã kết thúc")

        selects = page.locator("section.checklist select")
        for i in range(selects.count()):
            if selects.nth(i).input_value() == "unanswered":
                selects.nth(i).select_option("pass")
        page.click("button:has-text('Lưu kết quả kiểm tra')")
        page.wait_for_selector("text=Đã lưu kết quả kiểm tra.")
        page.fill("#id_conclusion", "Cơ bản thực hiện đúng quy định; đã khắc phục máy soạn thảo VP-MT-09.")
        page.click("button:has-text('Kết thúc đợt kiểm tra')")
        page.wait_for_selector("text=Đã kết thúc đợt kiểm tra.")
        assert page.inner_text("[data-testid=inspection-status]") == "Đã kết thúc"

        page.click("text=Biên bản kiểm tra (bản in)")
        record = page.inner_text("[data-testid=inspection-record]")
        assert "BIÊN BẢN KIỂM TRA" in record and "VP-MT-09" in record
        screenshot(page, "inspection-record")

        page.goto(f"{server}/inspections/dashboard/")
        assert page.locator("[data-testid=chart] svg").count() >= 2
        screenshot(page, "compliance-dashboard")
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
