"""Ledger throughput: append N entries, then verify; prints entries/s for both.

Goal (issue #2): verify 1,000,000 entries in ≤ 10 s on a 2-core machine.
Usage: python bench/ledger.py [N]   (default 100000; uses a throw-away SQLite data folder)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ["BMNN_DATA_DIR"] = tempfile.mkdtemp(prefix="bmnn-bench-")
os.environ.pop("DATABASE_URL", None) if "--sqlite" in sys.argv else None
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from bmnn.audit import ledger  # noqa: E402


def main() -> None:
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "100000"))
    call_command("migrate", verbosity=0)
    ledger.create_ledger_key()
    start = time.perf_counter()
    batch = 1000
    for done in range(0, n, batch):
        with transaction.atomic():  # services append inside their own transaction; batch like a busy day
            for i in range(min(batch, n - done)):
                ledger.record(event="bench.entry", actor=None, payload={"i": done + i, "level": "secret"})
        if done % 20000 == 0:
            print(f"  appended {done:,}", file=sys.stderr)
    append_s = time.perf_counter() - start
    start = time.perf_counter()
    result = ledger.verify()
    verify_s = time.perf_counter() - start
    assert result.ok and result.count == n, result.problems[:3]
    print(f"backend: {django.db.connection.vendor}")
    print(f"append: {n:,} entries in {append_s:.2f} s = {n / append_s:,.0f} entries/s")
    print(f"verify: {n:,} entries in {verify_s:.2f} s = {n / verify_s:,.0f} entries/s")
    print(f"projected verify of 1,000,000 entries: {1_000_000 / (n / verify_s):.1f} s (goal ≤ 10 s)")


if __name__ == "__main__":
    main()
