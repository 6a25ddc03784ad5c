"""E-mail, zip archives, images and legacy binary Office files."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage

from bmnn.scanner.encodings import decode_tcvn3, vietnamese_score
from bmnn.scanner.extract.base import Extraction, Unreadable
from bmnn.scanner.extract.ocr import ocr_available, ocr_image
from bmnn.scanner.extract.ooxml import NestedScan
from bmnn.scanner.extract.simple import extract_html
from bmnn.scanner.extract.zipsafe import members, open_zip, read_member


def extract_eml(data: bytes, ex: Extraction, loc: tuple[str, ...], nested: NestedScan) -> None:
    msg = email.message_from_bytes(data, policy=policy.default)
    for header in ("Subject", "From", "To", "Cc"):
        if msg.get(header):
            ex.add(str(msg.get(header)), (*loc, f"tiêu đề thư {header}"), kind="margin")
    for number, part in enumerate(msg.walk(), 1):
        ex.check()
        if part.is_multipart() or part.get_content_type() == "message/rfc822":
            continue
        _mail_part(part, number, ex, loc, nested)  # type: ignore[arg-type]


def _mail_part(
    part: EmailMessage, number: int, ex: Extraction, loc: tuple[str, ...], nested: NestedScan
) -> None:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return
    filename = part.get_filename()
    ctype = part.get_content_type()
    if filename or part.get_content_disposition() == "attachment" or not ctype.startswith("text/"):
        nested(filename or f"đính kèm {number}", payload, (*loc, "tệp đính kèm"))
        return
    charset = part.get_content_charset() or "utf-8"
    try:
        text = payload.decode(charset, errors="replace")
    except LookupError:
        text = payload.decode("utf-8", errors="replace")
    if ctype == "text/html":
        extract_html(text.encode("utf-8"), ex, (*loc, f"nội dung thư (HTML) {number}"))
    else:
        ex.add(text, (*loc, f"nội dung thư {number}"))


def extract_zip(data: bytes, ex: Extraction, loc: tuple[str, ...], nested: NestedScan) -> None:
    zf = open_zip(data)
    for info in members(zf, ex):
        here = (*loc, info.filename)
        try:
            nested(info.filename, read_member(zf, info, ex, here), loc)
        except Unreadable as exc:
            ex.problem(exc.code, exc.message, here)


def extract_image(data: bytes, ex: Extraction, loc: tuple[str, ...], embedded: bool) -> None:
    """OCR an image if possible; a standalone image without OCR cannot be verified."""
    if ex.ocr and ocr_available():
        try:
            ex.add(ocr_image(data, suffix=".img"), (*loc, "nhận dạng ảnh (OCR)"), kind="ocr")
            return
        except Exception as exc:
            ex.problem("ocr_failed", f"Không nhận dạng được ảnh: {exc}", loc)
            return
    if embedded:
        ex.problem("image_unchecked", "Ảnh nhúng chưa được đọc (không có OCR)", loc, blocking=False)
    else:
        ex.problem("image_only", "Tệp ảnh: không có OCR (tesseract, tiếng Việt) để đọc nội dung", loc)


_UTF16_RUN = re.compile(rb"(?:[\x09\x0a\x0d\x20-\x7e\xa0-\xff]\x00|[\x00-\xff][\x01\x1e\x20]){4,}")
_BYTE_RUN = re.compile(rb"[\x09\x0a\x0d\x20-\x7e\x80-\xff]{6,}")


def extract_legacy(data: bytes, ex: Extraction, loc: tuple[str, ...]) -> None:
    """Old binary Word/Excel/PowerPoint: text runs only, and always flagged as partial."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise Unreadable("encrypted", "Tệp Office được mã hóa bằng mật khẩu")
    runs = [m.group(0).decode("utf-16-le", errors="replace") for m in _UTF16_RUN.finditer(data)]
    ex.add("\n".join(runs), (*loc, "chuỗi Unicode"))
    raw = b"\n".join(m.group(0) for m in _BYTE_RUN.finditer(data))
    cp = raw.decode("cp1258", errors="replace")
    tcvn = decode_tcvn3(raw)
    ex.add(tcvn if vietnamese_score(tcvn) > vietnamese_score(cp) else cp, (*loc, "chuỗi 8 bit"))
    ex.problem(
        "legacy",
        "Định dạng Office cũ (.doc/.xls/.ppt): chỉ đọc được một phần văn bản, không thể khẳng định không có dấu mật",
        loc,
    )
