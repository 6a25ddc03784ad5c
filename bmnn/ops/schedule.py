"""Automatic backups while ``bmnn serve`` runs: every BMNN_BACKUP_HOURS (default 24) a sealed backup
is written to BMNN_BACKUP_DIR, keeping the newest BMNN_BACKUP_KEEP (default 14). The passphrase comes
from BMNN_BACKUP_PASSPHRASE_FILE (owner-only). Off unless BMNN_BACKUP_DIR is set."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from django.db import close_old_connections

from bmnn.lib import clock


def _log(message: str) -> None:
    print(f"[sao lưu tự động] {message}", file=sys.stderr, flush=True)


def run_once(folder: Path, passphrase: str, keep: int) -> Path:
    from bmnn.ops import backup

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / backup.scheduled_name(clock.now())
    n = 1
    while target.exists():  # two backups within one second: never overwrite, add a suffix
        target = target.with_name(f"{target.stem}-{n}{target.suffix}")
        n += 1
    result = backup.create_backup(target, passphrase)
    backup.prune(folder, keep)
    return result.path


def start_from_env() -> threading.Thread | None:
    folder = os.environ.get("BMNN_BACKUP_DIR")
    if not folder:
        return None
    pass_file = os.environ.get("BMNN_BACKUP_PASSPHRASE_FILE")
    if not pass_file:
        _log("BMNN_BACKUP_DIR đã đặt nhưng thiếu BMNN_BACKUP_PASSPHRASE_FILE: không sao lưu tự động.")
        return None
    hours = max(1, int(os.environ.get("BMNN_BACKUP_HOURS", "24")))
    keep = max(1, int(os.environ.get("BMNN_BACKUP_KEEP", "14")))
    passphrase = Path(pass_file).read_text(encoding="utf-8").strip()
    stop = threading.Event()

    def loop() -> None:
        delay = 60.0  # the first backup a minute after start, then every `hours`
        while not stop.wait(delay):
            delay = hours * 3600.0
            try:
                _log(f"đã ghi {run_once(Path(folder), passphrase, keep)}")
            except Exception as exc:  # keep serving; say loudly that this backup failed
                _log(f"LỖI, chưa sao lưu được: {exc}")
            finally:
                close_old_connections()

    thread = threading.Thread(target=loop, name="bmnn-backup", daemon=True)
    thread.start()
    _log(f"bật: mỗi {hours} giờ vào {folder}, giữ {keep} bản.")
    return thread
