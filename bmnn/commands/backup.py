"""bmnn backup · bmnn restore (and the hidden ``restore-load`` step run in the staging folder)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from bmnn.cli import CliError, err, print_json

PASS_ENV = "BMNN_BACKUP_PASSPHRASE_FILE"  # noqa: S105  (an environment variable name)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="Sao lưu mã hóa: cơ sở dữ liệu, khóa (đã bọc), tệp đính kèm, bản kê")
    p.add_argument("file", nargs="?", type=Path, help="tệp sao lưu sẽ tạo (.bmnnbak)")
    p.add_argument("--to-dir", type=Path, help="sao lưu theo lịch: đặt tên theo thời điểm vào thư mục này")
    p.add_argument("--keep", type=int, default=14, help="với --to-dir: giữ N bản mới nhất (mặc định 14)")
    p.add_argument("--passphrase-file", help=f"tệp cụm mật khẩu sao lưu (hoặc biến {PASS_ENV})")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore", help="Khôi phục từ bản sao lưu (kiểm tra toàn bộ trước, sao lưu an toàn trước khi thay)"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", help=f"tệp cụm mật khẩu sao lưu (hoặc biến {PASS_ENV})")
    p.add_argument("--db-passphrase-file", help="cụm mật khẩu của cơ sở dữ liệu mã hóa trong bản sao lưu")
    p.add_argument("--check-only", action="store_true", help="chỉ kiểm tra, không thay dữ liệu hiện có")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_restore, needs_django=False)

    p = sub.add_parser("restore-load", help=argparse.SUPPRESS)
    p.add_argument("dump", type=Path)
    p.add_argument("counts")
    p.add_argument("head")
    p.set_defaults(handler=cmd_restore_load)


def _passphrase(path: str | None) -> str:
    from bmnn.commands.encryption import _secret

    return _secret(path or os.environ.get(PASS_ENV), "Cụm mật khẩu sao lưu: ")


def _progress(message: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{message}")
        sys.stderr.flush()


def cmd_backup(args: argparse.Namespace) -> int:
    from bmnn.lib import clock
    from bmnn.ops import backup, paths

    if bool(args.file) == bool(args.to_dir):
        raise CliError("Chỉ ra đúng một trong hai: TỆP hoặc --to-dir THƯ_MỤC.")
    target = args.file or (args.to_dir / backup.scheduled_name(clock.now()))
    if args.to_dir:
        args.to_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    passphrase = _passphrase(args.passphrase_file)
    try:
        result = backup.create_backup(target, passphrase, progress=_progress)
    except paths.UnsafePathError as exc:
        raise CliError(str(exc)) from exc
    removed = backup.prune(args.to_dir, args.keep) if args.to_dir else []
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    info = {
        "file": str(result.path),
        "size": result.size,
        "rows": result.rows,
        "ledger_head": result.ledger_head,
        "sha256": result.sha256,
        "pruned": [str(p) for p in removed],
    }
    if args.json:
        print_json(info)
    else:
        err(f"Đã sao lưu {result.rows:,} bản ghi vào {result.path} ({result.size:,} byte).")
        err(f"SHA-256 của tệp: {result.sha256}. Đầu chuỗi nhật ký: {result.ledger_head}")
    return 0


def _known_migrations() -> set[str]:
    from bmnn.cli import setup_django

    setup_django()
    from django.db.migrations.loader import MigrationLoader

    return {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}


def cmd_restore(args: argparse.Namespace) -> int:
    from bmnn.lib import datadir
    from bmnn.ops import restore

    known = _known_migrations()
    folder = datadir.ensure_data_dir(datadir.data_dir())
    work = restore.staging_dir(folder).parent
    try:
        checked = restore.open_backup(args.file, _passphrase(args.passphrase_file), work, known)
        _progress("Bản sao lưu hợp lệ; đang dựng lại để kiểm tra…")
        env = _child_env(checked.manifest, work, args.db_passphrase_file)
        restore.build_staging(checked, work / "data", env, _progress)
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        summary = {
            "file": str(args.file),
            "rows": checked.manifest["rows"],
            "ledger_head": checked.manifest["ledger_head"],
            "created_at": checked.manifest["created_at"],
            "replaced": False,
        }
        if not args.check_only:
            if os.environ.get("DATABASE_URL"):
                _progress("Đang nạp vào cơ sở dữ liệu PostgreSQL…")
                restore.load_into_server(checked, work / "data", env)
            summary["safety_copy"] = str(_swap_in(folder, work / "data"))
            summary["replaced"] = True
    except restore.RestoreError as exc:
        raise CliError(f"{exc} Dữ liệu hiện có không bị thay đổi.") from exc
    finally:
        if not (folder / restore.JOURNAL).exists():  # a half-done swap is finished from its journal
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print_json(summary)
    else:
        verb = "Đã khôi phục" if summary["replaced"] else "Kiểm tra đạt: có thể khôi phục"
        err(
            f"{verb} {summary['rows']:,} bản ghi (sao lưu lúc {summary['created_at']}); nhật ký toàn vẹn, đầu chuỗi {summary['ledger_head']}."
        )
        if summary["replaced"]:
            err(f"Dữ liệu cũ được giữ tại {summary['safety_copy']}.")
    return 0


def _child_env(manifest: dict[str, Any], work: Path, db_passphrase_file: str | None) -> dict[str, str]:
    from bmnn.commands.encryption import _secret
    from bmnn.lib import dbkey
    from bmnn.ops import restore

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "BMNN_DB_KEY_FILE", "BMNN_DB_PASSPHRASE_FILE"}
    }
    if manifest["source"].get("encrypted"):  # the staging copy is always an embedded database
        staging_keys = work / "keys"
        staging_keys.mkdir(mode=0o700)
        import zipfile

        with zipfile.ZipFile(work / "payload.zip") as zf:
            (staging_keys / dbkey.ENCRYPTION_FILE).write_bytes(zf.read(f"files/{dbkey.ENCRYPTION_FILE}"))
        try:
            key = dbkey.unlock(
                staging_keys, _secret(db_passphrase_file, "Cụm mật khẩu cơ sở dữ liệu trong bản sao lưu: ")
            )
        except dbkey.KeyError_ as exc:
            raise restore.RestoreError(str(exc)) from exc
        key_file = staging_keys / "db.key"
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.hex())
        env["BMNN_DB_KEY_FILE"] = str(key_file)
    return env


def _swap_in(folder: Path, staging: Path) -> Path:
    """Keep what is there in ``restore-safety/<time>/``, then move the verified staging files in."""
    from bmnn.ops import restore

    safety = folder / "restore-safety" / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    restore.swap_in(folder, staging, safety, keep_database=bool(os.environ.get("DATABASE_URL")))
    return safety


def cmd_restore_load(args: argparse.Namespace) -> int:
    """In the staging folder: build the schema, load the dump in one transaction, and keep it only
    if counts and the ledger match the manifest."""
    from django.core.management import call_command
    from django.db import transaction

    from bmnn.audit import ledger
    from bmnn.audit.models import LedgerEntry
    from bmnn.ops.backup import model_counts

    call_command("migrate", verbosity=0, interactive=False)
    if LedgerEntry.objects.exists():
        raise CliError("Cơ sở dữ liệu đích không trống: chỉ khôi phục vào cơ sở dữ liệu mới.")
    expected = json.loads(args.counts)
    with transaction.atomic():
        call_command("loaddata", str(args.dump), verbosity=0)
        got = model_counts()
        wrong = sorted(k for k in set(expected) | set(got) if expected.get(k, 0) != got.get(k, 0))
        if wrong:
            raise CliError("Số bản ghi sau khi nạp khác bản kê: " + ", ".join(wrong[:8]))
        ledger._key_for.cache_clear()
        result = ledger.verify(expect_head=args.head or None)
        if not result.ok:
            raise CliError(
                "Sổ nhật ký khôi phục không toàn vẹn: " + "; ".join(p.message for p in result.problems[:3])
            )
    return 0
