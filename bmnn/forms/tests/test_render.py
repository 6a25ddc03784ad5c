"""Render registers, documents and stamps in both formats, read the text back and check it."""

import datetime as dt

import docx
import pypdfium2
import pytest

from bmnn.forms.catalogue import library, select
from bmnn.forms.document import Document
from bmnn.forms.fields import SOURCES
from bmnn.forms.render.docx import render_docx
from bmnn.forms.render.pdf import render_pdf
from bmnn.forms.sources.common import stamp
from bmnn.forms.sources.items import document_from
from bmnn.forms.tests.sample import ARTIFACTS, TS_SUMMARY, register_document

REGISTERS = ["register.outgoing", "register.incoming", "register.handover", "register.copy"]


class FakeAgency:
    name, governing_body, place = "Sở Nội vụ tỉnh Thử", "Ủy ban nhân dân tỉnh Thử", "Thử"


def pdf_pages(path) -> list[str]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def keep_first_page_png(path, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for i in range(min(2, len(pdf))):
            pdf[i].render(scale=1.5).to_pil().save(ARTIFACTS / f"{name}-p{i + 1}.png")
    finally:
        pdf.close()


@pytest.mark.parametrize("form_id", REGISTERS)
@pytest.mark.parametrize("on", [dt.date(2025, 6, 1), dt.date(2026, 6, 1)])
def test_a_register_prints_every_row_with_page_numbers_and_no_top_secret_summary(tmp_path, form_id, on):
    out = tmp_path / "book.pdf"
    progress: list[int] = []
    doc = register_document(form_id, 120, on)
    doc.progress = lambda done, total: progress.append(done)
    pages = render_pdf(doc, out)
    texts = pdf_pages(out)
    assert len(texts) == pages > 2
    for i, text in enumerate(texts, 1):
        assert f"Trang {i}/{pages}" in text
        assert text.count("TUYỆT MẬT") >= 2  # highest level, top and bottom of every page
    body = "\n".join(texts[1:])
    for header in ("Số thứ", "Độ mật"):
        assert all(header in t for t in texts[1:])  # column headers repeated on every page
    seqs = [line.split()[0] for line in body.splitlines() if line.split() and line.split()[0].isdigit()]
    assert {str(i) for i in range(1, 121)} <= set(seqs)
    assert TS_SUMMARY not in body
    assert "Báo cáo tình hình sáp nhập đơn vị số 1" in body.replace("\r", "").replace("\n", " ")
    assert body.count("ĐÃ HỦY") == 4
    assert progress[-1] == 120
    keep_first_page_png(out, f"{form_id}-{on.year}")


@pytest.mark.parametrize("form_id", REGISTERS)
def test_a_register_in_docx_has_every_row_and_a_repeated_header(tmp_path, form_id):
    out = tmp_path / "book.docx"
    render_docx(register_document(form_id, 120), out)
    word = docx.Document(str(out))
    table = word.tables[-1]
    assert len(table.rows) == 121
    assert (
        table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )
    columns = [c.text for c in table.rows[0].cells]
    summary_at = next(i for i, c in enumerate(columns) if "trích yếu" in c.lower())
    for n, row in enumerate(table.rows[1:], 1):
        cells = [c.text for c in row.cells]
        assert cells[0] == str(n)
        if n % 3 == 2:  # Tuyệt mật rows (sample.LEVEL_CYCLE)
            assert cells[summary_at] == ""
        if n % 25 == 0:
            assert "ĐÃ HỦY" in "".join(cells)
    xml = out.read_bytes()
    assert TS_SUMMARY.encode() not in xml
    footer = word.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "TUYỆT MẬT" in word.sections[0].header._element.xml
    cover = "\n".join(p.text for p in word.paragraphs)
    assert "SỞ NỘI VỤ TỈNH THỬ" in cover and "Quyển số" in cover


def test_cancelled_rows_can_be_left_out(tmp_path):
    out = tmp_path / "book.docx"
    render_docx(register_document("register.outgoing", 50, include_cancelled=False), out)
    assert len(docx.Document(str(out)).tables[-1].rows) == 1 + 48


def sample_values(source: str) -> dict[str, str]:
    values = {name: f"«{name}»" for name in SOURCES[source]}
    values.update(level="Tối mật", level_upper="TỐI MẬT", new_level="Mật", envelope_letter="B")
    return values


DOCUMENTS = sorted({d.id for d in library.shipped() if d.kind == "document"})


@pytest.mark.django_db
@pytest.mark.parametrize("form_id", DOCUMENTS)
def test_every_document_form_prints_its_fields_in_both_formats(tmp_path, form_id):
    on = dt.date(2026, 6, 1)
    definition = select.select(library.shipped(), form_id, on)
    values = sample_values(definition.source)
    doc = document_from(definition, values, agency=FakeAgency(), on=on, level="secret")
    pdf_out, docx_out = tmp_path / "f.pdf", tmp_path / "f.docx"
    render_pdf(doc, pdf_out)
    render_docx(doc, docx_out)
    pdf_text = " ".join(pdf_pages(pdf_out)).replace("\r\n", " ").replace("\n", " ")
    word = docx.Document(str(docx_out))
    docx_text = " ".join(
        [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    )
    used = {name for text in (*definition.document.body, definition.document.title) for name in _names(text)}
    for text in (pdf_text, docx_text):
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert "SỞ NỘI VỤ TỈNH THỬ" in text
        for name in used - {"level", "level_upper", "new_level", "envelope_letter"}:
            assert f"«{name}»" in text, name
    assert "Thử, ngày 01 tháng 6 năm 2026" in pdf_text
    if definition.document.recipients:
        assert "Nơi nhận:" in pdf_text and "Nơi nhận:" in docx_text
    assert "TỐI MẬT" in pdf_text
    keep_first_page_png(pdf_out, form_id)


def _names(text: str) -> set[str]:
    from bmnn.forms.catalogue.schema import placeholders

    return placeholders(text)


def test_every_stamp_prints_at_its_size_in_both_formats(tmp_path):
    on = dt.date(2026, 6, 1)
    defs = [d for d in select.in_force(library.shipped(), on) if d.kind == "stamp"]
    values = sample_values("item") | {"copy_number": "2", "copy_total": "5"}
    stamps = tuple(stamp(d, values, caption=True) for d in defs)
    doc = Document(title="MẪU DẤU", page=defs[0].page, level="secret", stamps=stamps)
    render_pdf(doc, tmp_path / "s.pdf")
    render_docx(doc, tmp_path / "s.docx")
    pdf_text = " ".join(pdf_pages(tmp_path / "s.pdf"))
    for expected in (
        "TÀI LIỆU THU HỒI",
        "MỚI ĐƯỢC BÓC BÌ",
        "BẢN SAO SỐ 2/5",
        "GIẢI MẬT",
        "Bản số: 2",
        "TỐI MẬT",
    ):
        assert expected in pdf_text
    word = docx.Document(str(tmp_path / "s.docx"))
    level_table = next(t for t in word.tables if t.rows[0].cells[0].text == "TỐI MẬT")
    assert abs(level_table.columns[0].width.mm - 40) < 0.5
    assert 'w:color="C00000"' in level_table._tbl.xml
    keep_first_page_png(tmp_path / "s.pdf", "stamps")
