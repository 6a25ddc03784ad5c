"""List / search / due-queue page times over 100,000 secret items, for a cleared and an uncleared user.

Usage: python bench/classification.py [--items 100000] [--runs 30] [--sqlite]
Setup is a bulk insert into a throw-away data folder (no services, no ledger: we time reads only);
every page is then requested through Django's test client, as a logged-in user, and timed end to end
(middleware, clearance filter, query, template). Prints median and p95 per page and user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from typing import Any

# BENCH_DATA_DIR reuses a folder from an earlier run (the 100k insert takes a while); default: fresh.
os.environ["BMNN_DATA_DIR"] = os.environ.get("BENCH_DATA_DIR") or tempfile.mkdtemp(prefix="bmnn-bench-")
os.environ.pop("DATABASE_URL", None) if "--sqlite" in sys.argv else None
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from bmnn.audit import ledger  # noqa: E402
from bmnn.catalog.models import Catalog, CatalogItem  # noqa: E402
from bmnn.lib import clock  # noqa: E402
from bmnn.lib.testing import make_agency, make_unit, make_user  # noqa: E402
from bmnn.lib.vntext import fold  # noqa: E402
from bmnn.registry.models import ItemBasis, SecretItem  # noqa: E402
from bmnn.registry.rules import add_years  # noqa: E402

LEVELS = [("confidential", 10, 0.55), ("secret", 20, 0.33), ("top_secret", 30, 0.12)]
LABELS = ("cleared (Lãnh đạo, Tuyệt mật)", "uncleared (Chuyên viên, Mật, 1 phòng)")
TYPES = ["Báo cáo", "Đề án", "Kế hoạch", "Tờ trình", "Công văn", "Phương án"]
TOPICS = [
    "tình hình an ninh",
    "nhân sự",
    "sáp nhập đơn vị",
    "ngân sách",
    "biên giới",
    "lao động",
    "tuyển dụng",
]


def setup(n: int, rng: random.Random) -> dict[str, Any]:
    call_command("migrate", verbosity=0)
    if SecretItem.objects.exists():
        from bmnn.accounts.models import User

        print(f"setup: reusing {SecretItem.objects.count():,} items in {os.environ['BMNN_DATA_DIR']}")
        return {
            LABELS[0]: User.objects.get(username="bench.head"),
            LABELS[1]: User.objects.get(username="bench.staff"),
        }
    ledger.create_ledger_key()
    agency = make_agency("Sở Thử hiệu năng")
    units = [make_unit(agency, f"U{i}", f"Phòng {i}") for i in range(10)]
    head = make_user(agency, "bench.head", role="head", clearance="top_secret")
    staff = make_user(agency, "bench.staff", role="staff", clearance="confidential", unit=units[0])
    catalog = Catalog.objects.create(
        decision="2500/QĐ-TTg", signed_on=dt.date(2025, 11, 17), source="starter"
    )
    basis = {
        lv: CatalogItem.objects.create(
            catalog=catalog, level=lv, article=str(i + 1), clause="1", point="a", text=f"Tài liệu mẫu độ {lv}"
        )
        for i, (lv, _, _) in enumerate(LEVELS)
    }
    today = clock.today()
    started = time.perf_counter()
    for offset in range(0, n, 5000):
        batch = [_item(agency, units, head, today, rng, offset + i) for i in range(min(5000, n - offset))]
        with transaction.atomic():
            made = SecretItem.objects.bulk_create(batch)
            ItemBasis.objects.bulk_create([ItemBasis(item=i, catalog_item=basis[i.level]) for i in made])
        print(f"  inserted {offset + len(batch):,}", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as a running installation would have
    print(f"setup: {n:,} items in {time.perf_counter() - started:.1f} s ({connection.vendor})")
    print(f"data folder: {os.environ['BMNN_DATA_DIR']}", file=sys.stderr)
    return {LABELS[0]: head, LABELS[1]: staff}


def _item(agency: Any, units: list[Any], head: Any, today: dt.date, rng: random.Random, i: int) -> SecretItem:
    level, years, _ = rng.choices(LEVELS, weights=[w for *_, w in LEVELS])[0]
    classified_on = today - dt.timedelta(days=rng.randrange(0, 365 * years))
    ends = add_years(classified_on, years)
    doc_type, topic = rng.choice(TYPES), rng.choice(TOPICS)
    summary = "" if level == "top_secret" else f"{doc_type} về {topic} số {i}"
    status = "proposed" if rng.random() < 0.002 else "classified"
    return SecretItem(
        agency=agency,
        kind="paper_document",
        document_type=doc_type,
        number=f"{i}/{doc_type[:2].upper()}-BENCH",
        date=classified_on,
        drafting_unit=rng.choice(units),
        drafter=head,
        summary=summary,
        initial_level=level,
        level=level,
        regime="2025" if classified_on >= dt.date(2026, 3, 1) else "2018",
        classified_on=classified_on,
        protection_ends_on=ends,
        status=status,
        custodian=head,
        proposed_by=head,
        search_text=fold(f"{doc_type} {i}/BENCH {summary}"),
        copies=1,
    )


def timed(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    client.get(url)  # warm-up (template compilation, first query plan)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    users = setup(args.items, random.Random(3))
    pages = [
        ("list", "/items/"),
        ("list page 100", "/items/?page=100"),
        ("list Tối mật filter", "/items/?level=secret"),
        ("search 'sap nhap'", "/items/?q=sap+nhap"),
        ("search number", "/items/?q=4242/BA"),
        ("due queue 90 days", "/items/due/"),
    ]
    print(f"{'page':24} {'user':40} {'median ms':>10} {'p95 ms':>8} {'bytes':>9}")
    for label, user in users.items():
        client = Client()
        client.force_login(user)
        for name, url in pages:
            median, p95, size = timed(client, url, args.runs)
            print(f"{name:24} {label:40} {median:10.1f} {p95:8.1f} {size:9,}")


if __name__ == "__main__":
    main()
