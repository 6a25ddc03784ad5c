"""Text of the document to classify: .txt, .docx, .pdf. Unreadable files raise ``UnreadableDocument``
(the caller reports "cannot verify", never "no match")."""

from __future__ import annotations

import io
from pathlib import Path

from bmnn.catalog.importing.encoding import decode


class UnreadableDocument(Exception):
    """The file's text could not be extracted; message in Vietnamese."""


def read_document(path: str | Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"Không đọc được tệp {path.name}: {exc}") from exc
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return _docx_text(data)
        if suffix == ".pdf":
            return _pdf_text(data)
    except Exception as exc:
        raise UnreadableDocument(f"Không trích được nội dung tệp {path.name}: {exc}") from exc
    decoded = decode(data)
    if decoded.text is None:
        raise UnreadableDocument(decoded.message_vi or "Không xác định được bảng mã của tệp.")
    return decoded.text


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if not text.strip():
        raise UnreadableDocument("Tệp PDF không có lớp chữ (có thể là bản quét); cần OCR trước khi gợi ý.")
    return text
