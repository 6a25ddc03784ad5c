"""``bmnn restore``: verify everything first, rebuild in a staging folder, verify again, take a safety
backup of what is there, and only then replace it.

Checks before anything is replaced: the seal (passphrase, every chunk authenticated), the manifest
(format, every member listed with its size and SHA-256, nothing unlisted, no path escaping the
folder, a bounded compression ratio), the schema (no migration this program does not know), and
after loading into a staging installation: row counts per table equal the manifest, the ledger
verifies with the restored key and its head equals the manifest's head.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from bmnn.ops import sealed

MAX_RATIO = 200  # JSON compresses ~10–20×; a zip bomb much more
MAX_TOTAL = 50 << 30


class RestoreError(Exception):
    """The backup cannot be restored; nothing was changed (message in Vietnamese)."""


@dataclass(frozen=True)
class Checked:
    manifest: dict[str, Any]
    payload: Path


def _member_ok(name: str) -> bool:
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts and "\\" not in name and ":" not in name


def check_payload(payload: Path, known_migrations: set[str]) -> dict[str, Any]:
    try:
        zf = zipfile.ZipFile(payload)
    except zipfile.BadZipFile as exc:
        raise RestoreError("Nội dung bản sao lưu hỏng (không phải gói hợp lệ).") from exc
    with zf:
        try:
            manifest = json.loads(zf.read("manifest.json"))
            assert isinstance(manifest, dict) and isinstance(manifest.get("files", {}), dict)
        except (
            KeyError,
            ValueError,
            AssertionError,
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
        ) as exc:
            raise RestoreError("Bản sao lưu thiếu hoặc hỏng bản kê (manifest).") from exc
        if manifest.get("format") != 1:
            raise RestoreError(f"Định dạng bản sao lưu {manifest.get('format')} không được hỗ trợ.")
        infos = {i.filename: i for i in zf.infolist()}
        listed = set(manifest.get("files", {})) | {"manifest.json"}
        problems = [f"thừa tệp không có trong bản kê: {n}" for n in sorted(set(infos) - listed)]
        problems += [f"thiếu tệp: {n}" for n in sorted(listed - set(infos))]
        problems += [f"đường dẫn không an toàn: {n}" for n in infos if not _member_ok(n)]
        total = sum(i.file_size for i in infos.values())
        packed = sum(i.compress_size for i in infos.values()) or 1
        if total > MAX_TOTAL or total / packed > MAX_RATIO:
            problems.append(f"tỉ lệ nén bất thường ({total:,} byte từ {packed:,} byte)")
        unknown = sorted(set(manifest.get("migrations", [])) - known_migrations)
        if unknown:
            problems.append(
                "bản sao lưu từ phiên bản bmnn mới hơn (lược đồ chưa biết: " + ", ".join(unknown[:5]) + ")"
            )
        if problems:
            raise RestoreError("Bản sao lưu không hợp lệ: " + "; ".join(problems) + ".")
        for name, meta in manifest["files"].items():
            try:
                _check_member(zf, name, meta)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                OSError,
                ValueError,
                KeyError,
                TypeError,
            ) as exc:
                raise RestoreError(f"Tệp {name} trong bản sao lưu hỏng, không đọc được.") from exc
    return dict(manifest)


def _check_member(zf: zipfile.ZipFile, name: str, meta: dict[str, Any]) -> None:
    digest, size = hashlib.sha256(), 0
    with zf.open(name) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            size += len(block)
            if size > int(meta["size"]):
                break
            digest.update(block)
    if size != int(meta["size"]) or digest.hexdigest() != meta["sha256"]:
        raise RestoreError(f"Tệp {name} trong bản sao lưu sai kích thước hoặc mã băm.")


def open_backup(source: Path, passphrase: str, work: Path, known_migrations: set[str]) -> Checked:
    payload = work / "payload.zip"
    try:
        sealed.unseal(source, payload, passphrase)
    except sealed.SealError as exc:
        raise RestoreError(str(exc)) from exc
    except OSError as exc:
        raise RestoreError(f"Không đọc được bản sao lưu {source}: {exc.strerror}.") from exc
    return Checked(manifest=check_payload(payload, known_migrations), payload=payload)


def build_staging(
    checked: Checked, staging: Path, env: dict[str, str], progress: Callable[[str], None]
) -> None:
    """A complete installation in ``staging`` (own data folder), loaded and verified by a child
    ``bmnn`` process so the running process's settings are untouched."""
    staging.mkdir(mode=0o700)
    with zipfile.ZipFile(checked.payload) as zf:
        for name in checked.manifest["files"]:
            if name.startswith("files/"):
                target = staging / PurePosixPath(name).relative_to("files")
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(name) as src, target.open("wb") as out:
                    shutil.copyfileobj(src, out)
                target.chmod(0o600)
        zf.extract("data.bmnnjsonl", staging.parent)
    # Verification always rebuilds into an embedded database of its own: the live database (even a
    # PostgreSQL server) is not touched until everything has checked out.
    child_env = {k: v for k, v in env.items() if k != "DATABASE_URL"}
    child_env["BMNN_DATA_DIR"] = str(staging)
    progress("Đang dựng lại cơ sở dữ liệu trong thư mục tạm dựng…")
    _load(checked, staging, child_env)


def load_into_server(checked: Checked, staging: Path, env: dict[str, str]) -> None:
    """PostgreSQL target (``DATABASE_URL`` in ``env``): load the verified dump into it, in one
    transaction, with the same checks; it must be a new, empty database."""
    _load(checked, staging, {**env, "BMNN_DATA_DIR": str(staging)})


def _load(checked: Checked, staging: Path, env: dict[str, str]) -> None:
    dump = str(staging.parent / "data.bmnnjsonl")
    counts = json.dumps(checked.manifest["counts"])
    _child(
        ["python", "-m", "bmnn", "restore-load", dump, counts, checked.manifest.get("ledger_head") or ""], env
    )


def _child(args: list[str], env: dict[str, str]) -> None:
    cmd = [sys.executable, *args[1:]] if args[0] == "python" else args
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RestoreError(
            "Dựng lại từ bản sao lưu thất bại: " + (result.stderr.strip().splitlines() or ["?"])[-1]
        )


def staging_dir(data_dir: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir)) / "data"


JOURNAL = ".restore-journal.json"


def swap_in(folder: Path, staging: Path, safety: Path, *, keep_database: bool = False) -> None:
    """Move the current data aside and the verified staging files in, crash-safely.

    A journal naming every move is written (and synced) first; ``finish_interrupted`` replays it at
    the next start if the process died half-way, so the folder is never left with the old keys and
    no database, or a mix of old and new files.
    """
    old = sorted(
        p.name
        for p in folder.iterdir()
        if p.name not in {"restore-safety", "backups"} and not p.name.startswith(".")
    )
    new = sorted(p.name for p in staging.iterdir() if not (keep_database and p.name == "bmnn.sqlite3"))
    doc = {"staging": str(staging), "safety": str(safety), "old": old, "new": new}
    tmp = folder / f"{JOURNAL}.tmp"
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(doc, handle)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(folder / JOURNAL)
    _replay(folder, doc)


def _replay(folder: Path, doc: dict[str, Any]) -> None:
    staging, safety = Path(doc["staging"]), Path(doc["safety"])
    safety.mkdir(parents=True, exist_ok=True, mode=0o700)
    for name in doc["old"]:
        if (folder / name).exists() and not (safety / name).exists():
            shutil.move(str(folder / name), safety / name)
    for name in doc["new"]:
        if (staging / name).exists():
            shutil.move(str(staging / name), folder / name)
    (folder / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(staging.parent, ignore_errors=True)


def finish_interrupted(folder: Path) -> bool:
    """Complete a restore that was killed while swapping files (run before anything opens the data)."""
    journal = folder / JOURNAL
    if not journal.exists():
        return False
    _replay(folder, json.loads(journal.read_text(encoding="utf-8")))
    return True
