"""Encrypted embedded database: set up at ``bmnn init --encrypt``, unlocked before Django starts,
passphrase changed or recovered with ``bmnn db-key``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from bmnn.cli import CliError, err
from bmnn.lib import datadir, dbkey


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("db-key", help="Cụm mật khẩu của cơ sở dữ liệu mã hóa: đổi, khôi phục, xuất tệp khóa")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("change", help="Đổi cụm mật khẩu")
    a.add_argument("--old-file")
    a.add_argument("--new-file")
    a = actions.add_parser("recover", help="Đặt cụm mật khẩu mới bằng mã khôi phục đã in")
    a.add_argument("--recovery-code-file")
    a.add_argument("--new-file")
    a = actions.add_parser("export", help="Ghi khóa dữ liệu ra tệp chỉ chủ sở hữu đọc được (chạy dịch vụ)")
    a.add_argument("--passphrase-file")
    a.add_argument("out", type=Path)
    p.set_defaults(handler=cmd_db_key, needs_django=False)


def _secret(path: str | None, prompt: str, *, confirm: bool = False) -> str:
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CliError(f"Không đọc được tệp {path}: {exc.strerror}.") from exc
    if not sys.stdin.isatty():
        raise CliError(f"{prompt.rstrip(': ')}: cần nhập từ bàn phím hoặc chỉ ra tệp.")
    value = getpass.getpass(prompt)
    if confirm and value != getpass.getpass("Nhập lại: "):
        raise CliError("Hai lần nhập không khớp.")
    return value


def prepare_new(passphrase_file: str | None) -> None:
    """Before Django starts: create the wrapped key of a new encrypted database and print the
    recovery code once."""
    folder = datadir.ensure_data_dir(datadir.data_dir())
    if dbkey.is_encrypted(folder):
        raise CliError("Thư mục dữ liệu này đã mã hóa.")
    if (folder / "bmnn.sqlite3").exists():
        raise CliError(
            "Thư mục dữ liệu đã có cơ sở dữ liệu chưa mã hóa: tạo thư mục mới với --encrypt rồi "
            "chuyển dữ liệu bằng sao lưu/khôi phục."
        )
    passphrase = _secret(passphrase_file, "Cụm mật khẩu cơ sở dữ liệu (≥ 12 ký tự): ", confirm=True)
    try:
        created = dbkey.create(folder, passphrase)
    except dbkey.KeyError_ as exc:
        raise CliError(str(exc)) from exc
    dbkey.set_session_key(created.data_key)
    err("Cơ sở dữ liệu sẽ được mã hóa (SQLCipher).")
    err(f"MÃ KHÔI PHỤC (in ra, cất trong két; chỉ hiện một lần): {created.recovery_code}")


def unlock_if_needed() -> None:
    """Ask for the passphrase at the keyboard when the embedded database is encrypted and no key
    file or passphrase file is configured (``bmnn serve`` on a desk PC)."""
    folder = datadir.data_dir()
    if os.environ.get("DATABASE_URL") or not dbkey.is_encrypted(folder):
        return
    if os.environ.get("BMNN_DB_KEY_FILE") or os.environ.get("BMNN_DB_PASSPHRASE_FILE"):
        return
    if not sys.stdin.isatty():
        return  # the backend explains which variables to set
    try:
        dbkey.set_session_key(dbkey.unlock(folder, getpass.getpass("Cụm mật khẩu cơ sở dữ liệu: ")))
    except dbkey.KeyError_ as exc:
        raise CliError(str(exc)) from exc


def cmd_db_key(args: argparse.Namespace) -> int:
    folder = datadir.data_dir()
    if not dbkey.is_encrypted(folder):
        raise CliError("Cơ sở dữ liệu của thư mục này không mã hóa.")
    try:
        if args.action == "change":
            old = _secret(args.old_file, "Cụm mật khẩu hiện tại: ")
            dbkey.change_passphrase(folder, old, _secret(args.new_file, "Cụm mật khẩu mới: ", confirm=True))
            err("Đã đổi cụm mật khẩu. Mã khôi phục cũ vẫn dùng được.")
        elif args.action == "recover":
            code = _secret(args.recovery_code_file, "Mã khôi phục: ")
            dbkey.recover(folder, code, _secret(args.new_file, "Cụm mật khẩu mới: ", confirm=True))
            err("Đã đặt cụm mật khẩu mới bằng mã khôi phục.")
        else:
            key = dbkey.unlock(folder, _secret(args.passphrase_file, "Cụm mật khẩu: "))
            fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(key.hex() + "\n")
            err(f"Đã ghi khóa vào {args.out} (chỉ chủ sở hữu đọc được). Dùng BMNN_DB_KEY_FILE={args.out}.")
    except dbkey.KeyError_ as exc:
        raise CliError(str(exc)) from exc
    except FileExistsError as exc:
        raise CliError(f"Tệp {args.out} đã có: không ghi đè.") from exc
    return 0
