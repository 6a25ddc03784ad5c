"""Detect Vietnamese text typed in the legacy TCVN3 (ABC) or VNI encodings.

Before Unicode (TCVN 6909:2001), Vietnamese was typed with 8-bit fonts (.VnTime,
VNI-Times). Read as Unicode such text is mojibake ("KÕ ho¹ch", "Keá hoaïch"):
parsing it would silently produce garbage, so it is refused with a way out.
"""

from __future__ import annotations

import itertools
import unicodedata

from bmnn.plans.importing.errors import LegacyEncodingError

# Vietnamese marks: grave, acute, tilde, hook above, dot below, circumflex, breve, horn.
_VN_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
# Bytes that only the 8-bit fonts produce, as they look when read as Unicode.
_TCVN3_HINTS = set("¹µ¸¶·¾»¼½Æ×ØÞß\u00ad©ª«®¦§¨")
_VNI_HINTS = set("äëïöüåøñÄËÏÖÜÅØÑ")
_ALLOWED_SYMBOLS = set("–—…“”‘’•·°§№±×€«»")


def is_vietnamese_char(char: str) -> bool:
    if char.isascii() or char in "đĐ" or char in _ALLOWED_SYMBOLS:
        return True
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    return base.isascii() and base.isalpha() and all(mark in _VN_MARKS for mark in marks)


def legacy_ratio(text: str) -> float:
    """Share of non-space characters that cannot occur in Unicode Vietnamese text."""
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return 0.0
    foreign = sum(1 for ch in chars if not is_vietnamese_char(ch))
    return foreign / len(chars)


def guess_legacy_encoding(text: str) -> str | None:
    """'TCVN3', 'VNI' or None. VNI spells tones as Latin-1 letters after ASCII vowels ("Vieät")."""
    if legacy_ratio(text) < 0.01:
        return None
    vni_pairs = sum(1 for a, b in itertools.pairwise(text) if a in "aeiouyAEIOUY" and b in _VNI_HINTS)
    tcvn_chars = sum(1 for ch in text if ch in _TCVN3_HINTS)
    return "VNI" if vni_pairs > tcvn_chars else "TCVN3"


def refuse_legacy_encoding(text: str) -> None:
    encoding = guess_legacy_encoding(text)
    if encoding is None:
        return
    name = "TCVN3 (ABC, phông .VnTime)" if encoding == "TCVN3" else "VNI (phông VNI-Times)"
    raise LegacyEncodingError(
        f"Văn bản có vẻ được gõ bằng bảng mã cũ {name}, không phải Unicode, nên không thể đọc đúng. "
        "Hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại."
    )
