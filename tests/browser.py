"""Playwright driving Debian's /usr/bin/chromium (no browser download)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conftest import skip_or_fail

CHROMIUM = os.environ.get("BMNN_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("BMNN_ARTIFACTS", "artifacts")) / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@contextlib.contextmanager
def chromium_page() -> Iterator[tuple[Any, list[str]]]:
    """A page plus the list of every URL it requested."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed")
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} not found (apt-get install chromium)")
    requested: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        page.on("request", lambda request: requested.append(request.url))
        try:
            yield page, requested
        finally:
            browser.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


DEMO_PASSWORD = "Demo@bmnn-2026"  # what `bmnn demo` gives every demo account


@contextlib.contextmanager
def demo_server(tmp_path_factory: Any, name: str) -> Iterator[str]:
    """A fresh installation with the demo data, served on a free port (a new PostgreSQL database when
    DATABASE_URL is set); yields its base URL."""
    from tests.helpers import fresh_database_url, running_server

    with (
        fresh_database_url() as database_url,
        running_server(tmp_path_factory.mktemp(name), database_url) as url,
    ):
        yield url


def log_in(page: Any, server: str, username: str, *, wait: bool = True) -> None:
    """Log in through the form as a demo user; by default wait for the dashboard."""
    page.goto(f"{server}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    if wait:
        page.wait_for_selector("h1:has-text('Tổng quan')")
