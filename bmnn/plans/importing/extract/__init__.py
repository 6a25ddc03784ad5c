"""Text extraction from .txt, .docx, .odt and .pdf plan files.

Each reader returns lines in reading order; the parser reflows them. A file
that cannot be read raises a typed ``PlanImportError`` with a Vietnamese message:
an unreadable plan must never look like an empty one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bmnn.plans.importing.errors import (
    CorruptFileError,
    EmptyDocumentError,
    PlanImportError,
    UnsupportedFormatError,
)
from bmnn.plans.importing.extract.legacy import refuse_legacy_encoding


@dataclass(frozen=True)
class Extracted:
    lines: list[str]
    source_format: str  # "txt" | "docx" | "odt" | "pdf"
    pages: int | None = None
    ocr_used: bool = False


def extract_file(path: Path) -> Extracted:
    """Read ``path`` by its content (magic bytes first, extension second)."""
    data = path.read_bytes()
    kind = sniff_format(data, path.suffix.lower())
    try:
        extracted = _read(kind, data)
    except PlanImportError:
        raise
    except Exception as exc:
        # The readers (lxml, zlib, pdfium, pypdf) raise their own errors on damaged files; whatever
        # they raise, the plan cannot be read and the user is told so.
        raise CorruptFileError(
            f"Tệp “{path.name}” bị hỏng hoặc sai định dạng ({type(exc).__name__}): không đọc được nội dung."
        ) from exc
    text = "\n".join(extracted.lines)
    if not text.strip():
        raise EmptyDocumentError(f"Tệp “{path.name}” không có nội dung văn bản để nhập.")
    refuse_legacy_encoding(text)
    return extracted


def sniff_format(data: bytes, suffix: str) -> str:
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # encrypted OOXML/ODF or a legacy .doc
    if data.startswith(b"PK"):
        return "odt" if b"application/vnd.oasis.opendocument" in data[:200] or suffix == ".odt" else "docx"
    if suffix in {".txt", ".text", ""}:
        return "txt"
    if suffix in {".docx", ".odt"}:
        return "docx" if suffix == ".docx" else "odt"
    raise UnsupportedFormatError(
        f"Không hỗ trợ định dạng “{suffix or 'không rõ'}”. Hãy dùng tệp .docx, .odt, .pdf hoặc .txt."
    )


def _read(kind: str, data: bytes) -> Extracted:
    # Imported lazily: a .txt import should not pay for pypdf/python-docx start-up.
    if kind == "pdf":
        from bmnn.plans.importing.extract.pdf import read_pdf

        return read_pdf(data)
    if kind == "ole":
        from bmnn.plans.importing.extract.office import refuse_ole

        refuse_ole(data)
    if kind == "docx":
        from bmnn.plans.importing.extract.office import read_docx

        return Extracted(read_docx(data), "docx")
    if kind == "odt":
        from bmnn.plans.importing.extract.office import read_odt

        return Extracted(read_odt(data), "odt")
    from bmnn.plans.importing.extract.text import decode_text

    return Extracted(decode_text(data).splitlines(), "txt")
