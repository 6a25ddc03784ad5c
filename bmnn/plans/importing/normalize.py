"""From extracted lines to logical paragraphs, the same way for TXT, DOCX, ODT and PDF.

PDF text layers and plain-text exports break lines inside sentences, split symbols
("02/CT-\\nTTg", "1082/QĐ-\\n\\nUBND") and add stray spaces; DOCX paragraphs are
already logical but sometimes glue a heading and its body. All sources go through
one reflow so that the three formats of one plan give the same result.
"""

from __future__ import annotations

import re

from bmnn.lib.vntext import nfc

_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\ufeff]")
_BULLET_CHARS = re.compile(r"^[•◦▪●○■□➢➤►\u2013\u2014\uf0b7\uf0a7\uf0d8]\s*")
ROMAN_RE = re.compile(r"^(?P<numeral>[IVX]{1,5})\s?[.)/]\s*(?P<rest>\S.*)$")
NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\s?[.)])\s*(?P<rest>\S.*)$")
SUBNUMBER_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){1,4})\s+(?P<rest>\S.*)$")
LETTERED_RE = re.compile(r"^(?P<letter>[a-zđ])\)\s*(?P<rest>\S.*)$")
BULLET_RE = re.compile(r"^(?P<bullet>[-+*])\s*(?P<rest>\S.*)$")
_LABEL_STARTS = (
    "căn cứ ",
    "nơi nhận",
    "số:",
    "số ",
    "kế hoạch",
    "đơn vị thực hiện",
    "đơn vị chủ trì",
    "đơn vị phối hợp",
    "thời gian thực hiện",
    "thời hạn",
    "trên đây là",
    "cộng hòa xã hội",
    "cộng hoà xã hội",
    "độc lập - tự do",
)
# A line ending with one of these words continues on the next line ("Điều\n8.").
_CONTINUATION_WORDS = ("điều", "khoản", "điểm", "số", "ngày", "tháng", "năm", "quý", "mục")
_SYMBOL_HYPHEN = re.compile(r"(\d{1,5}\s?/\s?(?:\d{4}\s?/\s?)?[A-ZĐ][A-ZĐ0-9]*)\s?-\s+(?=[A-ZĐ])")
_SYMBOL_SLASH = re.compile(r"(?<=\d)\s?/\s+(?=[\dA-ZĐ])|(?<=\d)\s+/\s?(?=[\dA-ZĐ])")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")


def clean_line(line: str) -> str:
    """NFC, odd spaces to plain spaces, exotic bullets to '-', squeezed."""
    line = _SPACES.sub(" ", nfc(line)).replace("\u00ad", "")
    line = " ".join(line.split())
    return _BULLET_CHARS.sub("- ", line) if _BULLET_CHARS.match(line) else line


def repair_text(text: str) -> str:
    """Rejoin symbols split at a line end and drop spaces before punctuation."""
    text = _SYMBOL_HYPHEN.sub(r"\1-", text)
    text = _SYMBOL_SLASH.sub("/", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def is_upper_heading(line: str) -> bool:
    """'GIÁM ĐỐC', 'ỦY BAN NHÂN DÂN': at least two all-capital words, no digits."""
    words = [w for w in re.split(r"[\s,:]+", line) if w]
    letters = [ch for ch in line if ch.isalpha()]
    if len(words) < 2 or not letters or any(ch.isdigit() for ch in line):
        return False
    return all(ch.isupper() for ch in letters) and sum(len(w) >= 2 for w in words) >= 2


def starts_paragraph(line: str, previous: str) -> bool:
    """Whether ``line`` begins a new logical paragraph rather than continuing ``previous``."""
    last_word = previous.rsplit(" ", 1)[-1].lower() if previous else ""
    if last_word in _CONTINUATION_WORDS:
        return False
    if ROMAN_RE.match(line) or NUMBERED_RE.match(line) or SUBNUMBER_RE.match(line):
        return True
    if LETTERED_RE.match(line) or BULLET_RE.match(line):
        return True
    lowered = line.lower()
    if any(lowered.startswith(label) for label in _LABEL_STARTS):
        return True
    if is_upper_heading(line) or is_upper_heading(previous):
        return True
    # "GIÁM ĐỐC Trịnh Hữu Hùng" glued in one DOCX paragraph, after "- Lưu: VT, VP."
    return previous.endswith((".", ";", ":")) and _starts_with_upper_words(line)


def _starts_with_upper_words(line: str) -> bool:
    words = line.split()[:2]
    return len(words) == 2 and all(len(w) >= 2 and w.isalpha() and w.isupper() for w in words)


def reflow(lines: list[str]) -> list[str]:
    """Join continuation lines into paragraphs; empty lines carry no meaning (TXT exports)."""
    paragraphs: list[str] = []
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if paragraphs and not starts_paragraph(line, paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return [repair_text(paragraph) for paragraph in paragraphs]
