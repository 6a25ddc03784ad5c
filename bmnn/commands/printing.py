"""bmnn print register|form|act|copy-stamps … (batch printing; each printout is ledgered)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from bmnn.cli import CliError, err, require_schema

REGISTER_KINDS = {"outgoing": "outgoing", "incoming": "incoming", "handover": "handover", "copies": "copy"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("print", help="In sổ đăng ký, biểu mẫu ra PDF hoặc DOCX (việc in được ghi sổ nhật ký)")
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    r = what.add_parser("register", help="In một sổ đăng ký của một năm")
    r.add_argument("kind", choices=sorted(REGISTER_KINDS))
    r.add_argument("--year", type=int, required=True)
    r.add_argument("--without-cancelled", action="store_true", help="Không in các dòng ĐÃ HỦY")
    _common(r)
    r.set_defaults(handler=cmd_register)
    f = what.add_parser("form", help="In một biểu mẫu về một tài liệu, vật chứa BMNN")
    f.add_argument("form_id")
    f.add_argument("--item", required=True, type=int)
    _common(f)
    f.set_defaults(handler=cmd_form)
    a = what.add_parser(
        "act", help="In văn bản của một hành vi (tiêu hủy, sao chụp, mang ra, cung cấp, thu hồi)"
    )
    a.add_argument("kind", choices=["destruction", "copy-entry", "take-out", "provision", "recall"])
    a.add_argument("act_id", type=int)
    a.add_argument("form_id", help="ví dụ doc.destruction_record, doc.copy_record, doc.take_out_permit")
    _common(a)
    a.set_defaults(handler=cmd_act)
    c = what.add_parser("copy-stamps", help="In bộ dấu của một bản sao (Bản sao số n/N, người cho phép)")
    c.add_argument("copy_id", type=int)
    _common(c)
    c.set_defaults(handler=cmd_copy_stamps)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["pdf", "docx"], required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--copies", type=int, default=1)
    p.add_argument("--as", dest="as_user", metavar="USERNAME", required=True,
                   help="Người in: mức được tiếp cận của người này được áp dụng")  # fmt: skip


def _user(username: str) -> Any:
    from bmnn.accounts.models import User

    require_schema()
    user = User.objects.filter(username=username, is_active=True).select_related("agency").first()
    if user is None:
        raise CliError(f"--as: không có người dùng đang hoạt động '{username}'.")
    return user


def _progress(done: int, total: int | None) -> None:
    if total:
        filled = int(30 * done / max(total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} dòng")
    else:
        sys.stderr.write(f"\r{done} dòng")
    sys.stderr.flush()


def _print(user: Any, printout: Any, args: argparse.Namespace) -> int:
    from bmnn.forms import services
    from bmnn.lib.rules import RuleViolation

    target = Path(args.out)
    fd, tmp = tempfile.mkstemp(dir=target.parent if target.parent.exists() else None, suffix=".part")
    os.close(fd)
    try:
        services.print_document(actor=user, document=printout.document, fmt=args.format, out=tmp,
                                copies=args.copies, subject=printout.subject)  # fmt: skip
        Path(tmp).replace(target)  # the file appears only once the printout is ledgered
    except RuleViolation as exc:
        raise CliError("\n".join(v.message_vi for v in exc.violations)) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    sys.stderr.write("\n")
    err(f"Đã in {target} ({args.format.upper()}, {args.copies} bản); việc in đã ghi vào sổ nhật ký.")
    return 0


def _resolve(make: Any, what: str) -> Any:
    """A printout for the --as user; whatever that user may not see is refused like a missing one."""
    from django.http import Http404

    try:
        return make()
    except Http404 as exc:
        detail = f" {exc}" if str(exc) else ""
        raise CliError(f"Không in được {what}: không có hoặc ngoài mức được tiếp cận.{detail}") from exc


def cmd_register(args: argparse.Namespace) -> int:
    from bmnn.forms.printouts import register_printout

    user = _user(args.as_user)
    kind = REGISTER_KINDS[args.kind]
    printout = _resolve(lambda: register_printout(user, kind, args.year, include_cancelled=not args.without_cancelled,
                                                  progress=_progress), f"sổ {args.kind} năm {args.year}")  # fmt: skip
    return _print(user, printout, args)


def cmd_form(args: argparse.Namespace) -> int:
    from bmnn.forms.printouts import item_printout

    user = _user(args.as_user)
    printout = _resolve(
        lambda: item_printout(user, args.item, args.form_id), f"“{args.form_id}” của tài liệu #{args.item}"
    )
    return _print(user, printout, args)


def cmd_act(args: argparse.Namespace) -> int:
    from bmnn.forms.printouts import act_printout

    user = _user(args.as_user)
    what = f"“{args.form_id}” của hành vi {args.kind} #{args.act_id}"
    return _print(
        user, _resolve(lambda: act_printout(user, args.kind, args.act_id, args.form_id), what), args
    )


def cmd_copy_stamps(args: argparse.Namespace) -> int:
    from bmnn.forms.printouts import copy_stamps_printout

    user = _user(args.as_user)
    printout = _resolve(lambda: copy_stamps_printout(user, args.copy_id), f"dấu của bản sao #{args.copy_id}")
    return _print(user, printout, args)
