"""DOCX (python-docx, paragraphs and tables in body order) and ODT (zip + content.xml).

ODT XML is parsed with defusedxml: a crafted file must not expand entities (XXE,
billion laughs) on an air-gapped office PC.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from bmnn.plans.importing.errors import CorruptFileError, EncryptedFileError, UnsupportedFormatError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CORRUPT = "Tệp {kind} bị hỏng hoặc không đúng định dạng, không đọc được nội dung ({detail})."


def refuse_ole(data: bytes) -> None:
    """OLE compound files here are password-protected DOCX/ODT or old binary .doc."""
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
        raise EncryptedFileError("Tệp được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi nhập lại.")
    raise UnsupportedFormatError(
        "Đây là tệp Word cũ (.doc) hoặc tệp đã mã hóa. Hãy mở bằng Word và lưu lại dưới dạng .docx."
    )


def read_docx(data: bytes) -> list[str]:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise CorruptFileError(_CORRUPT.format(kind="DOCX", detail=type(error).__name__)) from error
    return [line for block in _docx_block_lines(document.element.body) for line in block.split("\n")]


def _docx_block_lines(container: Any) -> Iterator[str]:
    """Paragraphs and table cells in document order; merged cells are read once."""
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield _docx_paragraph_text(child)
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                for cell in row.iterchildren(f"{_W}tc"):
                    yield from _docx_block_lines(cell)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_block_lines(content)


def _docx_paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        else:
            parts.append(" " if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)


def read_odt(data: bytes) -> list[str]:
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = (
                archive.read("META-INF/manifest.xml") if _has(archive, "META-INF/manifest.xml") else b""
            )
            if b"encryption-data" in manifest:
                raise EncryptedFileError("Tệp ODT được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi nhập lại.")
            root = SafeET.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, SafeET.ParseError) as error:
        raise CorruptFileError(_CORRUPT.format(kind="ODT", detail=type(error).__name__)) from error
    except DefusedXmlException as error:
        raise CorruptFileError(_CORRUPT.format(kind="ODT", detail="XML có khai báo không an toàn")) from error
    return [line for block in _odt_lines(root) for line in block.split("\n")]


def _has(archive: zipfile.ZipFile, name: str) -> bool:
    return name in archive.namelist()


def _odt_lines(element: Any) -> Iterator[str]:
    for child in element:
        if child.tag in (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
            yield _odt_text(child)
        else:
            yield from _odt_lines(child)


def _odt_text(element: Any) -> str:
    """Text of a paragraph: spans nested, <text:s c="n"/> spaces, tabs, line breaks."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif tag == "tab":
            parts.append(" ")
        elif tag == "line-break":
            parts.append("\n")
        elif tag not in ("note", "annotation"):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
