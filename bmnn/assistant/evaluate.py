"""Evaluate the suggester on the hand-written set in ``eval/*.jsonl``.

Run: ``python -m bmnn.assistant.evaluate [--catalog FILE] [--json] [--show-errors]``.
Metrics: top-1 / top-3 accuracy and MRR over snippets that should match; no-match precision (of the
answers "no match", how many were right) and recall (of the snippets that should not match, how many
got "no match"); a confidence reliability table.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bmnn.assistant.entries import load_catalog
from bmnn.assistant.index import Index, build_index
from bmnn.assistant.suggest import suggest

EVAL_DIR = Path(__file__).resolve().parent / "eval"


@dataclass(frozen=True)
class Report:
    snippets: int
    positives: int
    negatives: int
    top1: float
    top3: float
    mrr: float
    no_match_precision: float
    no_match_recall: float
    errors: tuple[str, ...]


def load_set(directory: Path = EVAL_DIR) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted(directory.glob("*.jsonl")):
        rows.extend(
            json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    return rows


def evaluate(index: Index, rows: Sequence[dict[str, object]]) -> Report:
    ranks: list[int | None] = []
    no_match_right = no_match_total = negatives_hit = negatives = 0
    errors: list[str] = []
    for row in rows:
        expected = set(row["expected"])  # type: ignore[call-overload]
        result = suggest(index, str(row["text"]), top=5)
        ids = [s.entry.id for s in result.suggestions]
        if result.no_match:
            no_match_total += 1
            no_match_right += not expected
        if expected:
            rank = next((i for i, x in enumerate(ids, 1) if x in expected), None)
            ranks.append(rank)
            if rank != 1:
                errors.append(f"{row['id']}: expected {sorted(expected)} got {ids[:3]}")
        else:
            negatives += 1
            negatives_hit += result.no_match
            if not result.no_match:
                errors.append(f"{row['id']}: expected no match got {ids[:3]}")
    return Report(
        snippets=len(rows),
        positives=len(ranks),
        negatives=negatives,
        top1=_share(sum(r == 1 for r in ranks), len(ranks)),
        top3=_share(sum(r is not None and r <= 3 for r in ranks), len(ranks)),
        mrr=round(sum(1 / r for r in ranks if r) / max(len(ranks), 1), 4),
        no_match_precision=_share(no_match_right, no_match_total),
        no_match_recall=_share(negatives_hit, negatives),
        errors=tuple(errors),
    )


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bmnn-assistant-eval", description="Đánh giá bộ gợi ý căn cứ.")
    parser.add_argument("--catalog", help="danh mục JSON (mặc định: danh mục khởi tạo)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(build_index(load_catalog(args.catalog)), load_set())
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=1))
        return 0
    print(f"snippets {report.snippets} (should match {report.positives}, should not {report.negatives})")
    print(f"top-1 accuracy   {report.top1:.1%}")
    print(f"top-3 accuracy   {report.top3:.1%}")
    print(f"MRR              {report.mrr:.3f}")
    print(f"no-match precision {report.no_match_precision:.1%}  recall {report.no_match_recall:.1%}")
    if args.show_errors:
        print("\n".join(report.errors), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
