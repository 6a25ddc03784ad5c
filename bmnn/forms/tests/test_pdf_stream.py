"""The streaming book writer: a valid PDF, written while it is drawn, with the page count filled in."""

import datetime as dt
import io
import itertools

import pypdf
import pytest

from bmnn.forms.render.fonts import FILES, font_path
from bmnn.forms.render.pdf import render_pdf
from bmnn.forms.render.pdfstream import StreamPdf
from bmnn.forms.tests.sample import register_document


def test_a_long_book_is_written_while_it_is_drawn_not_at_the_end():
    out = io.BytesIO()
    written: list[int] = []
    doc = register_document("register.outgoing", 3000, dt.date(2026, 6, 1))
    doc.progress = lambda done, total: written.append(len(out.getbuffer()))
    pages = render_pdf(doc, out)
    assert pages > 100
    # Every 500 rows more of the file is already out: pages are not held back until the end.
    assert len(written) >= 6 and all(b > a for a, b in itertools.pairwise(written[:-1]))
    assert written[0] > 50_000


def test_the_book_is_a_valid_pdf_with_embedded_fonts_and_a_title():
    out = io.BytesIO()
    doc = register_document("register.incoming", 200, dt.date(2026, 6, 1))
    pages = render_pdf(doc, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()), strict=True)
    assert len(reader.pages) == pages
    assert reader.metadata.title == doc.title and "đến" in doc.title.lower()
    fonts = reader.pages[1]["/Resources"]["/Font"]
    for ref in fonts.values():
        descendant = ref.get_object()["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded, prints anywhere
    assert f"Trang 2/{pages}" in reader.pages[1].extract_text().replace("\n", "")


def test_the_page_count_must_sit_at_the_same_place_on_every_page():
    pdf = StreamPdf(io.BytesIO(), width_mm=210, height_mm=297, fonts={s: font_path(s) for s in FILES})
    pdf.add_page()
    pdf.page_total(100, 280)
    pdf.add_page()
    with pytest.raises(ValueError):
        pdf.page_total(90, 280)


def test_characters_outside_the_font_are_drawn_as_the_missing_glyph_not_dropped():
    pdf = StreamPdf(io.BytesIO(), width_mm=210, height_mm=297, fonts={"": font_path("")})
    pdf.add_page()
    pdf.text(10, 10, "Mật ✓ 中")
    assert pdf.width("中", "", 10) > 0  # measured as .notdef, so the layout keeps its room
    assert pdf.close() == 1
