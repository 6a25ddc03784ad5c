"""The ``bmnn`` command.

Sub-commands that are plain libraries (scan, hostcheck, plan, classify-suggest) are
dispatched before Django is set up, so they run without a database.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bmnn import __version__

# name → module with ``main(argv) -> int``; imported lazily so a missing optional part
# never breaks the rest of the command.
LIBRARY_COMMANDS: dict[str, tuple[str, str]] = {
    "scan": ("bmnn.scanner.cli", "Quét tệp tìm dấu hiệu bí mật nhà nước trước khi phát hành"),
    "hostcheck": ("bmnn.hostcheck.cli", "Kiểm tra máy tính soạn thảo BMNN chưa từng kết nối mạng"),
    "plan": ("bmnn.plans.cli", "Nhập kế hoạch công tác bảo vệ BMNN từ tệp"),
    "classify-suggest": ("bmnn.assistant.cli", "Gợi ý căn cứ danh mục BMNN cho một văn bản"),
    "report": ("bmnn.plans.report_cli", "Gói báo cáo ký số gửi cấp trên qua USB: khóa, xuất, nhập"),
}
ROLES = ["admin", "head", "deputy", "security_officer", "clerk", "staff", "inspector"]
LEVELS = ["none", "confidential", "secret", "top_secret"]


class CliError(Exception):
    """A user-facing error: printed in Vietnamese, exit code 2."""


def err(message: str) -> None:
    print(message, file=sys.stderr)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise CliError(f"Lỗi cấu hình: {exc}") from exc


def require_schema() -> None:
    from bmnn.lib import schema

    try:
        schema.ensure_current()
    except schema.SchemaError as exc:
        raise CliError(str(exc)) from exc


def read_password_file(path: str | None, *, prompt: str) -> str | None:
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CliError(f"Không đọc được tệp mật khẩu {path}: {exc.strerror}.") from exc
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if first != getpass.getpass("Nhập lại: "):
            raise CliError("Hai lần nhập mật khẩu không khớp.")
        return first
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bmnn",
        description="bmnn — quản lý công tác bảo vệ bí mật nhà nước (state-secret protection).",
    )
    parser.add_argument("--version", action="version", version=f"bmnn {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from bmnn.commands import register_all

    register_all(sub)
    for name, (_, help_text) in LIBRARY_COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _dispatch_library(name: str, argv: list[str]) -> int:
    module_name, _ = LIBRARY_COMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        err(f"Chức năng '{name}' chưa có trong bản cài đặt này ({exc}).")
        return 2
    result: int = module.main(argv)
    return result


def main(argv: list[str] | None = None) -> int:
    from bmnn.lib import datadir, egress
    from bmnn.ops.restore import finish_interrupted

    egress.install_from_env()
    if finish_interrupted(datadir.data_dir()):
        err("Đã hoàn tất lần khôi phục bị gián đoạn trước đó (theo nhật ký khôi phục).")
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in LIBRARY_COMMANDS:
        return _dispatch_library(args_list[0], args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Callable[[Any], int] = args.handler
    try:
        if getattr(args, "needs_django", True):
            from bmnn.commands import encryption

            if getattr(args, "encrypt", False):
                encryption.prepare_new(args.passphrase_file)
            else:
                encryption.unlock_if_needed()
            setup_django()
        return handler(args)
    except CliError as exc:
        err(str(exc))
        return 2
    except Exception as exc:
        from django.core.exceptions import ImproperlyConfigured

        if isinstance(exc, ImproperlyConfigured):  # e.g. an encrypted database with a wrong key
            err(f"Lỗi cấu hình: {exc}")
            return 2
        raise
    except KeyboardInterrupt:
        err("Đã dừng.")
        return 130


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


if __name__ == "__main__":
    sys.exit(main())
