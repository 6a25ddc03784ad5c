"""Vietnamese text helpers shared by every app.

Vietnamese must be compared NFC, and searches must be accent-insensitive:
"mật", "mất" and "mặt" all fold to "mat", and "đ" folds to "d" (it is a
separate letter, not a combining mark, so Unicode decomposition alone misses it).
"""

from __future__ import annotations

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form bmnn stores everywhere."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Accent- and case-insensitive key: strip diacritics, đ→d, casefold, squeeze spaces."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.casefold().split())
