"""p95 latency of ``bmnn.assistant.suggest`` per document against 2,000 catalog items.

Run: ``python bench/assistant.py [--items 2000] [--docs 200] [--django]``. With ``--django`` the same
documents are also posted to the proposal form's "Gợi ý căn cứ" endpoint (``/items/new/suggest/``) of a
throw-away installation holding the 2,000 items, timing the whole request as the drafter meets it. The starter catalog is padded with
synthetic items made by recombining genres, topics and status qualifiers (realistic shape, not real
law); documents are the evaluation snippets plus long documents (the sample plans, when present).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from bmnn.assistant.entries import CatalogEntry, load_catalog
from bmnn.assistant.evaluate import load_set
from bmnn.assistant.index import build_index
from bmnn.assistant.suggest import suggest

GENRES = [
    "Đề án",
    "Phương án",
    "Kế hoạch",
    "Báo cáo",
    "Tờ trình",
    "Văn bản chỉ đạo",
    "Chương trình",
    "Chiến lược",
]
TOPICS = [
    "bảo đảm an ninh cảng hàng không",
    "dự trữ quốc gia xăng dầu",
    "quy hoạch mạng lưới trạm radar",
    "phân giới cắm mốc biên giới",
    "đàm phán hiệp định thương mại",
    "điều chỉnh giá điện",
    "phát hành trái phiếu",
    "sắp xếp đơn vị hành chính cấp tỉnh",
    "tuyển sinh quân sự",
    "bảo vệ đê điều mùa lũ",
    "ứng phó sự cố hạt nhân",
    "cơ yếu và mật mã dân sự",
    "tổ chức bầu cử đại biểu",
    "thanh tra doanh nghiệp nhà nước",
    "khai thác khoáng sản chiến lược",
    "cứu hộ cứu nạn trên biển",
    "an ninh mạng hệ thống thông tin quan trọng",
    "dự toán ngân sách quốc phòng",
]
QUALIFIERS = [
    "chưa công khai",
    "khi chưa được Quốc hội thông qua",
    "chưa được cơ quan có thẩm quyền công bố",
    "",
]
LEVELS = ["top_secret", "secret", "confidential"]
GOAL_MS = 200  # issue #10: p95 per document against 2,000 catalog items


def synthetic(count: int, rng: random.Random) -> list[CatalogEntry]:
    out = []
    for n in range(count):
        text = f"{rng.choice(GENRES)} về {rng.choice(TOPICS)}, {rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}"
        out.append(CatalogEntry(f"syn-{n}", f"{900 + n // 40}/QĐ-TTg", rng.choice(LEVELS), str(n % 3 + 1),
                                str(n % 9 + 1), "", text.strip()))  # fmt: skip
    return out


def report(label: str, timings: list[float]) -> None:
    timings = sorted(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    verdict = "OK" if p95 <= GOAL_MS else "OVER"
    print(f"{label}: n={len(timings)} median {statistics.median(timings):.1f} ms  p95 {p95:.1f} ms  "
          f"max {timings[-1]:.1f} ms  (goal p95 ≤ {GOAL_MS} ms: {verdict})")  # fmt: skip


def through_the_form(entries: list[CatalogEntry], docs: list[str]) -> None:
    """Every document posted to the proposal form's suggestion partial, as a logged-in drafter."""
    import datetime as dt
    import os
    import tempfile

    os.environ["BMNN_DATA_DIR"] = tempfile.mkdtemp(prefix="bmnn-bench-assistant-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bmnn.audit import ledger
    from bmnn.catalog.models import Catalog, CatalogItem
    from bmnn.lib.testing import make_agency, make_unit, make_user

    call_command("migrate", verbosity=0)
    ledger.create_ledger_key()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    agency = make_agency("Sở Thử gợi ý")
    drafter = make_user(agency, "bench.drafter", role="staff", clearance="secret", unit=make_unit(agency))
    catalogs: dict[str, Catalog] = {}
    rows: list[CatalogItem] = []
    for e in entries:
        catalog = catalogs.get(e.decision) or Catalog.objects.create(
            decision=e.decision, signed_on=dt.date(2025, 1, 1), source="starter"
        )
        catalogs[e.decision] = catalog
        rows.append(CatalogItem(catalog=catalog, level=e.level, article=e.article, clause=e.clause,
                                point=e.point or f"x{len(rows)}", text=e.text, context=e.context))  # fmt: skip
    for row in rows:
        row.search_text = row.text
    CatalogItem.objects.bulk_create(rows, ignore_conflicts=True)
    client = Client()
    client.force_login(drafter)
    started = time.perf_counter()
    client.post("/items/new/suggest/", {"draft_text": docs[0]})
    print(f"form: {CatalogItem.objects.count()} items in the DB; first request (builds the index) "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")  # fmt: skip
    timings = []
    for doc in docs:
        started = time.perf_counter()
        response = client.post("/items/new/suggest/", {"draft_text": doc, "classified_on": "02/04/2026"})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    report("through the form (/items/new/suggest/)", timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--django", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    entries = load_catalog()
    entries += synthetic(args.items - len(entries), rng)
    started = time.perf_counter()
    index = build_index(entries)
    print(f"index: {len(entries)} items built in {(time.perf_counter() - started) * 1000:.0f} ms")
    docs = [str(r["text"]) for r in load_set()][: args.docs]
    plans = Path(__file__).resolve().parents[2] / "shared" / "samples" / "plans"  # shared/ beside the repo
    docs += [p.read_text(encoding="utf-8") for p in sorted(plans.glob("*.txt"))] if plans.exists() else []
    for label, batch in (("snippets", docs[:-3] if plans.exists() else docs), ("all incl. long plans", docs)):
        timings = []
        for doc in batch:
            started = time.perf_counter()
            suggest(index, doc)
            timings.append((time.perf_counter() - started) * 1000)
        report(label, timings)
    for doc in docs[-3:]:
        started = time.perf_counter()
        suggest(index, doc)
        print(f"long document {len(doc.split())} words: {(time.perf_counter() - started) * 1000:.1f} ms")
    if args.django:
        through_the_form(entries, docs)


if __name__ == "__main__":
    main()
