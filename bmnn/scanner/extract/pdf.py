"""PDF: text layer per page (pdfium), annotations (stamps, notes, form widgets) and metadata.

Pages without a text layer but with images are scanned pages: OCR when available, otherwise the
file is CANNOT_VERIFY — a scanned "TỐI MẬT" stamp is an image, not text.
"""

from __future__ import annotations

import ctypes
import io

from bmnn.scanner.extract.base import Extraction, Unreadable
from bmnn.scanner.extract.ocr import ocr_available, ocr_image

_ANNOT_KEYS = ("Contents", "T", "Subj", "V", "RC", "TU")


def extract_pdf(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # optional extra: fall back to the pure-Python reader
        _extract_pypdf(data, ex, loc)
        return
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise Unreadable("encrypted", "PDF được bảo vệ bằng mật khẩu") from exc
        raise Unreadable("corrupt", f"PDF hỏng: {msg}") from exc
    try:
        _metadata(pdf, ex, loc)
        for index in range(len(pdf)):
            ex.check()
            page = pdf[index]
            try:
                _page(pdf, page, index + 1, ex, loc)
            finally:
                page.close()
    finally:
        pdf.close()


def _metadata(pdf: object, ex: Extraction, loc: tuple[str, ...]) -> None:
    for key, value in pdf.get_metadata_dict(skip_empty=True).items():  # type: ignore[attr-defined]
        ex.add(str(value), (*loc, "thuộc tính tài liệu", key), kind="meta")


def _page(pdf: object, page: object, number: int, ex: Extraction, loc: tuple[str, ...]) -> None:
    import pypdfium2.raw as raw

    here = (*loc, f"trang {number}")
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    ex.add(text, here, kind="body", order=0)
    _annotations(page, ex, here)
    if text.strip():
        return
    images = list(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3))  # type: ignore[attr-defined]
    if not images:
        return
    if ex.ocr and ocr_available():
        image = page.render(scale=300 / 72).to_pil()  # type: ignore[attr-defined]
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        ex.add(ocr_image(buf.getvalue()), (*here, "nhận dạng ảnh (OCR)"), kind="ocr")
        return
    ex.problem("image_only", "Trang chỉ có ảnh (bản quét), không có OCR để đọc", here)


def _annot_string(annot: object, key: str) -> str:
    import pypdfium2.raw as raw

    size = raw.FPDFAnnot_GetStringValue(annot, key.encode(), None, 0)
    if size <= 2:
        return ""
    buf = ctypes.create_string_buffer(size)
    raw.FPDFAnnot_GetStringValue(annot, key.encode(), ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), size)
    return buf.raw[: size - 2].decode("utf-16-le", errors="replace")


def _annotations(page: object, ex: Extraction, here: tuple[str, ...]) -> None:
    import pypdfium2.raw as raw

    handle = page.raw  # type: ignore[attr-defined]
    for i in range(raw.FPDFPage_GetAnnotCount(handle)):
        annot = raw.FPDFPage_GetAnnot(handle, i)
        if not annot:
            continue
        try:
            for key in _ANNOT_KEYS:
                value = _annot_string(annot, key)
                if value:
                    ex.add(value, (*here, f"chú thích/dấu {i + 1}", key), kind="box")
        finally:
            raw.FPDFPage_CloseAnnot(annot)


def _extract_pypdf(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted", "PDF được bảo vệ bằng mật khẩu")
        for key, value in (reader.metadata or {}).items():
            ex.add(str(value), (*loc, "thuộc tính tài liệu", str(key)), kind="meta")
        for number, page in enumerate(reader.pages, 1):
            ex.check()
            text = page.extract_text() or ""
            ex.add(text, (*loc, f"trang {number}"))
            if not text.strip() and page.images:
                ex.problem(
                    "image_only",
                    "Trang chỉ có ảnh (bản quét), không có OCR để đọc",
                    (*loc, f"trang {number}"),
                )
    except PdfReadError as exc:
        raise Unreadable("corrupt", f"PDF hỏng: {exc}") from exc
