"""Decode a catalog text file, refusing the legacy Vietnamese 8-bit encodings.

Old catalogs were typed with TCVN3 (ABC, fonts ".VnTime") or VNI-Windows fonts. Their bytes decode
"successfully" as Windows-1252 into mojibake ("§iÒu", "Ñieàu"), so a silent decode would import
garbage. Those are refused with a Vietnamese message. Windows-1258 (the Vietnamese code page) is
converted, because its decoding is exact, and the conversion is reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bmnn.lib.vntext import nfc

# TCVN3 puts Vietnamese letters in the Latin-1 punctuation range: đ=®, Đ=§, ư=­(0xAD), à=µ, á=¸ …
_TCVN3_CHARS = re.compile(r"[®§µ¸¶·¹¨©ª«¬\xad]|[a-zA-Z][ÒÞÕÝËÎÌÜÖÈÇ][a-z]")
# VNI writes a base vowel followed by a tone byte: "aø" (à), "eá" (ế), "ö" (ư), "ñ" (đ) …
_VNI_PAIRS = re.compile(r"[aeiouyAEIOUY][øùûõïâáàåãäêéèëòóôöõ]|[ñÑ][aeiouôöâAEIOU]|ö[ôôùøõ]")
# Syllables that any Vietnamese administrative text contains in quantity.
_COMMON = re.compile(r"\b(của|và|các|được|nhà nước|điều|quyết định|bí mật|về|trong|theo|cơ quan)\b")


@dataclass(frozen=True)
class DecodedText:
    text: str | None
    encoding: str | None
    code: str | None = None
    message_vi: str | None = None


def decode(data: bytes) -> DecodedText:
    """Decode ``data``; ``text`` is None when it must be refused (``code``/``message_vi`` say why)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _check(data.decode(codec), codec)
    try:
        return _check(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1258 first: read with the wrong table, its tone bytes also look like VNI pairs.
    vietnamese = nfc(data.decode("cp1258", errors="replace"))
    if _looks_vietnamese(vietnamese):
        message = "Tệp mã hóa Windows-1258 đã được chuyển sang Unicode; hãy kiểm tra bản xem trước."
        return DecodedText(vietnamese, "cp1258", "converted_cp1258", message)
    legacy = legacy_font_encoding(data.decode("cp1252", errors="replace"))
    if legacy:
        return _refuse(legacy)
    return DecodedText(
        None,
        None,
        "unknown_encoding",
        "Không xác định được bảng mã của tệp. "
        "Hãy lưu lại tệp dưới dạng văn bản Unicode (UTF-8) rồi nhập lại.",
    )


def legacy_font_encoding(text: str) -> str | None:
    """Return "TCVN3" or "VNI" when ``text`` looks like legacy-font bytes read as Windows-1252."""
    letters = sum(ch.isalpha() for ch in text) or 1
    vni = len(_VNI_PAIRS.findall(text)) / letters
    tcvn = len(_TCVN3_CHARS.findall(text)) / letters
    if max(vni, tcvn) < 0.01:
        return None
    return "VNI" if vni >= tcvn else "TCVN3"


def _check(text: str, codec: str) -> DecodedText:
    # A UTF-8 file can still carry legacy mojibake (converted by a tool that assumed Windows-1252).
    if not _looks_vietnamese(nfc(text)):
        legacy = legacy_font_encoding(text)
        if legacy:
            return _refuse(legacy)
    return DecodedText(nfc(text), codec)


def _looks_vietnamese(text: str) -> bool:
    words = len(text.split()) or 1
    has_marks = any(unicodedata.combining(ch) or ch in "ăâđêôơư" for ch in text.lower())
    return has_marks and len(_COMMON.findall(text.lower())) / words >= 0.03


def _refuse(legacy: str) -> DecodedText:
    message = (
        f"Tệp dùng bảng mã cũ {legacy} (phông {'.VnTime/ABC' if legacy == 'TCVN3' else 'VNI-Times'}), "
        "không phải Unicode. Hệ thống không tự đoán để tránh nhập sai chữ: hãy chuyển mã sang Unicode "
        "(ví dụ bằng Unikey Toolkit) rồi nhập lại."
    )
    return DecodedText(None, None, f"legacy_encoding_{legacy.lower()}", message)
