"""Turn Linux text logs (syslog, kern.log, messages, rotated .N/.gz) and the systemd journal into
(time, identifier, message, source, raw) lines, oldest file first."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from .. import timeutil
from ..fsutil import Tree
from ..model import Collection, SourceState

TEXT_LOGS = ("syslog", "messages", "kern.log", "daemon.log", "NetworkManager", "wpa_supplicant.log")
JOURNAL_DIRS = ("var/log/journal", "run/log/journal")
_REST = re.compile(r"^\S+ ([^\s:\[]+)(?:\[\d+\])?: ?(.*)$")
_BSD_PREFIX_LEN = 15  # "Nov 24 21:12:24"


@dataclass(frozen=True)
class LogLine:
    time: datetime | None
    ident: str
    message: str
    source: str
    raw: str


def _rotation_key(path: Path) -> tuple[str, int]:
    """syslog.4.gz < syslog.3.gz < ... < syslog.1 < syslog (oldest first)."""
    parts = path.name.split(".")
    numbers = [int(p) for p in parts[1:] if p.isdigit()]
    base = parts[0] if not path.name.startswith("kern.log") else "kern.log"
    return (base, -(numbers[0] if numbers else 0))


def text_log_paths(tree: Tree) -> list[Path]:
    paths = [p for name in TEXT_LOGS for p in tree.glob("var/log", f"{name}*") if p.is_file()]
    return sorted(set(paths), key=_rotation_key)


def _parse_line(line: str, year: int, zone: tzinfo, hint: datetime | None) -> tuple[datetime | None, str]:
    if line[:4].isdigit():
        stamp, _, rest = line.partition(" ")
        return timeutil.parse_iso(stamp, zone), rest
    when = timeutil.parse_bsd(line, year, zone)
    if when and hint and when > hint + timedelta(days=1):
        when = timeutil.parse_bsd(line, year - 1, zone)  # the year rolled over inside the file
    return when, line[_BSD_PREFIX_LEN:].lstrip()


def read_text_log(tree: Tree, coll: Collection, path: Path, zone: tzinfo) -> Iterator[LogLine]:
    text = tree.read_text(coll, path, "logs")
    if text is None:
        return
    # BSD syslog has no year: take it from the file's modification time (the last write).
    hint = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    shown = tree.display(path)
    for line in text.splitlines():
        when, rest = _parse_line(line, hint.year, zone, hint)
        match = _REST.match(rest)
        if match:
            yield LogLine(when, match.group(1), match.group(2), shown, line)


def _journal_message(entry: dict[str, object]) -> str:
    message = entry.get("MESSAGE", "")
    if isinstance(message, list):  # journalctl emits non-UTF-8 messages as byte arrays
        return bytes(int(b) for b in message).decode("utf-8", errors="replace")
    return str(message)


def read_journal(tree: Tree, coll: Collection) -> Iterator[LogLine]:
    """Read journal files with ``journalctl -D`` (opens them read-only); without journalctl the files
    are reported unreadable rather than ignored."""
    for rel in JOURNAL_DIRS:
        directory = tree.path(rel)
        if not directory.is_dir() or not any(directory.rglob("*.journal")):
            continue
        exe = shutil.which("journalctl")
        if exe is None:
            coll.source(tree.display(directory), SourceState.UNREADABLE, "logs", "không có journalctl")
            continue
        try:
            result = subprocess.run(
                [exe, "-D", str(directory), "-o", "json", "--no-pager", "-q"],
                capture_output=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            coll.source(tree.display(directory), SourceState.UNREADABLE, "logs", type(exc).__name__)
            continue
        if result.returncode != 0 and not result.stdout:
            coll.source(tree.display(directory), SourceState.UNREADABLE, "logs", result.stderr.decode()[:200])
            continue
        coll.source(tree.display(directory), SourceState.READ, "logs", "systemd journal")
        yield from _journal_lines(result.stdout, tree.display(directory))


def _journal_lines(output: bytes, shown: str) -> Iterator[LogLine]:
    for raw in output.splitlines():
        try:
            entry = json.loads(raw)
        except ValueError:
            continue
        micros = int(entry.get("__REALTIME_TIMESTAMP", "0") or 0)
        ident = str(entry.get("SYSLOG_IDENTIFIER") or entry.get("_COMM") or "")
        message = _journal_message(entry)
        yield LogLine(timeutil.unix(micros / 1_000_000), ident, message, shown, f"{ident}: {message}")
