"""Project-wide test fixtures.

Tests needing PostgreSQL or Chromium skip with a visible reason when those are absent,
but fail when BMNN_REQUIRE_ALL=1 (CI).
"""

from __future__ import annotations

import os

import pytest

REQUIRE_ALL = os.environ.get("BMNN_REQUIRE_ALL") == "1"


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
