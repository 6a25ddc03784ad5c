"""Agency policy values of the people app (not law): Django settings with defaults."""

from __future__ import annotations

from django.conf import settings


def commitment_scan_max_bytes() -> int:
    """Largest accepted commitment scan: default 10 MB (setting BMNN_SCAN_MAX_BYTES)."""
    return int(getattr(settings, "BMNN_SCAN_MAX_BYTES", 10 * 1024 * 1024))
