"""Plain text: UTF-8 (with or without BOM), UTF-16 (BOM or NUL-byte pattern), else CP1258."""

from __future__ import annotations

import codecs

from bmnn.lib.vntext import nfc


def decode_text(data: bytes) -> str:
    """Decode a text file; CP1258 (Windows Vietnamese) writes tones as combining marks → NFC."""
    if data.startswith(codecs.BOM_UTF8):
        return nfc(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return nfc(data.decode("utf-16", errors="replace"))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return nfc(utf16)
    try:
        return nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        return nfc(data.decode("cp1258", errors="replace"))


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII-heavy UTF-16 has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    encoding = (
        "utf-16-le" if odd_nuls > 0.3 > even_nuls else "utf-16-be" if even_nuls > 0.3 > odd_nuls else None
    )
    return data.decode(encoding, errors="replace") if encoding else None
