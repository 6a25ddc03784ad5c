"""``bmnn scan PATH... [--json] [--jobs N] [--fail-on ...] [--known-numbers FILE] [--allow-list FILE]``.

Exit codes for scripts: 0 nothing to stop, 1 something matched ``--fail-on`` (by default: SECRET or
CANNOT_VERIFY — an unreadable file must not pass silently), 2 usage error or a path that does not exist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bmnn.scanner.engine import ScanOptions, scan_paths
from bmnn.scanner.extract import Limits
from bmnn.scanner.knownnumbers import KnownNumbers, build_known_numbers, parse_plain_list
from bmnn.scanner.model import LEVEL_LABELS, LOC_SEP, VERDICT_LABELS, FileResult, ScanReport, Verdict

FAIL_ON = {
    "secret": {Verdict.SECRET},
    "suspect": {Verdict.SECRET, Verdict.SUSPECT},
    "cannot-verify": {Verdict.CANNOT_VERIFY},
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bmnn scan", description="Rà soát tệp trước khi phát hành: tìm dấu độ mật."
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="tệp hoặc thư mục (quét đệ quy, mở tệp nén)")
    p.add_argument("--json", action="store_true", help="in kết quả JSON ra stdout")
    p.add_argument("--jobs", type=int, default=1, help="số tiến trình quét song song")
    p.add_argument(
        "--fail-on",
        action="append",
        choices=sorted(FAIL_ON),
        help="mã thoát 1 khi có kết quả loại này (mặc định: secret và cannot-verify)",
    )
    p.add_argument("--known-numbers", type=Path, help="tệp danh sách số văn bản mật đã băm")
    p.add_argument(
        "--catalog",
        nargs="?",
        const="",
        metavar="CATALOG.json",
        help="so nội dung với Danh mục BMNN (tệp JSON như danh mục mẫu; bỏ trống: danh mục mẫu)",
    )
    p.add_argument("--allow-list", type=Path, help="tệp các dấu vân tay phát hiện đã xem xét, mỗi dòng một")
    p.add_argument("--redact", action="store_true", help="không in đoạn trích nội dung")
    p.add_argument("--no-ocr", action="store_true", help="không dùng OCR kể cả khi có tesseract")
    p.add_argument("--timeout", type=float, default=60.0, help="giây tối đa cho mỗi tệp")
    p.add_argument("--max-size-mb", type=int, default=200, help="dung lượng tối đa mỗi tệp (MB)")
    p.add_argument("--html", type=Path, help="ghi báo cáo HTML vào tệp này")
    p.add_argument("--pdf", type=Path, help="ghi báo cáo PDF vào tệp này")
    p.add_argument("--gateway", type=Path, metavar="OUTBOX", help="chế độ cổng: xử lý thư mục gửi đi")
    p.add_argument("--watch", action="store_true", help="với --gateway: lặp lại liên tục")
    p.add_argument("--interval", type=float, default=5.0, help="với --watch: giây giữa hai lần quét")
    p.add_argument(
        "--make-known-numbers", nargs=2, metavar=("INPUT", "OUTPUT"), help="tạo tệp số văn bản đã băm"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    if args.make_known_numbers:
        return _make_known_numbers(*args.make_known_numbers)
    try:
        options = _options(args)
    except (OSError, ValueError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    if args.gateway:
        from bmnn.scanner.gateway import run_gateway

        return run_gateway(args.gateway, options, watch=args.watch, interval=args.interval, jobs=args.jobs)
    if not args.paths:
        parser.print_usage(sys.stderr)
        return 2
    report = scan_paths(args.paths, options, jobs=max(1, args.jobs), progress=_progress_bar())
    _output(report, args)
    if report.errors:
        return 2
    fail = set().union(*(FAIL_ON[k] for k in (args.fail_on or ["secret", "cannot-verify"])))
    return 1 if any(f.verdict in fail for f in report.files) else 0


def _options(args: argparse.Namespace) -> ScanOptions:
    known = KnownNumbers.load(args.known_numbers) if args.known_numbers else None
    allow: frozenset[str] = frozenset()
    if args.allow_list:
        lines = args.allow_list.read_text(encoding="utf-8").splitlines()
        allow = frozenset(ln.split()[0] for ln in lines if ln.strip() and not ln.startswith("#"))
    limits = Limits(timeout_s=args.timeout, max_file_bytes=args.max_size_mb * 1024 * 1024)
    catalog = None
    if args.catalog is not None:
        from bmnn.scanner.catalog import load_matcher

        catalog = load_matcher(args.catalog or None)
    return ScanOptions(
        limits=limits,
        ocr=not args.no_ocr,
        known_numbers=known,
        catalog=catalog,
        redact=args.redact,
        allow_list=allow,
    )


def _make_known_numbers(src: str, dst: str) -> int:
    try:
        entries = parse_plain_list(Path(src).read_text(encoding="utf-8"))
        Path(dst).write_text(build_known_numbers(entries), encoding="utf-8")
    except (OSError, ValueError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    print(f"Đã ghi {len(entries)} số văn bản (đã băm) vào {dst}", file=sys.stderr)
    return 0


def _progress_bar():  # type: ignore[no-untyped-def]
    def show(done: int, total: int, result: FileResult) -> None:
        if total < 2:
            return
        width = 30
        filled = width * done // total
        bar = "█" * filled + "·" * (width - filled)
        end = "\n" if done == total else ""
        print(f"\r[{bar}] {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def _output(report: ScanReport, args: argparse.Namespace) -> None:
    if args.html:
        from bmnn.scanner.htmlreport import write_html

        write_html(report, args.html)
    if args.pdf:
        from bmnn.scanner.pdfreport import render_pdf

        args.pdf.write_bytes(render_pdf(report))
    if args.json:
        sys.stdout.write(report.to_json() + "\n")
        return
    for result in report.files:
        print(format_result(result))
    summary = report.summary()["by_verdict"]
    print("Tổng: " + ", ".join(f"{VERDICT_LABELS[Verdict(k)]}: {v}" for k, v in summary.items() if v))
    for error in report.errors:
        print(error, file=sys.stderr)


def format_result(result: FileResult) -> str:
    level = f" ({LEVEL_LABELS[result.level]})" if result.level else ""
    lines = [f"{result.verdict.upper():14} {result.path}{level}"]
    for f in result.findings:
        mark = " [đã duyệt]" if f.allowed else ""
        lines.append(
            f"    - {f.message} [{f.rule_id} {f.confidence:.2f}] {LOC_SEP.join(f.loc)}: {f.snippet}{mark}"
        )
        lines.append(f"      dấu vân tay: {f.fingerprint}")
    for p in result.problems:
        lines.append(f"    ! {p.message} — {LOC_SEP.join(p.loc)}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
