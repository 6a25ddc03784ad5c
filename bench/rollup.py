"""Consolidating subordinate report packages (issue #6 goal: 1,000 packages in ≤ 10 s).

Usage: .venv/bin/python bench/rollup.py [N]   (default 1000; throw-away SQLite data folder)

Generates N Ed25519 keys and N signed packages (not timed as consolidation), registers the keys,
then times: signature checks alone, the full import (verify + known key + period + duplicates + save +
one ledger entry each) and building the consolidated view (totals by level and act, charts).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

os.environ["BMNN_DATA_DIR"] = tempfile.mkdtemp(prefix="bmnn-bench-rollup-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bmnn.audit import ledger  # noqa: E402
from bmnn.lib.testing import make_agency, make_user  # noqa: E402
from bmnn.plans import services  # noqa: E402
from bmnn.plans.models import ReceivedPackage  # noqa: E402
from bmnn.plans.rollup import keys, package  # noqa: E402
from bmnn.plans.rollup.queries import consolidation  # noqa: E402

T = TypeVar("T")
START, END = dt.date(2025, 12, 15), dt.date(2026, 12, 14)
LEVELS = ("confidential", "secret", "top_secret")
ACTS = ("registry.item_classified", "registry.item_extended", "registry.item_declassified")


def payload(i: int) -> dict[str, object]:
    acts = {
        act: {level: (i * (a + 1) + k) % 17 for k, level in enumerate(LEVELS)} for a, act in enumerate(ACTS)
    }
    return {
        "kind": "periodic_report",
        "agency": f"Đơn vị cấp dưới số {i:04d}",
        "agency_level": "commune",
        "exported_at": "2026-12-05T09:00:00+07:00",
        "secret_text_included": False,
        "report": {
            "title": "Báo cáo công tác bảo vệ bí mật nhà nước năm 2026",
            "period_start": START.isoformat(),
            "period_end": END.isoformat(),
            "deadline": "2026-12-10",
            "recipient": "Công an tỉnh",
            "parts": dict.fromkeys(("part_a", "part_b", "part_c", "part_d"), "Nội dung báo cáo " * 40),
        },
        "statistics": {
            "events": {act: sum(levels.values()) for act, levels in acts.items()},
            "acts": acts,
            "tasks": {"total": 20, "done": i % 21, "overdue": i % 3},
        },
    }


def timed(label: str, func: Callable[[], T], n: int) -> T:
    start = time.perf_counter()
    result = func()
    took = time.perf_counter() - start
    print(f"{label:<50} {took:7.2f} s   ({n / max(took, 1e-9):,.0f}/s)")
    return result


def verify_all(files: list[bytes], raw: list[bytes]) -> None:
    for data, key in zip(files, raw, strict=True):
        package.verify(package.open_package(data), key)


def main() -> None:
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "1000"))
    call_command("migrate", verbosity=0)
    ledger.create_ledger_key()
    upper = make_agency("Công an tỉnh (bench)")
    boss = make_user(upper, "bench", role="security_officer", clearance="secret")
    private = [Ed25519PrivateKey.generate() for _ in range(n)]
    files = timed(
        f"sign {n} packages (subordinates' side)",
        lambda: [package.sign_package(payload(i), key) for i, key in enumerate(private)],
        n,
    )
    lines = [
        keys.PublicKeyInfo(package.raw_public_key(k.public_key()), f"Đơn vị cấp dưới số {i:04d}").line()
        for i, k in enumerate(private)
    ]
    timed(
        f"register {n} public keys (once, ledgered)",
        lambda: [services.register_subordinate(actor=boss, agency=upper, public_key_text=li) for li in lines],
        n,
    )
    report = services.create_report(
        actor=boss,
        agency=upper,
        title="Tổng hợp",
        period_start=START,
        period_end=END,
        deadline=dt.date(2026, 12, 20),
        recipient="Bộ Công an",
        subordinate_deadline=dt.date(2026, 12, 10),
    )
    raw = [package.raw_public_key(k.public_key()) for k in private]
    timed(
        f"verify {n} signatures only",
        lambda: verify_all(files, raw),
        n,
    )
    total = time.perf_counter()
    timed(
        f"import {n} packages (all checks + save + ledger)",
        lambda: services.import_packages(
            actor=boss, report=report, files=[(f"p{i}.bmnnbc", f) for i, f in enumerate(files)]
        ),
        n,
    )
    assert ReceivedPackage.objects.count() == n
    view = timed("consolidated view (totals, who is late, charts)", lambda: consolidation(report, END), n)
    took = time.perf_counter() - total
    print(f"{'TOTAL import + consolidation':<50} {took:7.2f} s   (goal ≤ 10 s)")
    assert view.totals["units"] == n + 1, view.totals["units"]
    print(f"level totals {view.level_totals}, reported {view.counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
