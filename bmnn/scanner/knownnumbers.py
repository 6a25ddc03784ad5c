"""Hashed list of registered secret document numbers ("số, ký hiệu").

The list file holds only salted SHA-256 digests of normalised numbers, so a copy of the file that leaks
reveals no number: matching re-normalises each number-like string in a scanned file and looks up its
digest. Normalisation makes "123/QĐ-UBND", "123 / qd – ubnd" and "Số 123/QĐ-UBND" meet.

File format (UTF-8 text)::

    # bmnn known numbers v1
    salt <hex>
    <sha256 hex> [top_secret|secret|confidential]
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bmnn.lib.vntext import fold
from bmnn.scanner.model import Level

HEADER = "# bmnn known numbers v1"
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
NUMBER_RE = re.compile(r"\d{1,6}\s*/\s*(?:\d{2,4}\s*/\s*)?[^\W_]+(?:\s*[-‐‑‒–—―−/.]\s*[^\W_]+)*")
_TOKEN_BOUNDARY = re.compile(r"[-/.]")


def normalise_number(text: str) -> str:
    """Canonical key: accents folded (Đ→D), lower case, no blanks, one kind of dash, no "Số"."""
    key = fold(text.translate(_DASHES))
    key = re.sub(r"^so\s*:?\s*", "", key)
    key = re.sub(r"\s+", "", key)
    return key.strip(".-/")


def key_variants(candidate: str) -> list[str]:
    """The key and its prefixes cut at separators: the regex may run past the number's end."""
    key = normalise_number(candidate)
    cuts = [m.start() for m in _TOKEN_BOUNDARY.finditer(key)]
    out = [key]
    for cut in reversed(cuts):
        prefix = key[:cut]
        if "/" in prefix and not prefix.endswith("/"):
            out.append(prefix)
    return out


def digest(salt: str, key: str) -> str:
    return hashlib.sha256((salt + "\x00" + key).encode("utf-8")).hexdigest()


@dataclass
class KnownNumbers:
    salt: str
    levels: dict[str, Level | None] = field(default_factory=dict)

    def lookup(self, candidate: str) -> tuple[str, Level | None] | None:
        for key in key_variants(candidate):
            hit = digest(self.salt, key)
            if hit in self.levels:
                return key, self.levels[hit]
        return None

    @classmethod
    def from_numbers(cls, entries: Iterable[tuple[str, Level | None]]) -> KnownNumbers:
        """In-memory list, e.g. built by the web app from the registers (#4) for one scan."""
        known = cls(salt=secrets.token_hex(16))
        for number, level in entries:
            known.levels[digest(known.salt, normalise_number(number))] = level
        return known

    @classmethod
    def load(cls, path: str | Path) -> KnownNumbers:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].strip() != HEADER:
            raise ValueError("Tệp danh sách số văn bản không đúng định dạng (thiếu dòng tiêu đề)")
        salt_line = next((ln for ln in lines if ln.startswith("salt ")), "")
        if not salt_line:
            raise ValueError("Tệp danh sách số văn bản thiếu dòng salt")
        known = cls(salt=salt_line.split(None, 1)[1].strip())
        for line in lines[1:]:
            parts = line.split()
            if not parts or line.startswith(("#", "salt ")):
                continue
            known.levels[parts[0]] = Level(parts[1]) if len(parts) > 1 else None
        return known


def build_known_numbers(entries: Iterable[tuple[str, Level | None]], salt: str | None = None) -> str:
    """Text of a hashed list file for ``(number, level)`` pairs; a fresh random salt by default."""
    salt = salt or secrets.token_hex(16)
    rows = sorted({f"{digest(salt, normalise_number(n))} {lvl or ''}".strip() for n, lvl in entries})
    return "\n".join([HEADER, f"salt {salt}", *rows]) + "\n"


def parse_plain_list(text: str) -> list[tuple[str, Level | None]]:
    """Plain input "số ký hiệu[;độ mật]" per line (độ mật: top_secret/secret/confidential or Vietnamese)."""
    names = {"tuyet mat": Level.TOP_SECRET, "toi mat": Level.SECRET, "mat": Level.CONFIDENTIAL}
    out: list[tuple[str, Level | None]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        number, _, level = line.partition(";")
        lvl = level.strip()
        parsed = Level(lvl) if lvl in Level._value2member_map_ else names.get(fold(lvl))
        out.append((number.strip(), parsed))
    return out
