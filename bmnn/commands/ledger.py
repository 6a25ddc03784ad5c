"""bmnn ledger verify · bmnn ledger head"""

from __future__ import annotations

import argparse
import sys

from bmnn.cli import CliError, err, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("ledger", help="Sổ nhật ký: kiểm tra toàn vẹn, in đầu chuỗi")
    lsub = p.add_subparsers(dest="ledger_command", required=True, metavar="ACTION")
    v = lsub.add_parser("verify", help="Kiểm tra toàn bộ chuỗi (mã thoát 0: toàn vẹn, 1: sai lệch)")
    v.add_argument("--expect-head", metavar="SEQ:HASH", help="Đầu chuỗi đã in/xuất trước đó")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=cmd_verify)
    h = lsub.add_parser("head", help="In đầu chuỗi SEQ:HASH")
    h.set_defaults(handler=cmd_head)


def cmd_verify(args: argparse.Namespace) -> int:
    from bmnn.audit import ledger
    from bmnn.audit.models import LedgerEntry

    total = LedgerEntry.objects.count()

    def progress(done: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\rĐang kiểm tra {done:,}/{total:,} bản ghi ({100 * done // max(total, 1)}%)")
            sys.stderr.flush()

    try:
        result = ledger.verify(expect_head=args.expect_head, progress=progress)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    except ledger.LedgerKeyError as exc:
        raise CliError(str(exc)) from exc
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if args.json:
        print_json(result.as_dict())
    elif result.ok:
        print(f"Toàn vẹn: {result.count} bản ghi. Đầu chuỗi: {result.head}")
    else:
        print(f"PHÁT HIỆN SAI LỆCH trong {result.count} bản ghi đã đọc:")
        for p in result.problems:
            print(f"  #{p.seq} [{p.code}] {p.message}")
    return 0 if result.ok else 1


def cmd_head(args: argparse.Namespace) -> int:
    from bmnn.audit import ledger

    head = ledger.head()
    if head is None:
        err("Sổ nhật ký chưa có bản ghi.")
        return 1
    print(head)
    return 0
