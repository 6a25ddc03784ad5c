"""Format sniffing and dispatch: bytes in, located text chunks and problems out."""

from __future__ import annotations

import zipfile

from bmnn.scanner.extract.base import Extraction, Limits, ScanTimeout, Unreadable
from bmnn.scanner.extract.odf import extract_odf
from bmnn.scanner.extract.ooxml import NestedScan, extract_ooxml
from bmnn.scanner.extract.other import extract_eml, extract_image, extract_legacy, extract_zip
from bmnn.scanner.extract.pdf import extract_pdf
from bmnn.scanner.extract.simple import extract_html, extract_rtf, extract_text
from bmnn.scanner.extract.zipsafe import open_zip

__all__ = ["Extraction", "Limits", "ScanTimeout", "Unreadable", "extract_into", "sniff"]

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".emf", ".wmf")
# Extensions of binary containers: content that is not what the name says is a damaged or renamed file,
# and reading it as text would wrongly call it clean.
_CONTAINER_EXT = (
    ".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".pptx", ".pptm", ".odt", ".ods", ".odp",
    ".zip", ".pdf", ".doc", ".xls", ".ppt",
)  # fmt: skip
_MAIL_HEADERS = (b"from:", b"received:", b"subject:", b"mime-version:", b"return-path:", b"message-id:")


def sniff(name: str, data: bytes) -> str:
    """Format by content first (an extension can lie), then by extension."""
    lower = name.lower()
    head = data[:2048]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "legacy"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGE_MAGIC) or (data[8:12] == b"WEBP") or lower.endswith(_IMAGE_EXT):
        return "image"
    if lower.endswith((".eml", ".mht", ".mhtml")) or head.lower().startswith(_MAIL_HEADERS):
        return "eml"
    probe = head.lower()
    if lower.endswith((".htm", ".html", ".xhtml")) or b"<html" in probe or b"<!doctype html" in probe:
        return "html"
    return "text"


def extract_into(
    name: str, data: bytes, ex: Extraction, loc: tuple[str, ...], depth: int = 0, parent: str = ""
) -> str:
    """Extract one (possibly nested) file; problems of nested files are recorded, not raised."""

    holder = {"fmt": ""}

    def nested(child: str, child_data: bytes, parent_loc: tuple[str, ...]) -> None:
        here = (*parent_loc, child)
        if depth + 1 > ex.limits.max_depth:
            ex.problem("too_deep", "Tệp lồng nhau quá sâu, không mở tiếp", here)
            return
        try:
            extract_into(child, child_data, ex, here, depth + 1, holder["fmt"])
        except Unreadable as exc:
            ex.problem(exc.code, exc.message, here)

    fmt = sniff(name, data)
    holder["fmt"] = fmt
    if fmt == "zip":
        fmt = _extract_package(data, ex, loc, nested, holder)
    elif fmt == "pdf":
        extract_pdf(data, ex, loc)
    elif fmt == "legacy":
        extract_legacy(data, ex, loc)
    elif fmt == "rtf":
        extract_rtf(data, ex, loc)
    elif fmt == "image":
        extract_image(data, ex, loc, embedded=parent == "office")
    elif fmt == "eml":
        extract_eml(data, ex, loc, nested)
    elif fmt == "html":
        extract_html(data, ex, loc)
    else:
        _extract_plain(name, data, ex, loc)
    if depth == 0:
        ex.formats.insert(0, fmt)
    return fmt


def _extract_plain(name: str, data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    if name.lower().endswith(_CONTAINER_EXT):
        ext = name.rsplit(".", 1)[-1]
        raise Unreadable("corrupt", f"Tệp .{ext} hỏng hoặc không đúng định dạng: không đọc được nội dung")
    try:
        extract_text(data, ex, loc)
    except Unreadable as exc:
        if exc.code == "encoding" and "nhị phân" in exc.message:
            raise Unreadable(
                "unsupported", "Định dạng tệp không được hỗ trợ, không đọc được nội dung"
            ) from exc
        raise


def _extract_package(
    data: bytes, ex: Extraction, loc: tuple[str, ...], nested: NestedScan, holder: dict[str, str]
) -> str:
    zf = open_zip(data)
    try:
        names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise Unreadable("corrupt", f"Tệp nén hỏng: {exc}") from exc
    ooxml = "[Content_Types].xml" in names
    odf = "mimetype" in names and ("content.xml" in names or "styles.xml" in names)
    if ooxml or odf:
        holder["fmt"] = "office"  # pictures inside are illustrations: reported, not blocking, when not OCR'd
    if ooxml:
        return extract_ooxml(zf, ex, loc, nested)
    if odf:
        return extract_odf(zf, ex, loc, nested)
    extract_zip(data, ex, loc, nested)
    return "zip"
