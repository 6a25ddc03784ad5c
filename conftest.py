"""Project-wide test fixtures.

Tests needing PostgreSQL or Chromium skip with a visible reason when those are absent,
but fail when BMNN_REQUIRE_ALL=1 (CI).
"""

from __future__ import annotations

import os

import pytest

REQUIRE_ALL = os.environ.get("BMNN_REQUIRE_ALL") == "1"


def pytest_configure(config: pytest.Config) -> None:
    """No egress: this process and every ``bmnn`` process the tests start may only reach loopback
    (and the configured database); attempts are refused and logged, and the run fails on any."""
    if not os.environ.get("BMNN_EGRESS_LOG"):
        import tempfile

        fd, path = tempfile.mkstemp(prefix="bmnn-egress-", suffix=".log")
        os.close(fd)
        os.environ["BMNN_EGRESS_LOG"] = path
    from bmnn.lib import egress

    egress.install_from_env()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):
        return  # the controller reads the shared log once every worker is done
    from pathlib import Path

    log = Path(os.environ["BMNN_EGRESS_LOG"])
    tried = log.read_text(encoding="utf-8").strip() if log.exists() else ""
    if tried:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nKẾT NỐI RA NGOÀI BỊ CHẶN trong khi chạy kiểm thử (xem {log}):\n{tried}")


def skip_or_fail(reason: str) -> None:
    if REQUIRE_ALL:
        pytest.fail(f"BMNN_REQUIRE_ALL=1 but: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True, scope="session")
def _ledger_key() -> None:
    """Tests of the Django app need a ledger key; plain-library tests (-p no:django) do not."""
    from django.conf import settings

    if not settings.configured:
        return
    from bmnn.audit.ledger import create_ledger_key

    create_ledger_key()


@pytest.fixture(autouse=True)
def _fresh_catalog_index() -> None:
    """The suggestion index is cached by catalog version (count, last id…); test databases roll back
    and reuse ids, so a cached index could belong to another test's catalog."""
    from django.conf import settings

    if settings.configured:
        from bmnn.catalog import queries

        queries._cache.clear()
