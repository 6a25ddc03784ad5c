"""Extraction: every place a stamp can hide in each format is read, and unreadable content is said so."""

import io

import pytest

from bmnn.scanner import ScanOptions, Verdict, scan_bytes
from bmnn.scanner.tests.helpers import PLAIN_BODY, W, docx, para, run, word_part, zip_bytes

STAMP = "TỐI MẬT"


def _need_font():
    from bmnn.scanner.corpus_writers import FONT

    if not FONT:
        pytest.skip("cần phông chữ tiếng Việt (Debian: fonts-dejavu-core)")
    return FONT


def secret(name, data, **opts):
    result = scan_bytes(name, data, ScanOptions(**opts))
    assert result.verdict == Verdict.SECRET, (result.verdict, result.problems, result.findings)
    return result


def test_a_clean_docx_is_clean():
    assert scan_bytes("a.docx", docx(PLAIN_BODY)).verdict == Verdict.CLEAN


def test_docx_stamp_split_over_runs_is_found():
    secret("a.docx", docx(para(run("TỐ"), run("I MẬ"), run("T")) + PLAIN_BODY))


def test_docx_stamp_in_the_header_of_a_later_section_is_found():
    result = secret("a.docx", docx(PLAIN_BODY, header2_xml=word_part("hdr", para(run(STAMP)))))
    assert "đầu trang (header2.xml)" in result.findings[0].loc


@pytest.mark.parametrize(
    "part",
    ["footnotes_xml", "endnotes_xml", "comments_xml", "footer3_xml"],
)
def test_docx_stamp_in_notes_comments_and_footers_is_found(part):
    secret("a.docx", docx(PLAIN_BODY, **{part: word_part("root", para(run(STAMP)))}))


def test_docx_stamp_in_a_text_box_is_found_once():
    box = f"<w:r><w:pict><w:txbxContent>{para(run(STAMP))}</w:txbxContent></w:pict></w:r>"
    result = secret("a.docx", docx(para(box) + PLAIN_BODY))
    assert len(result.findings) == 1
    assert "hộp văn bản" in result.findings[0].loc


def test_docx_hidden_and_deleted_stamps_are_found_and_labelled():
    deleted = f'<w:del w:id="1"><w:r><w:delText>{STAMP}</w:delText></w:r></w:del>'
    result = secret("a.docx", docx(para(run(STAMP, hidden=True)) + para(deleted) + PLAIN_BODY))
    locs = [" ".join(f.loc) for f in result.findings]
    assert any("chữ ẩn" in loc for loc in locs) and any("đã xóa" in loc for loc in locs)


def test_docx_stamp_in_a_table_cell_and_in_properties_is_found():
    table = f"<w:tbl><w:tr><w:tc>{para(run('Số: 1/BC'))}</w:tc><w:tc>{para(run(STAMP))}</w:tc></w:tr></w:tbl>"
    core = '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>TUYỆT MẬT</dc:title></cp:coreProperties>'
    data = docx(table + PLAIN_BODY)
    data = zip_bytes({**_members(data), "docProps/core.xml": core})
    result = secret("a.docx", data)
    assert any("hàng 1, ô 2" in f.loc for f in result.findings)
    assert any("thuộc tính title" in f.loc for f in result.findings)


def _members(data):
    import zipfile

    zf = zipfile.ZipFile(io.BytesIO(data))
    return {n: zf.read(n) for n in zf.namelist()}


def test_xml_with_a_doctype_is_refused_as_unsafe():
    evil = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document {W}><w:body>{para(run("&e;"))}</w:body></w:document>'
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": evil})
    result = scan_bytes("xxe.docx", data)
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "unsafe_xml"


def test_xlsx_hidden_sheet_and_print_header_are_read():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Bảng số liệu"
    wb.active.oddHeader.right.text = STAMP
    hidden = wb.create_sheet("An")
    hidden.sheet_state = "hidden"
    hidden["C7"] = "TUYỆT MẬT"
    buf = io.BytesIO()
    wb.save(buf)
    result = secret("a.xlsx", buf.getvalue())
    locs = [" › ".join(f.loc) for f in result.findings]
    assert any("(ẩn)" in loc and "ô C7" in loc for loc in locs)
    assert any("đầu/chân trang in" in loc for loc in locs)


def test_pptx_notes_and_master_are_read():
    from bmnn.scanner.corpus_writers import Doc, write_pptx

    for place in ("notes", "master"):
        result = secret(
            "a.pptx", write_pptx(Doc(["Tiêu đề", "Nội dung", "x", "y"], stamp=STAMP, place=place))
        )
        assert result.format == "pptx"


@pytest.mark.parametrize("kind", ["odt", "ods", "odp"])
def test_opendocument_files_are_read(kind):
    from bmnn.scanner.corpus_writers import Doc, write_odf

    lines = ["UBND", "SỞ", "Số: 1/BC", "Nội dung"]
    secret(f"a.{kind}", write_odf(Doc(lines, stamp=STAMP, place="header" if kind == "odt" else "top"), kind))
    assert scan_bytes(f"b.{kind}", write_odf(Doc(lines), kind)).verdict == Verdict.CLEAN


def _pdf(text_lines, **kw):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=_need_font())
    pdf.set_font("DejaVu", size=12)
    if kw.get("password"):
        pdf.set_encryption(owner_password="chu", user_password=kw["password"])
    pdf.add_page()
    for line in text_lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if kw.get("annotation"):
        pdf.text_annotation(100, 20, kw["annotation"])
    if kw.get("image"):
        pdf.image(kw["image"], x=10, y=40, w=150)
    return bytes(pdf.output())


def test_pdf_text_layer_and_annotations_are_read():
    secret("a.pdf", _pdf(["UBND", STAMP, "Báo cáo"]))
    result = secret("b.pdf", _pdf(["UBND", "Báo cáo"], annotation="TUYỆT MẬT"))
    assert any("chú thích/dấu 1" in f.loc for f in result.findings)


def test_password_protected_pdf_cannot_be_verified():
    result = scan_bytes("a.pdf", _pdf(["Báo cáo"], password="matkhau"))
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "encrypted"


def _stamp_image():
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (900, 300), "white")
    font = ImageFont.truetype(_need_font(), 90)
    ImageDraw.Draw(image).text((60, 90), STAMP, fill="black", font=font)
    return image


def test_image_only_pdf_without_ocr_cannot_be_verified():
    result = scan_bytes("scan.pdf", _pdf([], image=_stamp_image()), ScanOptions(ocr=False))
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "image_only"


def test_an_image_file_without_ocr_cannot_be_verified():
    buf = io.BytesIO()
    _stamp_image().save(buf, format="PNG")
    assert scan_bytes("anh.png", buf.getvalue(), ScanOptions(ocr=False)).verdict == Verdict.CANNOT_VERIFY


def test_an_image_stamp_is_read_by_ocr_when_tesseract_is_installed():
    from bmnn.scanner.extract.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract với dữ liệu tiếng Việt chưa được cài")
    buf = io.BytesIO()
    _stamp_image().save(buf, format="PNG")
    secret("anh.png", buf.getvalue())


def test_rtf_unicode_escapes_and_headers_are_read():
    from bmnn.scanner.corpus_writers import Doc, write_rtf

    secret("a.rtf", write_rtf(Doc(["UBND", "SỞ", "Số: 1", "Nội dung"], stamp=STAMP, place="header")))


def test_html_is_read_without_scripts():
    html = "<html><script>var s='TỐI MẬT';</script><body><p>UBND</p><div>TUYỆT MẬT</div></body></html>"
    assert secret("a.html", html.encode()).level.value == "top_secret"


def test_eml_attachments_are_opened():
    from bmnn.scanner.corpus_writers import write_eml

    result = secret("thu.eml", write_eml("Gửi anh tài liệu.", "bc.docx", docx(para(run(STAMP)))))
    assert "bc.docx" in result.findings[0].loc


def test_nested_zip_is_opened_and_location_names_each_level():
    inner = zip_bytes({"bc.docx": docx(para(run(STAMP)))})
    result = secret("goi.zip", zip_bytes({"thu-muc/trong.zip": inner}))
    assert result.findings[0].loc[:3] == ("goi.zip", "thu-muc/trong.zip", "bc.docx")


def test_archives_nested_too_deep_are_not_opened_and_not_clean():
    data = zip_bytes({"a.txt": b"abc"})
    for i in range(8):
        data = zip_bytes({f"l{i}.zip": data})
    result = scan_bytes("sau.zip", data)
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert any(p.code == "too_deep" for p in result.problems)


def test_a_zip_bomb_member_is_refused():
    data = zip_bytes({"bom.txt": b"\0" * (20 * 1024 * 1024)})
    result = scan_bytes("bom.zip", data)
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "too_large"


def test_encrypted_zip_members_cannot_be_verified():
    data = bytearray(zip_bytes({"a.txt": b"TOI MAT"}))
    data[6] |= 1  # local header: encrypted flag
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    assert scan_bytes("a.zip", bytes(data)).verdict == Verdict.CANNOT_VERIFY


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def test_legacy_doc_with_a_stamp_is_secret_and_without_is_cannot_verify():
    assert scan_bytes("a.doc", OLE + "TỐI MẬT\rBáo cáo".encode("utf-16-le")).verdict == Verdict.SECRET
    result = scan_bytes("b.doc", OLE + "Báo cáo thường".encode("utf-16-le"))
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "legacy"


def test_an_unknown_binary_file_cannot_be_verified():
    assert scan_bytes("x.bin", bytes(range(256)) * 10).verdict == Verdict.CANNOT_VERIFY


def test_an_oversized_file_cannot_be_verified():
    from bmnn.scanner import Limits

    result = scan_bytes("a.txt", b"x" * 2000, ScanOptions(limits=Limits(max_file_bytes=1000)))
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "too_large"


def test_a_scan_past_its_deadline_cannot_be_verified():
    from bmnn.scanner import Limits

    pages = _pdf(["Báo cáo"] * 30)
    result = scan_bytes("a.pdf", pages, ScanOptions(limits=Limits(timeout_s=0)))
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "timeout"


def test_a_picture_inside_a_docx_without_ocr_is_reported_but_does_not_block():
    buf = io.BytesIO()
    _stamp_image().save(buf, format="PNG")
    data = zip_bytes({**_members(docx(PLAIN_BODY)), "word/media/image1.png": buf.getvalue()})
    result = scan_bytes("a.docx", data, ScanOptions(ocr=False))
    assert result.verdict == Verdict.CLEAN
    assert [(p.code, p.blocking) for p in result.problems] == [("image_unchecked", False)]


def test_a_picture_attached_to_an_email_without_ocr_cannot_be_verified():
    from bmnn.scanner.corpus_writers import write_eml

    buf = io.BytesIO()
    _stamp_image().save(buf, format="PNG")
    result = scan_bytes(
        "thu.eml", write_eml("Ảnh chụp tài liệu.", "chup.png", buf.getvalue()), ScanOptions(ocr=False)
    )
    assert result.verdict == Verdict.CANNOT_VERIFY


def test_xlsx_cell_comments_are_read():
    import openpyxl
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Số liệu"
    wb.active["A1"].comment = Comment("TỐI MẬT", "Văn thư")
    buf = io.BytesIO()
    wb.save(buf)
    result = secret("a.xlsx", buf.getvalue())
    assert any("comments" in part for f in result.findings for part in f.loc)
