"""Plain text, HTML and RTF."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from bmnn.scanner.encodings import decode_text
from bmnn.scanner.extract.base import Extraction, Unreadable

_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "title",
        "blockquote",
        "pre",
        "hr",
        "dt",
        "dd",
    ]
)


def extract_text(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> str:
    text, encoding = decode_text(data)
    if text is None:
        raise Unreadable("encoding", encoding)
    ex.add(text, loc, nfc=True)
    return encoding


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.extra: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _BLOCK:
            self.out.append("\n")
        values = dict(attrs)
        for key in ("alt", "title"):
            if values.get(key):
                self.extra.append(values[key] or "")
        if tag == "meta" and values.get("content") and values.get("name"):
            self.extra.append(values["content"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in _BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def extract_html(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    text: str | None = None
    match = _CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            text = data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, reason = decode_text(data)
        if text is None:
            raise Unreadable("encoding", reason)
    parser = _Html()
    parser.feed(text)
    parser.close()
    ex.add("".join(parser.out), loc)
    for i, extra in enumerate(parser.extra, 1):
        ex.add(extra, (*loc, f"thuộc tính {i}"), kind="meta")


_RTF_TOKEN = re.compile(
    r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)", re.S
)
_RTF_SKIP = frozenset(
    [
        "fonttbl",
        "colortbl",
        "stylesheet",
        "pict",
        "objdata",
        "themedata",
        "colorschememapping",
        "datastore",
        "latentstyles",
        "listtable",
        "listoverridetable",
        "rsidtbl",
        "generator",
        "xmlnstbl",
        "mmathPr",
        "wgrffmtfilter",
        "pgdsctbl",
        "filetbl",
        "revtbl",
        "bkmkstart",
        "bkmkend",
        "xmlopen",
        "falt",
        "panose",
        "fontemb",
        "fontfile",
    ]
)
_RTF_KEEP_STARRED = frozenset(["fldinst", "annotation", "atnauthor", "comment", "keywords"])
_RTF_BREAK = {"par": "\n", "line": "\n", "row": "\n", "cell": "\t", "tab": "\t", "page": "\n", "sect": "\n"}


def rtf_to_text(raw: str) -> str:
    """Small RTF reader: groups, skipped destinations, \\uN, \\'hh in the document's code page."""
    codepage = "cp1258" if "\\fcharset163" in raw else "cp1252"
    match = re.search(r"\\ansicpg(\d+)", raw)
    if match and match.group(1) in ("1258", "1252", "1250", "1251"):
        codepage = "cp" + match.group(1)
    out: list[str] = []
    pending = bytearray()
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip, starred = False, 1, 0, False

    def flush() -> None:
        if pending:
            out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    for m in _RTF_TOKEN.finditer(raw):
        word, arg, hexbyte, sym, brace, text = m.groups()
        if brace:
            flush()
            if brace == "{":
                stack.append((skip, uc))
                starred = False
            elif stack:
                skip, uc = stack.pop()
            continue
        if to_skip and (hexbyte or text or sym):
            if text and len(text) > to_skip:
                text, to_skip = text[to_skip:], 0
            else:
                to_skip -= 1 if not text else min(to_skip, len(text))
                continue
        if sym == "*":
            starred = True
            continue
        if word:
            skip, uc, to_skip = _rtf_word(word, arg, skip, uc, starred, out, flush)
            starred = False
        elif skip:
            continue
        elif hexbyte:
            pending.append(int(hexbyte, 16))
        elif sym:
            flush()
            out.append({"~": "\u00a0", "-": "", "_": "-"}.get(sym, sym))
        elif text:
            flush()
            out.append(text)
    flush()
    return "".join(out)


def _rtf_word(
    word: str, arg: str | None, skip: bool, uc: int, starred: bool, out: list[str], flush: Callable[[], None]
) -> tuple[bool, int, int]:
    """Apply one control word; returns (skip, uc, chars to skip)."""
    if word in _RTF_SKIP or (starred and word not in _RTF_KEEP_STARRED):
        return True, uc, 0
    if skip:
        return skip, uc, 0
    if word == "uc" and arg:
        return skip, int(arg), 0
    if word == "u" and arg:
        flush()
        code = int(arg)
        out.append(chr(code + 65536 if code < 0 else code))
        return skip, uc, uc
    if word in _RTF_BREAK:
        flush()
        out.append(_RTF_BREAK[word])
    return skip, uc, 0


def extract_rtf(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    ex.add(rtf_to_text(data.decode("latin-1")), loc)
