"""bmnn init · bmnn serve · bmnn demo"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bmnn.cli import CliError, err, read_password_file

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="Khởi tạo thư mục dữ liệu, cơ sở dữ liệu, cơ quan và quản trị viên")
    p.add_argument("--agency-name", help="Tên cơ quan (sửa được sau)")
    p.add_argument(
        "--agency-level", default="provincial", choices=["central", "provincial", "commune", "unit"]
    )
    p.add_argument("--admin-username")
    p.add_argument("--admin-password-file")
    p.add_argument("--no-input", action="store_true", help="Không hỏi gì (dùng cho kịch bản)")
    p.add_argument("--encrypt", action="store_true", help="Mã hóa cơ sở dữ liệu nhúng (SQLCipher)")
    p.add_argument("--passphrase-file", help="Tệp chứa cụm mật khẩu (không có thì hỏi)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("serve", help="Chạy máy chủ web (waitress)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--threads", type=int, default=8)
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("demo", help="Nạp (hoặc gỡ) dữ liệu mẫu: một Sở với mỗi vai trò một người dùng")
    p.add_argument("--remove", action="store_true", help="Gỡ dữ liệu mẫu (khóa tài khoản mẫu)")
    p.add_argument("--if-empty", action="store_true", help="Chỉ nạp khi chưa có người dùng nào")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument(
        "--users-only", action="store_true", help="Chỉ tạo cơ quan và người dùng mẫu, không tạo hồ sơ mẫu"
    )
    p.set_defaults(handler=cmd_demo)


def refuse_unsafe_data_dir() -> None:
    """The registers must not live where the system wipes files or a cloud client uploads them."""
    from bmnn.lib import datadir
    from bmnn.ops import paths

    try:
        paths.refuse_unsafe(datadir.data_dir(), what="dữ liệu BMNN")
    except paths.UnsafePathError as exc:
        raise CliError(f"{exc} Đặt BMNN_DATA_DIR sang thư mục khác.") from exc


def cmd_init(args: argparse.Namespace) -> int:
    from bmnn.audit.ledger import LedgerKeyError
    from bmnn.lib import bootstrap, datadir, schema

    refuse_unsafe_data_dir()

    password = None
    username = args.admin_username
    if username is None and not args.no_input and sys.stdin.isatty():
        username = input("Tên đăng nhập quản trị hệ thống (Enter để bỏ qua): ").strip() or None
    if username:
        password = read_password_file(args.admin_password_file, prompt="Mật khẩu quản trị: ")
        if not password:
            raise CliError("Cần mật khẩu cho quản trị viên: dùng --admin-password-file TỆP.")
    try:
        result = bootstrap.initialise(
            agency_name=args.agency_name,
            agency_level=args.agency_level,
            admin_username=username,
            admin_password=password,
        )
    except (datadir.DataDirError, LedgerKeyError, schema.SchemaError) as exc:
        raise CliError(str(exc)) from exc
    except Exception as exc:
        from django.core.exceptions import ValidationError

        if isinstance(exc, ValidationError):
            raise CliError("Không khởi tạo được: " + " ".join(exc.messages)) from exc
        raise
    err(f"Thư mục dữ liệu: {result.data_dir}")
    err(("Đã tạo cơ quan: " if result.agency_created else "Cơ quan đã có: ") + result.agency_name)
    if result.admin_created:
        err(f"Đã tạo quản trị viên: {username}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from django.conf import settings

    from bmnn.audit.ledger import LedgerKeyError, ledger_key
    from bmnn.lib import schema

    if not settings.LAN_MODE and args.host not in LOOPBACK:
        raise CliError(
            "Chế độ một máy (local) chỉ phục vụ tại 127.0.0.1. Dùng BMNN_MODE=lan cho mạng nội bộ."
        )
    refuse_unsafe_data_dir()
    try:
        schema.ensure_current()
        ledger_key()
    except (schema.SchemaError, LedgerKeyError) as exc:
        raise CliError(str(exc)) from exc
    from bmnn.audit.ledger import clock_rollback
    from bmnn.lib import clock
    from bmnn.registry.services import apply_automatic_declassification

    behind = clock_rollback(clock.now())
    if behind:
        err(
            f"CẢNH BÁO: đồng hồ máy chủ chậm hơn bản ghi mới nhất của sổ nhật ký {behind}: có thể đã bị chỉnh lùi."
        )

    done = apply_automatic_declassification(today=clock.today())  # the daily job also runs at start
    if done:
        err(f"Tự động giải mật {len(done)} mục hết thời hạn bảo vệ.")
    import tempfile

    from waitress import serve

    from bmnn.lib import datadir, egress
    from config.wsgi import application

    # Everything the server writes to "temp" (OCR pages, scans, printouts) stays in the data folder.
    tempfile.tempdir = str(datadir.private_tmp())
    if os.environ.get("BMNN_EGRESS_GUARD", "1") != "0":
        egress.install(allow=egress.database_hosts())  # the app never needs any other host

    from bmnn.ops import paths, schedule

    try:
        if os.environ.get("BMNN_BACKUP_DIR"):
            paths.refuse_unsafe(Path(os.environ["BMNN_BACKUP_DIR"]), what="bản sao lưu tự động")
        schedule.start_from_env()
    except paths.UnsafePathError as exc:
        raise CliError(str(exc)) from exc
    err(f"bmnn đang chạy tại http://{args.host}:{args.port}/ (Ctrl+C để dừng)")
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="bmnn")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from bmnn.accounts import demo
    from bmnn.accounts.models import User
    from bmnn.lib import schema

    try:
        schema.ensure_current()
    except schema.SchemaError as exc:
        raise CliError(str(exc)) from exc
    if args.remove:
        if args.dry_run:
            agency = demo.demo_agency()
            n = User.objects.filter(agency=agency, is_demo=True, is_active=True).count() if agency else 0
            err(f"(thử) Sẽ khóa {n} tài khoản mẫu.")
            return 0
        n = demo.remove_demo()
        err(
            f"Đã gỡ dữ liệu mẫu: khóa {n} tài khoản mẫu. Lịch sử trong sổ nhật ký được giữ nguyên (không thể xóa)."
        )
        return 0
    if args.if_empty and User.objects.filter(is_demo=False).exists():
        err("Đã có người dùng thật: không nạp dữ liệu mẫu.")
        return 0
    if args.dry_run:
        err("(thử) Sẽ nạp cơ quan mẫu với " + str(len(demo.USERS)) + " người dùng.")
        return 0
    logins = demo.load_demo()
    from bmnn.web.demo_content import load_demo_content

    made = 0 if args.users_only else load_demo_content()
    if made:
        err(
            f"Đã tạo {made} tài liệu mẫu, sổ đi, sổ đến, bàn giao, bản sao và một máy tính soạn thảo (DỮ LIỆU MẪU)."
        )
    err("Dữ liệu mẫu (DỮ LIỆU MẪU, không phải số liệu thật). Tài khoản đăng nhập:")
    for login in logins:
        err(f"  {login.username:<16} {login.role:<17} tiếp cận: {login.clearance:<12} {login.full_name}")
    err(f"  Mật khẩu chung: {demo.DEMO_PASSWORD}")
    return 0
