"""Pure (Django-free) import of Danh mục BMNN decisions from .txt, .docx and .xlsx, and export to .xlsx.

``parse_bytes(data, filename)`` is the entry point: it never raises on a bad file; every refusal or
doubt is an ``ImportProblem`` in the result so the preview can show it.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from bmnn.catalog.importing.encoding import decode
from bmnn.catalog.importing.export import write_xlsx
from bmnn.catalog.importing.model import (
    CONFIDENTIAL,
    LEVEL_LABELS,
    LEVELS,
    SECRET,
    TOP_SECRET,
    ImportProblem,
    ParsedCatalog,
    ParsedItem,
    citation,
)
from bmnn.catalog.importing.structure import parse_lines

__all__ = [
    "CONFIDENTIAL",
    "LEVELS",
    "LEVEL_LABELS",
    "SECRET",
    "TOP_SECRET",
    "ImportProblem",
    "ParsedCatalog",
    "ParsedItem",
    "citation",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "write_xlsx",
]


def parse_text(text: str) -> ParsedCatalog:
    """Parse an already decoded decision text."""
    return parse_lines(list(enumerate(text.splitlines(), start=1)))


def parse_file(path: str | Path) -> ParsedCatalog:
    path = Path(path)
    return parse_bytes(path.read_bytes(), path.name)


def parse_bytes(data: bytes, filename: str) -> ParsedCatalog:
    """Parse a catalog file by its extension (.txt, .docx, .xlsx)."""
    suffix = Path(filename).suffix.lower()
    try:
        if suffix == ".docx":
            from bmnn.catalog.importing.docx_reader import parse_docx

            return parse_docx(data)
        if suffix in (".xlsx", ".xlsm"):
            from bmnn.catalog.importing.xlsx_reader import parse_xlsx

            return parse_xlsx(data)
    # SyntaxError covers lxml's XMLSyntaxError; zlib.error/EOFError a damaged compressed member.
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError, zlib.error, EOFError) as exc:
        message = f"Không đọc được tệp {suffix}: {exc}. Tệp có thể bị hỏng hoặc sai định dạng."
        return _refused("unreadable_file", message)
    if suffix not in (".txt", ".text", ""):
        message = f"Chưa hỗ trợ nhập danh mục từ tệp {suffix}; dùng .txt, .docx hoặc .xlsx."
        return _refused("unsupported_format", message)
    decoded = decode(data)
    if decoded.text is None:
        assert decoded.code is not None and decoded.message_vi is not None
        return _refused(decoded.code, decoded.message_vi)
    parsed = parse_text(decoded.text)
    if decoded.code:
        note = ImportProblem(1, "", decoded.code, decoded.message_vi or "")
        return ParsedCatalog(parsed.decision, parsed.date, parsed.sector, parsed.title, parsed.items,
                             (note, *parsed.problems))  # fmt: skip
    return parsed


def _refused(code: str, message_vi: str) -> ParsedCatalog:
    return ParsedCatalog(None, None, None, None, (), (ImportProblem(1, "", code, message_vi),))
