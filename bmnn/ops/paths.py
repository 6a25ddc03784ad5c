"""Places where secrets must not be written: temporary folders (wiped, shared, often world-readable)
and folders a cloud client synchronises off the machine (OneDrive, Dropbox, Google Drive, iCloud…),
which would carry a state secret to the Internet — a prohibited act (Điều 5 Luật 29/2018/QH14)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CLOUD_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud",
    "icloud drive",
    "box sync",
    "mega",
    "nextcloud",
    "owncloud",
    "yandex.disk",
    "pcloud",
)
ALLOW_TEMP_ENV = "BMNN_ALLOW_TEMP_PATHS"  # tests and CI only


class UnsafePathError(Exception):
    """A path we refuse to write secrets to (message in Vietnamese)."""


def _temp_roots() -> list[Path]:
    roots = {Path(tempfile.gettempdir()).resolve(), Path("/tmp"), Path("/var/tmp")}  # noqa: S108  (we refuse them) # nosec B108
    return [r for r in roots if r.exists()]


def is_temporary(path: Path) -> bool:
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in _temp_roots())


def cloud_synced(path: Path) -> str | None:
    for part in path.resolve().parts:
        low = part.lower()
        if any(low == m or low.startswith(m + " ") or low.startswith(m + "-") for m in CLOUD_MARKERS):
            return part
    return None


def refuse_unsafe(folder: Path, *, what: str) -> None:
    cloud = cloud_synced(folder)
    if cloud:
        raise UnsafePathError(
            f"Không ghi {what} vào thư mục đồng bộ đám mây ({cloud}): dữ liệu BMNN sẽ bị đưa lên Internet."
        )
    if is_temporary(folder) and os.environ.get(ALLOW_TEMP_ENV) != "1":
        raise UnsafePathError(
            f"Không ghi {what} vào thư mục tạm ({folder}): thư mục này có thể bị xóa hoặc người khác đọc được."
        )
