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
        except (KeyError, ValueError, AssertionError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
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
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
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
    child_env = {**env, "BMNN_DATA_DIR": str(staging)}
    progress("Đang dựng lại cơ sở dữ liệu trong thư mục tạm dựng…")
    _child(
        [
            "python",
            "-m",
            "bmnn",
            "restore-load",
            str(staging.parent / "data.bmnnjsonl"),
            json.dumps(checked.manifest["counts"]),
            checked.manifest.get("ledger_head") or "",
        ],
        child_env,
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
