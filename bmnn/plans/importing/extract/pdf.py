"""PDF text layer (pypdfium2 when installed, else pypdf); OCR only when tesseract+vie exist.

A scanned PDF has no text layer: without OCR it is refused ("cannot verify"),
never imported as an empty plan. Page-number lines at page edges are dropped.
"""

from __future__ import annotations

import io
import re

from bmnn.plans.importing.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from bmnn.plans.importing.extract import Extracted

# Fewer letters than this per page on average means "no usable text layer".
MIN_LETTERS_PER_PAGE = 40
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:Trang\s+)?(\d{1,3})(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.IGNORECASE
)
_ENCRYPTED = "Tệp PDF được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu (hoặc in ra PDF mới) rồi nhập lại."
_CORRUPT = "Tệp PDF bị hỏng hoặc không đúng định dạng, không đọc được nội dung."
_SCANNED = (
    "Tệp PDF là bản quét (ảnh), không có lớp chữ nên không đọc được nội dung. "
    "Hãy dùng bản .docx/.pdf gốc, hoặc cài bộ nhận dạng chữ (tesseract, gói tiếng Việt “vie”)."
)


def read_pdf(data: bytes) -> Extracted:
    pages = _pages_pdfium(data) if _has_pdfium() else _pages_pypdf(data)
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if letters < MIN_LETTERS_PER_PAGE * max(1, len(pages)):
        from bmnn.plans.importing.extract.ocr import ocr_available, ocr_pdf

        if not ocr_available():
            raise NoTextLayerError(_SCANNED)
        pages = ocr_pdf(data)
        return Extracted(_page_lines(pages), "pdf", pages=len(pages), ocr_used=True)
    return Extracted(_page_lines(pages), "pdf", pages=len(pages))


def _has_pdfium() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def _pages_pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise EncryptedFileError(_ENCRYPTED) from error
        raise CorruptFileError(_CORRUPT) from error
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _pages_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        # An owner-password-only PDF opens with the empty user password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedFileError(_ENCRYPTED)
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise CorruptFileError(_CORRUPT) from error


def _page_lines(pages: list[str]) -> list[str]:
    lines: list[str] = []
    for number, text in enumerate(pages, start=1):
        page_lines = text.split("\n")
        while page_lines and not page_lines[-1].strip():
            page_lines.pop()
        _drop_page_number(page_lines, number)
        lines.extend(page_lines)
    return lines


def _drop_page_number(page_lines: list[str], number: int) -> None:
    """Drop a first or last line that is just this page's number ("2", "- 2 -", "Trang 2")."""
    for index in (0, -1):
        if page_lines:
            match = _PAGE_NUMBER.match(page_lines[index])
            if match and int(match.group(1)) == number:
                page_lines.pop(index)
