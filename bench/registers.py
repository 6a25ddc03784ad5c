"""Registers at scale: N register rows (half sổ đi, half sổ đến), then measure
  - registering one outgoing entry through the service (median, incl. numbering, search row, ledger),
  - search p95 (server time, accent-insensitive words, numbers, bodies, levels, date ranges),
  - opening a register page p95 (the paper-like book page through the full Django stack).

Goal (issue #4): with 1,000,000 entries, register ≤ 10 ms median, search p95 ≤ 50 ms.
Usage: python bench/registers.py [N] [--sqlite] [--encrypt] [--reuse=DATA_DIR]
  default N = 1,000,000; SQLite in a throw-away data folder, or PostgreSQL when DATABASE_URL is set
  (a fresh database is created next to it and dropped afterwards). Progress goes to stderr.
  --reuse=DATA_DIR measures again on the SQLite data folder of an earlier run (its path is printed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
REUSE = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--reuse=")), "")
os.environ["BMNN_DATA_DIR"] = REUSE or tempfile.mkdtemp(prefix="bmnn-bench-registers-")
if "--sqlite" in sys.argv or "--encrypt" in sys.argv:
    os.environ.pop("DATABASE_URL", None)
if "--encrypt" in sys.argv and not REUSE:  # issue #11: the same bench on an encrypted database
    from bmnn.lib import dbkey

    folder = Path(os.environ["BMNN_DATA_DIR"])
    dbkey.set_session_key(dbkey.create(folder, "cụm mật khẩu đo hiệu năng").data_key)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

BODIES = [
    "Bộ Nội vụ",
    "Bộ Xây dựng",
    "Bộ Công an",
    "Ủy ban nhân dân tỉnh Mẫu",
    "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư",
    "Công an tỉnh",
    "Văn phòng Chính phủ",
    "Tỉnh ủy",
    "Bộ Quốc phòng",
]
TYPES = ["Công văn", "Kế hoạch", "Báo cáo", "Đề án", "Phương án", "Quyết định", "Tờ trình"]
WORDS = [
    "sáp nhập",
    "đơn vị",
    "sự nghiệp",
    "đào tạo",
    "cán bộ",
    "quy hoạch",
    "đô thị",
    "đầu tư",
    "ngân sách",
    "nhân sự",
    "kiểm tra",
    "bảo vệ",
    "bí mật",
    "tổ chức",
    "biên chế",
    "phòng chống",
    "thiên tai",
    "an ninh",
]
ABBR = ["CV-BNV", "KH-BXD", "BC-CA", "ĐA-UBND", "PA-STC", "QĐ-SKH", "TTr-VP"]


@contextlib.contextmanager
def database() -> Iterator[None]:
    from tests.helpers import fresh_database_url

    if not os.environ.get("DATABASE_URL"):
        yield
        return
    with fresh_database_url() as url:
        assert url
        os.environ["DATABASE_URL"] = url
        yield


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def setup(n: int) -> Any:
    from django.core.management import call_command

    from bmnn.accounts.demo import load_demo
    from bmnn.accounts.models import User
    from bmnn.audit import ledger

    call_command("migrate", verbosity=0)
    ledger.create_ledger_key()
    load_demo()
    return User.objects.get(username="demo.clerk")


def _row_common(rnd: random.Random, i: int, year: int, start: dt.date, days: int) -> dict[str, Any]:
    level = rnd.choices(["confidential", "secret", "top_secret"], weights=[60, 35, 5])[0]
    summary = "" if level == "top_secret" else " ".join(rnd.sample(WORDS, 4)).capitalize()
    return {
        "level": level,
        "number": f"{rnd.randint(1, 9999)}/{rnd.choice(ABBR)}",
        "summary": summary,
        "document_type": rnd.choice(TYPES),
        "doc_date": start + dt.timedelta(days=i * days // 1_000_000 % days),
    }


def fill(clerk: Any, n: int, year: int, last_day: dt.date) -> dict[str, Any]:
    """Bulk-insert n rows straight into the tables (the setup, not the thing measured)."""
    from django.db import connection, transaction

    from bmnn.lib import clock
    from bmnn.lib.vntext import fold
    from bmnn.registers import searchsql, services
    from bmnn.registers.indexing import tokens_of
    from bmnn.registers.models import IncomingEntry, OutgoingEntry, RegisterCounter, SearchRow

    rnd = random.Random(4)
    books = {
        k: services.open_book(actor=clerk, kind=k, year=year, opened_on=dt.date(year, 1, 1))
        for k in ("outgoing", "incoming")
    }
    start, days = dt.date(year, 1, 1), (last_day - dt.date(year, 1, 1)).days
    vendor = connection.vendor
    if vendor == "sqlite":  # index the FTS table once at the end instead of row by row
        connection.cursor().execute(f"DROP TRIGGER IF EXISTS {searchsql.TABLE}_fts_ai")
    now, batch, per_kind = clock.now(), 10_000, n // 2
    for kind, model in (("outgoing", OutgoingEntry), ("incoming", IncomingEntry)):
        for lo in range(0, per_kind, batch):
            entries, rows = [], []
            for seq in range(lo + 1, min(lo + batch, per_kind) + 1):
                c = _row_common(rnd, seq * 1_000_000 // per_kind, year, start, days)
                extra: dict[str, Any] = (
                    {"signer": "Trần Minh Đức", "storage_unit": "Văn phòng", "quantity": 2}
                    if kind == "outgoing"
                    else {"arrival_date": c["doc_date"], "issuing_body": rnd.choice(BODIES)}
                )
                if kind == "incoming":
                    extra["issuing_body_key"] = fold(extra["issuing_body"])
                entries.append(
                    model(
                        agency_id=clerk.agency_id,
                        book=books[kind],
                        year=year,
                        seq=seq,
                        registered_by=clerk,
                        registered_at=now,
                        regime="2025",
                        **c,
                        **extra,
                    )
                )
            with transaction.atomic():
                made = model.objects.bulk_create(entries)
                if vendor == "sqlite" or made[0].pk is None:
                    made = list(
                        model.objects.filter(book=books[kind], seq__gt=lo, seq__lte=lo + batch).order_by(
                            "seq"
                        )
                    )
                for e in made:
                    body = getattr(e, "issuing_body", "")
                    summary = "" if e.level == "top_secret" else e.summary
                    rows.append(
                        SearchRow(
                            kind=kind,
                            entry_id=e.pk,
                            agency_id=e.agency_id,
                            level=e.level,
                            year=year,
                            seq=e.seq,
                            on_date=e.doc_date,
                            number=fold(e.number),
                            body=fold(body),
                            status="registered",
                            title=f"{kind} {e.seq}/{year} · {e.document_type} {e.number}",
                            tokens=tokens_of(e.number, e.document_type, summary, body),
                        )
                    )
                SearchRow.objects.bulk_create(rows)
            if lo % 100_000 == 0:
                progress(f"  {kind}: {lo + len(entries):,} rows")
        RegisterCounter.objects.update_or_create(
            agency_id=clerk.agency_id, kind=kind, year=year, defaults={"last_seq": per_kind}
        )
    if vendor == "sqlite":
        progress("  building the FTS5 index …")
        with connection.cursor() as cur:
            cur.execute(f"INSERT INTO {searchsql.FTS}({searchsql.FTS}) VALUES ('rebuild')")  # noqa: S608
            for statement in searchsql.create_sql("sqlite"):
                cur.execute(statement)
            cur.execute("ANALYZE")
    else:
        connection.cursor().execute("ANALYZE")
    return books


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def p95(samples: list[float]) -> float:
    return sorted(samples)[int(len(samples) * 0.95) - 1]


def measure_register(clerk: Any, on: dt.date, runs: int) -> list[float]:
    from bmnn.registers import services
    from bmnn.registry.models import SecretItem

    item = SecretItem.objects.create(
        agency=clerk.agency,
        document_type="Công văn",
        number="1/CV-BENCH",
        initial_level="secret",
        level="secret",
        status="classified",
        regime="2025",
        custodian=clerk,
    )
    data = services.OutgoingInput(
        item_id=item.pk, date=on, recipients=["Ủy ban nhân dân tỉnh Mẫu"], quantity=2
    )
    return timed(lambda: services.register_outgoing(actor=clerk, data=data), runs)


def measure_commit(runs: int) -> list[float]:
    """The durability floor: one tiny write transaction (SQLite runs synchronous=FULL, an fsync per commit)."""
    from django.db import transaction

    from bmnn.registers.models import RegisterBook

    flip = iter(range(10**9))

    def one() -> None:
        with transaction.atomic():  # a real one-row change, so the commit has something to make durable
            RegisterBook.objects.filter(kind="incoming").update(note=f"bench {next(flip)}")

    return timed(one, runs)


def search_queries(year: int) -> list[dict[str, Any]]:
    return [
        {"q": "ke hoach sap nhap"},
        {"q": "dao tao can bo"},
        {"q": "bo noi vu"},
        {"body": "bo xay dung"},
        {"number": "123/CV"},
        {"q": "quy hoach do thi", "level": "secret"},
        {"q": "ngan sach", "kind": "incoming"},
        {"q": "phong chong thien tai", "date_from": dt.date(year, 3, 1), "date_to": dt.date(year, 4, 30)},
        {"q": "bien che"},
        {"q": "uy ban nhan dan tinh mau"},
        {"number": "77/KH-BXD"},
        {"q": "an ninh to chuc"},
        {"level": "confidential", "date_from": dt.date(year, 6, 1), "date_to": dt.date(year, 6, 30)},
        {"q": "de an"},
        {"q": "CÔNG AN TỈNH"},
        {"q": "kiem tra bao ve bi mat"},
    ]


def measure_search(clerk: Any, year: int, rounds: int) -> list[float]:
    from bmnn.registers import search

    out: list[float] = []
    for _ in range(rounds):
        for q in search_queries(year):
            out += timed(lambda q=q: search.search(clerk, search.Params(**q)), 1)
    return out


def measure_page(clerk: Any, books: dict[str, Any], per_kind: int, runs: int) -> list[float]:
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    client.force_login(clerk)
    rnd = random.Random(7)
    urls = [f"/registers/books/{books['outgoing'].pk}/", f"/registers/books/{books['incoming'].pk}/"]
    urls += [
        f"/registers/books/{books[k].pk}/?before={rnd.randint(60, per_kind)}"
        for k in ("outgoing", "incoming")
        for _ in range(8)
    ]
    urls += [f"/registers/books/{books['incoming'].pk}/?level=secret"]

    def one(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    out: list[float] = []
    for _ in range(max(1, runs // len(urls))):
        for url in urls:
            out += timed(lambda url=url: one(url), 1)
    return out


def main() -> None:
    n = int(next((a.replace("_", "") for a in sys.argv[1:] if a.replace("_", "").isdigit()), "1000000"))
    with database():
        import django

        django.setup()
        from django.db import connection

        from bmnn.lib import clock

        today = clock.today()
        t = time.perf_counter()
        if REUSE:
            from bmnn.accounts.models import User
            from bmnn.registers.models import RegisterBook, SearchRow

            clerk = User.objects.get(username="demo.clerk")
            books = {b.kind: b for b in RegisterBook.objects.filter(year=today.year, volume=1)}
            n = SearchRow.objects.count()
        else:
            clerk = setup(n)
            books = fill(clerk, n, today.year, today)
        fill_s = time.perf_counter() - t
        reg = measure_register(clerk, today, 200)
        floor = measure_commit(100)
        srch = measure_search(clerk, today.year, 10)
        page = measure_page(clerk, books, n // 2, 200)
        print(
            f"backend: {connection.vendor}; register rows: {n:,} (setup {fill_s:.0f} s); "
            f"data folder {os.environ['BMNN_DATA_DIR']}"
        )
        print(
            f"register one outgoing entry (service, incl. ledger): median {statistics.median(reg):.1f} ms, "
            f"p95 {p95(reg):.1f} ms (goal median ≤ 10 ms)"
        )
        print(f"  for scale: a one-row write transaction: median {statistics.median(floor):.1f} ms")
        print(
            f"search ({len(srch)} queries): median {statistics.median(srch):.1f} ms, p95 {p95(srch):.1f} ms "
            "(goal p95 ≤ 50 ms)"
        )
        print(
            f"register page ({len(page)} requests): median {statistics.median(page):.1f} ms, "
            f"p95 {p95(page):.1f} ms"
        )
        connection.close()


if __name__ == "__main__":
    main()
