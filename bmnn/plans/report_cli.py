"""``bmnn report keys|register|export|import``: the USB roll-up from the command line.

    bmnn report keys --as USER [--json]              this agency's fingerprint, public key, subordinates
    bmnn report register KEYFILE --as USER [--name]  register a subordinate's public key (once)
    bmnn report export REPORT_ID --as USER [-o FILE] sign the finished report into a package file
    bmnn report import REPORT_ID FILE... --as USER   verify and import packages (each on its own)

Acts are done as the user named by ``--as`` (who must manage plans of that agency) and ledgered.
With ``--json`` stdout carries only JSON; messages go to stderr. Exit 0 ok, 1 refused, 2 cannot run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_CANNOT = 0, 1, 2


class _Stop(Exception):
    def __init__(self, message: str, code: int = EXIT_CANNOT) -> None:
        super().__init__(message)
        self.code = code


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.command:
        _parser().print_help(sys.stderr)
        return EXIT_CANNOT
    try:
        _setup()
        user = _manager(args.as_user)
        return int(COMMANDS[args.command](args, user))
    except _Stop as stop:
        print(str(stop), file=sys.stderr)
        return stop.code


def _setup() -> None:
    from bmnn.cli import CliError, require_schema, setup_django

    try:
        setup_django()
        require_schema()
    except CliError as exc:
        raise _Stop(str(exc)) from exc


def _manager(username: str) -> Any:
    from bmnn.accounts.models import User
    from bmnn.plans.permissions import may_manage_plans

    user = User.objects.filter(username=username).select_related("agency").first()
    if user is None or not user.is_active:
        raise _Stop(f"Không có người dùng đang hoạt động tên “{username}”.")
    if not may_manage_plans(user):
        raise _Stop(f"Người dùng “{username}” không có quyền quản lý kế hoạch, báo cáo.")
    return user


def _report(user: Any, report_id: int) -> Any:
    from bmnn.plans.models import Report

    report = Report.objects.select_related("agency").filter(pk=report_id, agency_id=user.agency_id).first()
    if report is None:
        raise _Stop(f"Không có báo cáo mã {report_id} của cơ quan {user.agency}.")
    return report


def _out(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def cmd_keys(args: argparse.Namespace, user: Any) -> int:
    from bmnn.plans.models import Subordinate
    from bmnn.plans.rollup import keys
    from bmnn.plans.rollup.package import display_fingerprint

    own = keys.public_key_info(user.agency_id, user.agency.name)
    subs = [
        {"name": s.name, "fingerprint": display_fingerprint(s.fingerprint), "active": s.is_active}
        for s in Subordinate.objects.filter(agency_id=user.agency_id)
    ]
    lines = [f"Dấu vân tay: {own.display}", f"Khóa công khai: {own.line()}", "Đơn vị cấp dưới đã đăng ký:"]
    lines += [f"  - {s['name']}: {s['fingerprint']}" for s in subs] or ["  (chưa có)"]
    _out(args, {"fingerprint": own.display, "public_key": own.line(), "subordinates": subs}, "\n".join(lines))
    return EXIT_OK


def cmd_register(args: argparse.Namespace, user: Any) -> int:
    from bmnn.lib.rules import RuleViolation
    from bmnn.plans import services
    from bmnn.plans.rollup.package import display_fingerprint

    text = _read_text(args.key)
    try:
        sub = services.register_subordinate(
            actor=user, agency=user.agency, public_key_text=text, name=args.name
        )
    except RuleViolation as exc:
        raise _Stop("\n".join(v.message_vi for v in exc.violations), EXIT_REFUSED) from exc
    shown = display_fingerprint(sub.fingerprint)
    _out(args, {"name": sub.name, "fingerprint": shown}, f"Đã đăng ký {sub.name} ({shown}).")
    return EXIT_OK


def _read_text(value: str) -> str:
    path = Path(value)
    if path.is_file():
        return path.read_text(encoding="utf-8-sig")
    return value


def cmd_export(args: argparse.Namespace, user: Any) -> int:
    from django.core.exceptions import ValidationError

    from bmnn.plans import services
    from bmnn.plans.rollup.package import SUFFIX, open_package

    report = _report(user, args.report_id)
    try:
        data = services.export_package(actor=user, report=report)
    except ValidationError as exc:
        raise _Stop("; ".join(exc.messages), EXIT_REFUSED) from exc
    target = args.output or Path(f"bao-cao-{report.agency_id}-{report.period_end:%Y%m%d}{SUFFIX}")
    target.write_bytes(data)
    digest = open_package(data).digest
    _out(args, {"file": str(target), "digest": digest}, f"Đã ghi gói báo cáo: {target}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, user: Any) -> int:
    from bmnn.plans import services

    report = _report(user, args.report_id)
    results: list[dict[str, Any]] = []
    batch = []
    for path in args.files:
        try:
            batch.append((str(path), path.read_bytes()))
        except OSError as exc:
            results.append(
                {"file": str(path), "ok": False, "errors": [f"Không đọc được tệp: {exc.strerror}"]}
            )
    for done in services.import_packages(actor=user, report=report, files=batch):
        if done.received is not None:
            results.append({"file": done.name, "ok": True, "from": done.received.subordinate.name})
        else:
            results.append(
                {"file": done.name, "ok": False, "errors": [v.message_vi for v in done.violations]}
            )
    text = "\n".join(
        f"{r['file']}: đã nhận báo cáo của {r['from']}"
        if r["ok"]
        else f"{r['file']}: " + "; ".join(r["errors"])
        for r in results
    )
    _out(args, {"results": results}, text)
    return EXIT_OK if all(r["ok"] for r in results) else EXIT_REFUSED


COMMANDS = {"keys": cmd_keys, "register": cmd_register, "export": cmd_export, "import": cmd_import}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bmnn report", description="Gói báo cáo ký số gửi cấp trên qua USB."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--as", dest="as_user", required=True, metavar="USERNAME", help="Người thực hiện")
    common.add_argument("--json", action="store_true", help="In kết quả dạng JSON ra stdout")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("keys", parents=[common], help="Dấu vân tay, khóa công khai, đơn vị cấp dưới")
    reg = sub.add_parser("register", parents=[common], help="Đăng ký khóa công khai của đơn vị cấp dưới")
    reg.add_argument("key", help="Tệp khóa công khai hoặc chính dòng khóa")
    reg.add_argument("--name", default="", help="Tên cơ quan, đơn vị (nếu khác tên trong khóa)")
    exp = sub.add_parser("export", parents=[common], help="Xuất gói báo cáo ký số")
    exp.add_argument("report_id", type=int)
    exp.add_argument("-o", "--output", type=Path, help="Tệp gói (mặc định: bao-cao-….bmnnbc)")
    imp = sub.add_parser("import", parents=[common], help="Nhập gói báo cáo của đơn vị cấp dưới")
    imp.add_argument("report_id", type=int)
    imp.add_argument("files", type=Path, nargs="+")
    return parser


if __name__ == "__main__":
    sys.exit(main())
