"""``bmnn hostcheck [--root DIR | --windows-image DIR] [--policy FILE] [--json] [--out DIR] [--now ISO]``

Exit codes: 0 every check PASS, 1 any FAIL, 3 only WARN/UNKNOWN besides PASS, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from . import timeutil
from .api import run_check
from .bienban import STATUS_VI, render_html
from .policy import PolicyError, load_policy
from .report import dumps

EXIT = {"PASS": 0, "FAIL": 1, "WARN": 3, "UNKNOWN": 3}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bmnn hostcheck", description="Kiểm tra máy tính soạn thảo BMNN (chỉ đọc)."
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--root", type=Path, help="thư mục gốc của hệ thống Linux đã gắn (mặc định: máy đang chạy)"
    )
    target.add_argument(
        "--windows-image", type=Path, help="ổ đĩa/thư mục chứa hive, nhật ký, hồ sơ người dùng Windows"
    )
    parser.add_argument(
        "--policy", type=Path, help="tệp chính sách JSON (mặc định: chế độ 2018, nghiêm ngặt)"
    )
    parser.add_argument("--json", action="store_true", help="in báo cáo JSON ra stdout")
    parser.add_argument("--out", type=Path, help="thư mục ghi báo cáo JSON, mã băm và biên bản HTML")
    parser.add_argument(
        "--now", help="thời điểm kiểm tra ISO 8601 (mặc định: bây giờ nếu kiểm tra máy đang chạy)"
    )
    return parser


def _now(args: argparse.Namespace) -> datetime | None:
    if args.now:
        parsed = timeutil.parse_iso(args.now, UTC)
        if parsed is None:
            raise ValueError(f"--now không hợp lệ: {args.now}")
        return parsed
    # An offline image is judged against its own latest timestamp, so the report is reproducible.
    return (
        datetime.now(UTC).replace(microsecond=0) if args.root is None and args.windows_image is None else None
    )


def _validate(args: argparse.Namespace) -> str:
    for path in (args.root, args.windows_image):
        if path is not None and not path.is_dir():
            return f"Không tìm thấy thư mục {path}"
    if args.policy is not None and not args.policy.is_file():
        return f"Không tìm thấy tệp chính sách {args.policy}"
    return ""


def _write(out: Path, report: dict[str, object]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "hostcheck-report.json").write_text(dumps(report), encoding="utf-8")
    (out / "hostcheck-report.json.sha256").write_text(
        f"{report['report_sha256']}  report_sha256\n", encoding="utf-8"
    )
    (out / "bien-ban-kiem-tra-may-tinh.html").write_text(render_html(report), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    problem = _validate(args)
    try:
        policy = load_policy(args.policy) if not problem else None
        now = _now(args)
    except (PolicyError, ValueError) as exc:
        problem = str(exc)
    if problem or policy is None:
        print(problem, file=sys.stderr)
        return 2
    result = run_check(policy=policy, root=args.root, windows_image=args.windows_image, now=now)
    if args.out:
        _write(args.out, result.report)
    if args.json:
        sys.stdout.write(dumps(result.report))
    else:
        for verdict in result.verdicts:
            print(f"[{STATUS_VI[verdict.status.value]:>15}] {verdict.title_vi}: {verdict.message_vi}")
        print(
            f"Kết quả chung: {STATUS_VI[result.report['overall']]} — SHA-256 {result.report['report_sha256']}"
        )
    return EXIT[str(result.report["overall"])]
