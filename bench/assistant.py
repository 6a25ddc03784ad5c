"""p95 latency of ``bmnn.assistant.suggest`` per document against 2,000 catalog items.

Run: ``python bench/assistant.py [--items 2000] [--docs 200]``. The starter catalog is padded with
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


def synthetic(count: int, rng: random.Random) -> list[CatalogEntry]:
    out = []
    for n in range(count):
        text = f"{rng.choice(GENRES)} về {rng.choice(TOPICS)}, {rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}"
        out.append(CatalogEntry(f"syn-{n}", f"{900 + n // 40}/QĐ-TTg", rng.choice(LEVELS), str(n % 3 + 1),
                                str(n % 9 + 1), "", text.strip()))  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--docs", type=int, default=200)
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
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"{label}: n={len(timings)} median {statistics.median(timings):.1f} ms  p95 {p95:.1f} ms  "
              f"max {timings[-1]:.1f} ms")  # fmt: skip
    for doc in docs[-3:]:
        started = time.perf_counter()
        suggest(index, doc)
        print(f"long document {len(doc.split())} words: {(time.perf_counter() - started) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
