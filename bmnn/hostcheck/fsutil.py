"""Read-only access to the inspected tree (a live root, a mounted disk or a Windows image).

Every open is read-only and every attempt is recorded as a source (read / absent / unreadable),
so a file that could not be read is reported as "không kiểm chứng được", never silently skipped.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

from .model import Collection, SourceState

MAX_LOG_BYTES = 256 * 1024 * 1024  # a bigger file is read up to this size and reported as partly unread


class Tree:
    """A directory standing for the inspected system's "/" (or the Windows volume root)."""

    def __init__(self, root: Path, *, case_insensitive: bool = False) -> None:
        self.root = root
        self.case_insensitive = case_insensitive

    def display(self, path: Path) -> str:
        try:
            return "/" + path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def path(self, rel: str) -> Path:
        """Resolve ``rel`` under the root; on Windows images match names case-insensitively."""
        parts = [p for p in rel.replace("\\", "/").split("/") if p]
        current = self.root
        for part in parts:
            candidate = current / part
            if self.case_insensitive and not candidate.exists() and current.is_dir():
                matches = sorted(c for c in current.iterdir() if c.name.lower() == part.lower())
                candidate = matches[0] if matches else candidate
            current = candidate
        return current

    def glob(self, rel_dir: str, pattern: str) -> list[Path]:
        base = self.path(rel_dir)
        if not base.is_dir():
            return []
        try:
            return sorted(base.glob(pattern))
        except OSError:
            return []

    def read_bytes(
        self, coll: Collection, path: Path, category: str, *, required: bool = True
    ) -> bytes | None:
        """Bytes of ``path`` (gunzipped for .gz) or None, recording the outcome as a source."""
        shown = self.display(path)
        if not path.exists():
            if required:
                coll.source(shown, SourceState.ABSENT, category)
            return None
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_LOG_BYTES)
            if path.suffix == ".gz":
                data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            coll.source(shown, SourceState.UNREADABLE, category, type(exc).__name__)
            return None
        if len(data) >= MAX_LOG_BYTES:
            # Only the head was read: the rest cannot be verified, so say so instead of "read".
            coll.source(shown, SourceState.UNREADABLE, category, "tệp quá lớn, chỉ đọc 256 MB đầu")
            return data
        coll.source(shown, SourceState.READ, category)
        return data

    def read_text(self, coll: Collection, path: Path, category: str, *, required: bool = True) -> str | None:
        data = self.read_bytes(coll, path, category, required=required)
        return None if data is None else data.decode("utf-8", errors="replace")


@contextmanager
def sqlite_copy(path: Path) -> Iterator[sqlite3.Connection]:
    """Open a *copy* of a browser database read-only: the original (and its -wal) is never opened
    by SQLite, so no journal, lock or checkpoint can change the inspected disk."""
    with tempfile.TemporaryDirectory(prefix="bmnn-hostcheck-") as tmp:
        target = Path(tmp) / "db.sqlite"
        shutil.copyfile(path, target)
        for suffix in ("-wal", "-journal"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.copyfile(side, target.with_name(target.name + suffix))
        # The copy may be written (WAL replay); the original never is.
        conn = sqlite3.connect(target)
        try:
            yield conn
        finally:
            conn.close()


def parse_xml(text: str) -> ElementTree.Element:
    """Parse XML taken from the inspected machine. Documents with a DTD are refused outright: WLAN
    profiles and event records never carry one, and refusing it rules out entity-expansion attacks."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ElementTree.ParseError("DTD không được phép trong dữ liệu kiểm tra")
    return ElementTree.fromstring(text)  # noqa: S314 - DTDs rejected above; expat never fetches URLs # nosec B314
