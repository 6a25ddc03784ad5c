"""The data folder: database, keys and uploads of one bmnn installation.

Secrets (Django's signing key, the ledger key) live in owner-only files here,
never in the repository and never in the database, so a stolen DB dump alone
cannot forge ledger entries.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

import platformdirs

SECRET_KEY_FILE = "django_secret.key"  # noqa: S105  (a file name, not a secret)
LEDGER_KEY_FILE = "ledger.key"
LEDGER_KEY_BYTES = 32


class DataDirError(Exception):
    """The data folder or a key file in it is missing, unwritable or corrupt (message in Vietnamese)."""


def default_data_dir() -> Path:
    """The OS's per-user data folder: ~/.local/share/bmnn, %LOCALAPPDATA%\\bmnn, ..."""
    return Path(platformdirs.user_data_dir("bmnn", appauthor=False))


def data_dir() -> Path:
    raw = os.environ.get("BMNN_DATA_DIR")
    return Path(raw).expanduser().resolve() if raw else default_data_dir()


def ensure_data_dir(path: Path) -> Path:
    """Create the folder owner-only, or explain in Vietnamese why it cannot be used."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise DataDirError(f"Không tạo được thư mục dữ liệu {path}: {exc.strerror or exc}.") from exc
    if not path.is_dir():
        raise DataDirError(f"Đường dẫn dữ liệu {path} không phải là thư mục.")
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirError(f"Không có quyền ghi vào thư mục dữ liệu {path}.")
    return path


def _write_owner_only(path: Path, content: str) -> None:
    """Publish the key atomically: written in full to a private temp file, then hard-linked into
    place, so two processes initialising at once never overwrite (or read half of) each other's key."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(content + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)  # raises FileExistsError when another process won the race
    finally:
        tmp.unlink(missing_ok=True)


def read_or_create_secret(path: Path, *, nbytes: int, create: bool) -> str:
    """Return the hex secret stored in ``path``; create it when allowed and absent."""
    if not path.exists():
        if not create:
            raise DataDirError(f"Thiếu tệp khóa {path}. Hãy chạy 'bmnn init' trước.")
        ensure_data_dir(path.parent)
        try:
            _write_owner_only(path, secrets.token_hex(nbytes))
        except FileExistsError:
            pass
        except OSError as exc:
            raise DataDirError(f"Không ghi được tệp khóa {path}: {exc.strerror or exc}.") from exc
    try:
        value = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataDirError(f"Không đọc được tệp khóa {path}: tệp bị hỏng hoặc không có quyền đọc.") from exc
    if len(value) != nbytes * 2 or any(c not in "0123456789abcdef" for c in value):
        raise DataDirError(
            f"Tệp khóa {path} bị hỏng (sai độ dài hoặc ký tự). Không thay thế tự động: "
            "hãy khôi phục tệp từ bản sao lưu, vì khóa sai sẽ làm sổ nhật ký không thể kiểm chứng."
        )
    return value


def private_tmp() -> Path:
    """Scratch space for secret content (uploads being scanned, files being printed): inside the
    owner-only data folder, never the shared system temp folder."""
    return ensure_data_dir(data_dir() / "tmp")
