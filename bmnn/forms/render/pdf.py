"""``Document`` → PDF with fpdf2 (pure Python: works on Windows without GTK or LibreOffice).

Every page carries the highest level contained (top and bottom, in red) and "Trang x/y"; a register's
column headers are repeated at the top of every table page; rows are drawn one at a time from the
iterator, so only the PDF's own page buffers grow with the book.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from fpdf import FPDF

from bmnn.forms.catalogue.schema import Column
from bmnn.forms.document import Document, Row, print_cells, printable_rows
from bmnn.forms.render.fonts import FILES, PDF_FAMILY, font_path
from bmnn.forms.render.layout import wrap

RED = (192, 0, 0)
BODY_PT, TABLE_PT, SMALL_PT = 13, 10, 9
PAD = 1.0
NB_ALIAS = "{nb_pages}"
ALIGN = {"left": "L", "center": "C", "right": "R"}


class _Pdf(FPDF):
    def __init__(self, doc: Document) -> None:
        page = doc.page
        super().__init__(orientation="L" if page.orientation == "landscape" else "P", unit="mm", format="A4")
        self.doc = doc
        self.table_columns: tuple[Column, ...] = ()
        self._widths: dict[tuple[str, float, str], float] = {}
        self.set_margins(page.left, page.top, page.right)
        self.set_auto_page_break(True, margin=page.bottom)
        for style in FILES:
            self.add_font(PDF_FAMILY, style, str(font_path(style)))
        self.set_font(PDF_FAMILY, "", BODY_PT)
        self.set_title(doc.title)
        self.set_creator("bmnn")
        self.alias_nb_pages(NB_ALIAS)  # wide enough to reserve room for a 5-digit page count

    def header(self) -> None:
        if self.doc.level_mark:
            self._level_mark(self.doc.page.top - 11)
        self.set_y(self.doc.page.top)  # content starts at the top margin, below the level mark
        if self.table_columns:
            self._header_row()

    def footer(self) -> None:
        bottom = self.h - self.doc.page.bottom
        self.set_font(PDF_FAMILY, "", SMALL_PT)
        self.set_text_color(0, 0, 0)
        self.set_xy(self.l_margin, bottom + 2)
        self.cell(self.epw, 5, f"Trang {self.page_no()}/{NB_ALIAS}", align="C")
        if self.doc.form_key:
            self.set_xy(self.l_margin, bottom + 2)
            self.cell(self.epw, 5, self.doc.form_key, align="R")
        if self.doc.level_mark:
            self._level_mark(bottom + 8)

    def _level_mark(self, y: float) -> None:
        self.set_font(PDF_FAMILY, "B", 12)
        self.set_text_color(*RED)
        self.set_xy(self.l_margin, y)
        self.cell(self.epw, 6, self.doc.level_mark, align="C")
        self.set_text_color(0, 0, 0)

    def _header_row(self) -> None:
        self.set_font(PDF_FAMILY, "B", TABLE_PT)
        labels = [c.label for c in self.table_columns]
        self._draw_row(labels, ["center"] * len(labels), fill=True)
        self.set_font(PDF_FAMILY, "", TABLE_PT)

    def line_h(self) -> float:
        return self.font_size * 1.25

    def width(self, text: str) -> float:
        """String width with a per-style cache: register cells repeat the same words thousands of times,
        and fpdf2's own measuring is the slow part of a 50,000-row book."""
        key = (self.font_style, self.font_size_pt, text)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = self.get_string_width(text)
        return found

    def wrap(self, text: str, width: float) -> list[str]:
        return wrap(text, width, self.width)

    def layout(self, texts: list[str]) -> tuple[float, list[list[str]]]:
        split = [self.wrap(t, c.width_mm - 2 * PAD) for t, c in zip(texts, self.table_columns, strict=True)]
        return max(len(s) for s in split) * self.line_h() + 2 * PAD, split

    def _draw_row(self, texts: list[str], aligns: list[str], *, fill: bool = False) -> None:
        height, split = self.layout(texts)
        self._draw_laid_out(height, split, aligns, fill=fill)

    def _draw_laid_out(self, height: float, split: list[list[str]], aligns: list[str], *, fill: bool) -> None:
        x, y = self.l_margin, self.get_y()
        line_h, ascent = self.line_h(), self.font_size * 0.95
        if fill:
            self.set_fill_color(235, 235, 235)
        for col, lines, align in zip(self.table_columns, split, aligns, strict=True):
            self.rect(x, y, col.width_mm, height, style="DF" if fill else "D")
            inner = col.width_mm - 2 * PAD
            for i, line in enumerate(lines):
                if not line:
                    continue
                offset = {
                    "left": 0.0,
                    "center": (inner - self.width(line)) / 2,
                    "right": inner - self.width(line),
                }
                self.text(x + PAD + offset[align], y + PAD + i * line_h + ascent, line)
            x += col.width_mm
        self.set_xy(self.l_margin, y + height)

    def body_row(self, row: Row) -> None:
        style = "I" if row.cancelled else ""
        if self.font_style != style or self.font_size_pt != TABLE_PT:
            self.set_font(PDF_FAMILY, style, TABLE_PT)
        height, split = self.layout(print_cells(row, self.table_columns))
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
            self.set_font(PDF_FAMILY, style, TABLE_PT)
        self._draw_laid_out(height, split, [c.align for c in self.table_columns], fill=False)


def render_pdf(doc: Document, out: str | Path | BinaryIO) -> int:
    """Write ``doc`` as PDF to ``out``; returns the number of pages. A register book (cover and
    table, no stamps) is streamed page by page so its memory stays bounded at any length."""
    if doc.cover is not None and doc.table is not None and not doc.stamps:
        from bmnn.forms.render.pdf_book import render_book

        return render_book(doc, out)
    from bmnn.forms.render.pdf_parts import draw_body, draw_cover, draw_letterhead, draw_signatures

    pdf = _Pdf(doc)
    pdf.add_page()
    if doc.cover:
        draw_cover(pdf, doc)
    else:
        draw_letterhead(pdf, doc)
        draw_body(pdf, doc)
    if doc.table is not None:
        _draw_table(pdf, doc)
    if not doc.cover:
        draw_signatures(pdf, doc)
    data = bytes(pdf.output())
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return pdf.pages_count


def _draw_table(pdf: _Pdf, doc: Document) -> None:
    assert doc.table is not None
    pdf.set_auto_page_break(False, margin=doc.page.bottom)
    pdf.table_columns = doc.table.columns
    if doc.cover:
        pdf.add_page()  # header() draws the column headers on this and every following page
    else:
        pdf._header_row()
    done = 0
    for row in printable_rows(doc.table):
        pdf.body_row(row)
        done += 1
        if doc.progress and done % 500 == 0:
            doc.progress(done, doc.table.expected_rows)
    if doc.progress:
        doc.progress(done, doc.table.expected_rows)
    pdf.table_columns = ()
    pdf.set_auto_page_break(True, margin=doc.page.bottom)
