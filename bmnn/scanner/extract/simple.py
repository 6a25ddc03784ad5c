"""Plain text, HTML and RTF."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bmnn.scanner.encodings import decode_text, is_plain_utf8
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
    if is_plain_utf8(data):  # the common case: searched as bytes, decoded only where a rule looks
        ex.add_utf8(data, loc)
        return "utf-8"
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


class _RtfReader:
    """State of the small RTF reader: group stack, skipped destinations, \\uc fallback skipping."""

    def __init__(self, codepage: str) -> None:
        self.codepage = codepage
        self.out: list[str] = []
        self.pending = bytearray()
        self.stack: list[tuple[bool, int]] = []
        self.skip, self.uc, self.to_skip, self.starred = False, 1, 0, False

    def flush(self) -> None:
        if self.pending:
            self.out.append(self.pending.decode(self.codepage, errors="replace"))
            self.pending.clear()

    def brace(self, brace: str) -> None:
        self.flush()
        if brace == "{":
            self.stack.append((self.skip, self.uc))
            self.starred = False
        elif self.stack:
            self.skip, self.uc = self.stack.pop()

    def token(self, word: str, arg: str | None, hexbyte: str, sym: str, text: str) -> None:
        if self.to_skip and (hexbyte or text or sym):
            if not (text and len(text) > self.to_skip):
                self.to_skip -= 1 if not text else min(self.to_skip, len(text))
                return
            text, self.to_skip = text[self.to_skip :], 0
        if sym == "*":
            self.starred = True
        elif word:
            self.word(word, arg)
            self.starred = False
        elif self.skip:
            return
        elif hexbyte:
            self.pending.append(int(hexbyte, 16))
        elif sym or text:
            self.flush()
            self.out.append({"~": "\u00a0", "-": "", "_": "-"}.get(sym, sym) if sym else text)

    def word(self, word: str, arg: str | None) -> None:
        """Apply one control word."""
        if word in _RTF_SKIP or (self.starred and word not in _RTF_KEEP_STARRED):
            self.skip = True
        elif self.skip:
            return
        elif word == "uc" and arg:
            self.uc = int(arg)
        elif word == "u" and arg:
            self.flush()
            code = int(arg)
            self.out.append(chr(code + 65536 if code < 0 else code))
            self.to_skip = self.uc
        elif word in _RTF_BREAK:
            self.flush()
            self.out.append(_RTF_BREAK[word])


def rtf_to_text(raw: str) -> str:
    """Small RTF reader: groups, skipped destinations, \\uN, \\'hh in the document's code page."""
    codepage = "cp1258" if "\\fcharset163" in raw else "cp1252"
    match = re.search(r"\\ansicpg(\d+)", raw)
    if match and match.group(1) in ("1258", "1252", "1250", "1251"):
        codepage = "cp" + match.group(1)
    reader = _RtfReader(codepage)
    for m in _RTF_TOKEN.finditer(raw):
        word, arg, hexbyte, sym, brace, text = m.groups()
        if brace:
            reader.brace(brace)
        else:
            reader.token(word, arg, hexbyte, sym, text)
    reader.flush()
    return "".join(reader.out)


def extract_rtf(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    ex.add(rtf_to_text(data.decode("latin-1")), loc)
