"""Shared state of one file's extraction: chunks, problems, limits and the deadline."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field

from bmnn.scanner.model import Chunk, Problem, Utf8Chunk


@dataclass(frozen=True)
class Limits:
    """Safety caps; a file past any of them is CANNOT_VERIFY, never silently cut."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_member_bytes: int = 100 * 1024 * 1024
    max_total_unpacked: int = 500 * 1024 * 1024
    max_ratio: int = 200  # zip-bomb defence: uncompressed / compressed per member
    max_depth: int = 4  # nested archives / attachments
    max_members: int = 10000
    timeout_s: float = 60.0


class ScanTimeout(Exception):
    """Raised by :meth:`Extraction.check` once the per-file deadline has passed."""


class Unreadable(Exception):
    """The content cannot be read: carries the problem code and the Vietnamese message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Extraction:
    limits: Limits
    ocr: bool = True
    deadline: float = 0.0
    chunks: list[Chunk] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unpacked: int = 0
    formats: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.deadline:
            self.deadline = time.monotonic() + self.limits.timeout_s

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise ScanTimeout

    def add(
        self, text: str, loc: tuple[str, ...], kind: str = "body", order: int = 0, nfc: bool = False
    ) -> None:
        """Record a chunk; ``nfc=True`` when the caller already normalised it (big plain texts)."""
        if text and not text.isspace():
            if not nfc and not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)
            self.chunks.append(Chunk(text=text, loc=loc, kind=kind, order=order))

    def add_utf8(self, data: bytes, loc: tuple[str, ...], kind: str = "body") -> None:
        """Record a plain text given as bytes that :func:`encodings.is_plain_utf8` accepted."""
        # isspace() stops at the first other byte; a text of Unicode blanks only yields no finding anyway.
        if data and not data.isspace():
            self.chunks.append(Utf8Chunk(data, loc, kind))

    def problem(self, code: str, message: str, loc: tuple[str, ...], blocking: bool = True) -> None:
        self.problems.append(Problem(code=code, message=message, loc=loc, blocking=blocking))

    def count_unpacked(self, size: int, loc: tuple[str, ...]) -> None:
        self.unpacked += size
        if self.unpacked > self.limits.max_total_unpacked:
            raise Unreadable("too_large", "Tổng dung lượng giải nén vượt giới hạn (nghi bom nén)")
