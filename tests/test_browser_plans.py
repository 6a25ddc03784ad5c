"""Issue #6 journey: import a plan, fix one task's lead unit on the review screen, save, mark a task
done with evidence, write and finish the period report, print it, download it as PDF and export it
as a signed package."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser import chromium_page, demo_server, log_in, screenshot

pytestmark = pytest.mark.browser
# The samples are copied into the repository's fixtures, so the journey does not need ../shared.
SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "bmnn/plans/importing/tests/fixtures/ke-hoach-2024-so-xay-dung.docx"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory, "e2e6") as url:
        yield url


def import_and_fix_one_unit(page, server: str) -> tuple[str, str]:
    """Returns the task number and the name of the unit chosen for it on the review screen."""
    page.goto(f"{server}/plans/import/")
    page.set_input_files("#id_file", str(SAMPLE))
    page.click("button:has-text('Đọc tệp')")
    page.wait_for_selector("h1:has-text('Xem lại kết quả đọc tệp')")
    assert "26/2020/NĐ-CP" in page.inner_text("[data-testid=review-refs]")
    select = page.locator("select[name$='-unit']").first
    current = select.input_value()
    options = select.locator("option")
    chosen = next(
        options.nth(i)
        for i in range(options.count())
        if options.nth(i).get_attribute("value") not in ("", current)
    )
    name = chosen.inner_text().strip()
    number = (select.get_attribute("aria-label") or "").removeprefix("Đơn vị chủ trì nhiệm vụ ").strip()
    select.select_option(chosen.get_attribute("value"))
    screenshot(page, "plans-review")
    page.click("button:has-text('Lưu kế hoạch')")
    page.wait_for_selector("[data-testid=task-tree]")
    return number, name


def finish_first_task_with_evidence(page) -> None:
    page.locator("[data-testid=task-tree] a").first.click()
    page.wait_for_selector("[data-testid=task-status]")
    evidence = page.locator("form[action$='/evidence/']")
    evidence.locator("textarea[name=note]").fill("Đã tổ chức hội nghị quán triệt ngày 15/3")
    evidence.locator("button:has-text('Thêm')").click()
    page.wait_for_selector("[data-testid=evidence] li:has-text('hội nghị quán triệt')")
    done = page.locator("form[action$='/done/']")
    done.locator("[name=note]").fill("Hoàn thành")
    done.locator("button:has-text('Hoàn thành')").click()
    page.wait_for_selector("[data-testid=task-status]:has-text('Hoàn thành')")
    screenshot(page, "plans-task-done")


def write_and_export_report(page, server: str) -> dict[str, object]:
    page.goto(f"{server}/plans/reports/")
    page.click("button:has-text('Lập báo cáo')")
    page.wait_for_selector("[data-testid=report-stats]")
    for name, text in (
        ("a", "Tình hình ổn định"),
        ("b", "Đã tập huấn"),
        ("c", "Không có vụ lộ, mất"),
        ("d", "Đề xuất"),
    ):
        page.fill(f"#id_part_{name}", text)
    page.click("button:has-text('Lưu và hoàn thành')")
    page.wait_for_selector("text=Đã lưu báo cáo")
    report_url = page.url
    page.click("a:has-text('Bản in')")
    page.wait_for_selector("h1:has-text('BÁO CÁO')")
    assert "Tình hình ổn định" in page.inner_text("body")
    screenshot(page, "plans-report-print")
    page.goto(report_url)
    with page.expect_download() as pdf:
        page.click("a:has-text('Tải PDF')")
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")
    with page.expect_download() as info:
        page.click("button:has-text('Xuất gói báo cáo ký số')")
    return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


def look_at_the_rollup_pages(page, server: str) -> None:
    """The keys page shows this agency's fingerprint; the consolidated page renders its SVG charts
    without any Content-Security-Policy complaint (no inline style or script)."""
    complaints: list[str] = []
    page.on("console", lambda msg: complaints.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{server}/plans/rollup/keys/")
    assert len(page.inner_text("[data-testid=own-fingerprint]").split("-")) == 8
    screenshot(page, "plans-rollup-keys")
    page.goto(f"{server}/plans/reports/")
    page.locator("[data-testid=report-list] a").first.click()
    page.click("a:has-text('Tổng hợp đơn vị cấp dưới')")
    page.wait_for_selector("[data-testid=rollup-rows]")
    assert page.locator("svg.chart").count() >= 2
    screenshot(page, "plans-rollup")
    assert not [c for c in complaints if "Content Security Policy" in c]


def test_import_fix_a_unit_save_finish_a_task_and_export_the_report(server):
    with chromium_page() as (page, requested):
        log_in(page, server, "demo.security")
        number, unit = import_and_fix_one_unit(page, server)
        row = page.locator("[data-testid=task-tree] tr", has=page.locator(f"td:text-is('{number}')")).first
        assert unit in row.inner_text()
        screenshot(page, "plans-saved")
        finish_first_task_with_evidence(page)
        package = write_and_export_report(page, server)
        assert package["format"] == "bmnn-report-package"
        assert package["payload"]["report"]["parts"]["part_a"] == "Tình hình ổn định"
        assert package["payload"]["statistics"]["events"]["plans.task_done"] >= 1
        look_at_the_rollup_pages(page, server)
    assert {urlparse(u).hostname for u in requested if u.startswith("http")} == {"127.0.0.1"}
