"""Crash safety: SIGKILL bmnn during bulk registration, backup and restore; print trials survived.

    python bench/crash.py [--trials 100] [--scenarios register,backup,restore]

SQLite by default; with DATABASE_URL set, each installation gets a fresh PostgreSQL database.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bmnn.ops import crash  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--scenarios", default="register,backup,restore")
    args = parser.parse_args()
    rng = random.Random(2026)
    vendor = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    failed = 0
    for scenario in args.scenarios.split(","):
        work = Path(tempfile.mkdtemp(prefix=f"bmnn-crash-{scenario}-"))
        started = time.perf_counter()
        try:
            result = crash.run(scenario, args.trials, work, rng)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        failed += len(result.failures)
        print(
            f"{vendor} {scenario}: {result.survived}/{result.trials} trials survived ({time.perf_counter() - started:.0f} s)"
        )
        for line in result.failures[:5]:
            print(f"    {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
