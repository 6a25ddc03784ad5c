"""``bmnn backup``: one sealed file holding a consistent logical copy of the database, the keys of the
data folder and its stored files, with a manifest of hashes, counts, schema and the ledger head.

The dump is logical (Django's JSON-lines serialiser) so a backup restores onto the embedded
SQLite, an encrypted SQLite or PostgreSQL alike. It is taken inside one transaction (REPEATABLE
READ on PostgreSQL; SQLite's write lock) so the counts, the rows and the ledger head agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

import bmnn
from bmnn.lib import datadir, dbkey
from bmnn.ops import paths, sealed

FORMAT = 1
# Rebuilt by ``migrate`` on restore; dumping them would clash with the fresh rows.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes.accessattempt", "axes.accesslog"]
KEY_FILES = [datadir.SECRET_KEY_FILE, datadir.LEDGER_KEY_FILE, dbkey.ENCRYPTION_FILE]
SKIPPED_FILES = {"bmnn.sqlite3", "bmnn.sqlite3-wal", "bmnn.sqlite3-shm", "bmnn.sqlite3-journal"}


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    rows: int
    ledger_head: str | None
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def applied_migrations() -> list[str]:
    return sorted(f"{m.app}.{m.name}" for m in MigrationRecorder.Migration.objects.all())


def model_counts() -> dict[str, int]:
    excluded = {e for e in EXCLUDED if "." in e} | {e for e in EXCLUDED if "." not in e}
    out: dict[str, int] = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in excluded or model._meta.app_label in excluded or not model._meta.managed:
            continue
        out[label] = model._default_manager.count()
    return out


def _dump(target: Path) -> tuple[dict[str, int], list[str], str | None]:
    from bmnn.audit.ledger import head

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        counts, migrations, ledger_head = model_counts(), applied_migrations(), head()
        call_command(
            "dumpdata",
            format="bmnnjsonl",
            natural_foreign=True,
            natural_primary=True,
            exclude=EXCLUDED,
            output=str(target),
            verbosity=0,
        )
    return counts, migrations, ledger_head


def _data_files(folder: Path) -> list[Path]:
    """Stored files of the data folder (uploads, scans…), never the live database itself."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        hidden = rel.name.startswith(".") or rel.parts[0].startswith(".")
        if (
            path.is_file()
            and rel.name not in SKIPPED_FILES
            and not hidden
            and rel.parts[0] not in {"backups", "restore-safety", "tmp"}
        ):
            out.append(path)
    return out


def write_payload(zip_path: Path, progress: Callable[[str], None]) -> dict[str, Any]:
    folder = datadir.data_dir()
    with tempfile.TemporaryDirectory(prefix=".bmnn-backup-", dir=folder) as work:
        dump = Path(work) / "data.bmnnjsonl"
        progress("Đang xuất dữ liệu…")
        counts, migrations, ledger_head = _dump(dump)
        files: dict[str, dict[str, Any]] = {}
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            members = [("data.bmnnjsonl", dump)] + [
                (f"files/{p.relative_to(folder).as_posix()}", p) for p in _data_files(folder)
            ]
            for name, path in members:
                progress(f"Đang đóng gói {name}")
                zf.write(path, name)
                files[name] = {"sha256": sha256_of(path), "size": path.stat().st_size}
            manifest = {
                "format": FORMAT,
                "bmnn_version": bmnn.__version__,
                "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "source": {"vendor": connection.vendor, "encrypted": dbkey.is_encrypted(folder)},
                "migrations": migrations,
                "counts": counts,
                "rows": sum(counts.values()),
                "ledger_head": ledger_head,
                "files": files,
            }
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def create_backup(
    target: Path, passphrase: str, *, progress: Callable[[str], None] = lambda _m: None
) -> BackupResult:
    """Write a sealed backup to ``target`` (never into a temporary or cloud-synced folder)."""
    paths.refuse_unsafe(target.parent, what="bản sao lưu")
    if target.exists():
        raise paths.UnsafePathError(f"Tệp {target} đã có: không ghi đè bản sao lưu.")
    with tempfile.TemporaryDirectory(prefix=".bmnn-backup-", dir=datadir.data_dir()) as work:
        payload = Path(work) / "payload.zip"
        manifest = write_payload(payload, progress)
        progress("Đang mã hóa…")
        sealed.seal(payload, target, passphrase)
    return BackupResult(
        path=target,
        size=target.stat().st_size,
        rows=int(manifest["rows"]),
        ledger_head=manifest["ledger_head"],
        sha256=sha256_of(target),
    )


def prune(folder: Path, keep: int) -> list[Path]:
    """Retention for scheduled backups: keep the newest ``keep`` files named ``bmnn-*.bmnnbak``."""
    found = sorted(folder.glob("bmnn-*.bmnnbak"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    removed = found[keep:]
    for path in removed:
        path.unlink()
    return removed


def scheduled_name(now: dt.datetime) -> str:
    return f"bmnn-{now.strftime('%Y%m%d-%H%M%S')}.bmnnbak"
