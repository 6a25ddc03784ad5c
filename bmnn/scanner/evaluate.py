"""Evaluate the scanner on a labelled corpus: precision, recall and F2 per rule, per format, per verdict.

``python -m bmnn.scanner.evaluate CORPUS_DIR [--jobs N] [--show-errors]``. F2 weighs recall twice as
much as precision: a missed stamp is a leak, a false alarm costs a person a minute.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bmnn.scanner.engine import ScanOptions, scan_paths
from bmnn.scanner.model import FileResult, Verdict

FLAGGED = {str(Verdict.SECRET), str(Verdict.SUSPECT), str(Verdict.CANNOT_VERIFY)}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: bool, got: bool) -> None:
        self.tp += expected and got
        self.fp += got and not expected
        self.fn += expected and not got

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall
        return 5 * p * r / (4 * p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return f"{name:28} {self.tp:5} {self.fp:4} {self.fn:4}  {self.precision:7.3f} {self.recall:7.3f} {self.f2:7.3f}"


def _rules_found(result: FileResult) -> set[str]:
    return {f.rule_id for f in result.findings if not f.allowed}


def evaluate(corpus: Path, jobs: int = 1, options: ScanOptions | None = None) -> dict[str, object]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["files"]
    report = scan_paths([corpus / c["path"] for c in manifest], options, jobs=jobs)
    per_rule: dict[str, Counts] = defaultdict(Counts)
    per_format: dict[str, Counts] = defaultdict(Counts)
    per_verdict: dict[str, Counts] = defaultdict(Counts)
    errors = []
    hard = Counts()
    for case, result in zip(manifest, report.files, strict=True):
        found = _rules_found(result)
        for rule in set(case["rules"]) | found:
            per_rule[rule].add(rule in case["rules"], rule in found)
        per_format[case["format"]].add(case["verdict"] in FLAGGED, str(result.verdict) in FLAGGED)
        for verdict in Verdict:
            per_verdict[str(verdict)].add(case["verdict"] == verdict, result.verdict == verdict)
        if case["category"] == "hard_negative":
            hard.add(False, str(result.verdict) in FLAGGED)
        level_ok = (
            case["verdict"] != "secret" or case["level"] is None or case["level"] == (result.level or None)
        )
        if str(result.verdict) != case["verdict"] or not level_ok:
            errors.append((case, result))
    return {"rule": per_rule, "format": per_format, "verdict": per_verdict, "errors": errors, "hard": hard,
            "total": len(manifest)}  # fmt: skip


def print_tables(res: dict[str, object], show_errors: bool = False) -> None:
    header = f"{'':28} {'TP':>5} {'FP':>4} {'FN':>4}  {'prec':>7} {'recall':>7} {'F2':>7}"
    for title in ("rule", "format", "verdict"):
        print(f"\n== theo {title} ==\n{header}")
        table: dict[str, Counts] = res[title]  # type: ignore[assignment]
        for name in sorted(table):
            print(table[name].row(name))
    errors: list[tuple[dict[str, object], FileResult]] = res["errors"]  # type: ignore[assignment]
    hard: Counts = res["hard"]  # type: ignore[assignment]
    flagged = hard.fp / max(1, hard.fp + (hard.tp + hard.fn) or 1)
    print(f"\nTệp: {res['total']}; sai kết luận/độ mật: {len(errors)}; tệp “khó” bị gắn cờ: {hard.fp}")
    del flagged
    if show_errors:
        for case, result in errors:
            print(
                f"  {case['path']}: mong đợi {case['verdict']}/{case['level']}, được {result.verdict}/{result.level}"
            )
            for f in result.findings:
                print(f"      {f.rule_id} {f.confidence:.2f} {f.effect} {f.snippet[:60]!r}")
            for p in result.problems:
                print(f"      ! {p.code} {p.message}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bmnn.scanner.evaluate")
    p.add_argument("corpus", type=Path)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--show-errors", action="store_true")
    args = p.parse_args(argv)
    print_tables(evaluate(args.corpus, args.jobs), args.show_errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
