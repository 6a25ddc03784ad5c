"""Readers for each format and the clear refusals for files that cannot be read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from bmnn.plans.importing import import_plan_file
from bmnn.plans.importing.errors import (
    CorruptFileError,
    EncryptedFileError,
    LegacyEncodingError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from bmnn.plans.importing.extract import extract_file
from bmnn.plans.importing.tests._samples import sample

PLAN_TEXT = sample("ke-hoach-2022-ubnd-xa", "txt").read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le"])
def test_unicode_text_files_are_decoded(tmp_path: Path, encoding: str) -> None:
    plan = import_plan_file(_write(tmp_path, "plan.txt", PLAN_TEXT.encode(encoding)))
    assert plan.number == "97/KH-UBND"


def _to_cp1258(text: str) -> bytes:
    """CP1258 has â, ơ, ư… precomposed but writes the five tones as combining marks."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append(base + "".join(c for c in decomposed if c in tones))
    return "".join(out).encode("cp1258")


def test_cp1258_text_is_decoded_and_composed(tmp_path: Path) -> None:
    data = _to_cp1258(PLAN_TEXT)
    plan = import_plan_file(_write(tmp_path, "plan.txt", data))
    assert plan.signer == "Lê Văn Tý"


@pytest.mark.parametrize(
    ("legacy", "name"),
    [
        ("KÕ ho¹ch c«ng t¸c b¶o vÖ bÝ mËt Nhµ n­íc n¨m 2022 trªn ®Þa bµn x·", "TCVN3"),
        ("Keá hoaïch coâng taùc baûo veä bí maät Nhaø nöôùc naêm 2022 treân ñòa baøn xaõ", "VNI"),
    ],
)
def test_legacy_encodings_are_refused_with_a_way_out(tmp_path: Path, legacy: str, name: str) -> None:
    path = _write(tmp_path, "plan.txt", (legacy + "\n").encode("utf-8") * 20)
    with pytest.raises(LegacyEncodingError) as caught:
        extract_file(path)
    assert name in caught.value.message_vi and "Unicode" in caught.value.message_vi


def _odt(content: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def test_odt_paragraphs_are_read_in_order(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<text:p>{line.replace('&', '&amp;').replace('<', '&lt;')}</text:p>"
        for line in PLAN_TEXT.splitlines()
    )
    body = f"<office:body><office:text>{paragraphs}</office:text></office:body>"
    xml = f"<office:document-content {_ODT_NS}>{body}</office:document-content>"
    plan = import_plan_file(_write(tmp_path, "plan.odt", _odt(xml)))
    assert (plan.number, plan.signer, len(plan.legal_refs)) == ("97/KH-UBND", "Lê Văn Tý", 10)


def test_odt_with_external_entities_is_refused(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f"<office:document-content {_ODT_NS}><text:p>&e;</text:p></office:document-content>"
    )
    with pytest.raises(CorruptFileError):
        extract_file(_write(tmp_path, "evil.odt", _odt(xml)))


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError):
        extract_file(_write(tmp_path, "bad.docx", b"PK\x03\x04 not really a zip"))


def test_password_protected_office_file_is_refused(tmp_path: Path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    with pytest.raises(EncryptedFileError):
        extract_file(_write(tmp_path, "secret.docx", data))


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(EncryptedFileError):
        extract_file(_write(tmp_path, "secret.pdf", buffer.getvalue()))


def test_corrupt_pdf_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError):
        extract_file(_write(tmp_path, "bad.pdf", b"%PDF-1.7\n garbage"))


def test_scanned_pdf_without_ocr_says_there_is_no_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfWriter

    from bmnn.plans.importing.extract import ocr

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(NoTextLayerError) as caught:
        extract_file(_write(tmp_path, "scan.pdf", buffer.getvalue()))
    assert "bản quét" in caught.value.message_vi


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError):
        extract_file(_write(tmp_path, "plan.xlsx", b"\x00\x01binary"))


def test_pdf_page_numbers_at_page_edges_are_dropped() -> None:
    from bmnn.plans.importing.extract.pdf import _page_lines

    assert _page_lines(["1\nmột", "dòng hai\n2", "- 3 -\nnăm\n2022"]) == ["một", "dòng hai", "năm", "2022"]
