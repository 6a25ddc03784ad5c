"""A register book (cover + table) as PDF, streamed page by page: memory stays bounded at any length.

Same layout as the fpdf2 renderer (``pdf.py``): the highest level contained in red at the top and
bottom of every page, the column headers repeated on every table page, "Trang x/y" in the footer,
cancelled rows in italics with ĐÃ HỦY, Tuyệt mật rows without their summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from bmnn.forms.catalogue.schema import Column
from bmnn.forms.document import Document, Row, print_cells, printable_rows
from bmnn.forms.render.fonts import FILES, font_path
from bmnn.forms.render.layout import wrap
from bmnn.forms.render.pdfstream import MM, StreamPdf

RED = (192, 0, 0)
GREY = (235, 235, 235)
TABLE_PT, SMALL_PT, MARK_PT = 10, 9, 12
PAD = 1.0
LINE = 1.25  # line height as a multiple of the font size
PROGRESS_EVERY = 500


class _Book:
    def __init__(self, doc: Document, pdf: StreamPdf) -> None:
        self.doc, self.pdf, self.page = doc, pdf, doc.page
        self.columns: tuple[Column, ...] = doc.table.columns if doc.table else ()
        self.y = self.page.top

    # -- page furniture ---------------------------------------------------------------------------
    def new_page(self, *, table: bool) -> None:
        self.pdf.add_page()
        if self.doc.level_mark:
            self.centred(self.page.top - 11 + 4.5, self.doc.level_mark, "B", MARK_PT, RED)
        self.footer()
        self.y = self.page.top
        if table:
            labels = [c.label for c in self.columns]
            self.row(labels, ["center"] * len(labels), style="B", fill=GREY)

    def footer(self) -> None:
        bottom = self.page_bottom()
        centre = self.page.left + self.page.printable_width_mm / 2
        label = f"Trang {self.pdf.page_no}/"
        baseline = bottom + 2 + 3.6
        # The slash sits at the centre: the total is written only when the last page is known.
        self.pdf.text(centre - self.pdf.width(label, "", SMALL_PT), baseline, label, size=SMALL_PT)
        self.pdf.page_total(centre, baseline, size=SMALL_PT)
        if self.doc.form_key:
            right = self.page.left + self.page.printable_width_mm
            self.pdf.text(right - self.pdf.width(self.doc.form_key, "", SMALL_PT), baseline, self.doc.form_key,
                          size=SMALL_PT)  # fmt: skip
        if self.doc.level_mark:
            self.centred(bottom + 8 + 4.5, self.doc.level_mark, "B", MARK_PT, RED)

    def centred(self, baseline: float, text: str, style: str, size: float,
                colour: tuple[int, int, int] = (0, 0, 0)) -> None:  # fmt: skip
        x = self.page.left + (self.page.printable_width_mm - self.pdf.width(text, style, size)) / 2
        self.pdf.text(x, baseline, text, style=style, size=size, colour=colour)

    # -- cover ------------------------------------------------------------------------------------
    def cover(self) -> None:
        """The book's cover (bìa sổ): Mẫu 15 TT 24/2020 lists the cover's items [M]."""
        cover = self.doc.cover
        assert cover is not None
        self.new_page(table=False)
        y = self.page.top + 6
        if cover.governing_body:
            y = self.centred_block(y, cover.governing_body.upper(), "", 14, 7)
        y = self.centred_block(y, cover.agency.upper(), "B", 14, 7)
        y = self.centred_block(y + 25, cover.title, "B", 22, 11) + 4 + 15
        x = self.page.left + self.page.printable_width_mm * 0.3
        for label, value in cover.lines:
            self.pdf.text(x, y + 5.5, f"{label}: {value or '…………'}", size=14)
            y += 8

    def centred_block(self, y: float, text: str, style: str, size: float, line_h: float) -> float:
        lines = wrap(text, self.page.printable_width_mm, lambda s: self.pdf.width(s, style, size))
        for line in lines:
            self.centred(y + line_h / 2 + size / MM * 0.35, line, style, size)
            y += line_h
        return y

    # -- table ------------------------------------------------------------------------------------
    def layout(self, texts: list[str], style: str) -> tuple[float, list[list[str]]]:
        def measure(s: str) -> float:
            return self.pdf.width(s, style, TABLE_PT)

        split = [wrap(t, c.width_mm - 2 * PAD, measure) for t, c in zip(texts, self.columns, strict=True)]
        return max(len(s) for s in split) * TABLE_PT / MM * LINE + 2 * PAD, split

    def row(self, texts: list[str], aligns: list[str], *, style: str = "",
            fill: tuple[int, int, int] | None = None) -> None:  # fmt: skip
        height, split = self.layout(texts, style)
        if self.y + height > self.page_bottom():
            self.new_page(table=True)
        x, size_mm = self.page.left, TABLE_PT / MM
        for col, lines, align in zip(self.columns, split, aligns, strict=True):
            self.pdf.rect(x, self.y, col.width_mm, height, fill=fill)
            inner = col.width_mm - 2 * PAD
            for i, line in enumerate(lines):
                if not line:
                    continue
                offset = 0.0 if align == "left" else inner - self.pdf.width(line, style, TABLE_PT)
                offset = offset / 2 if align == "center" else offset
                baseline = self.y + PAD + i * size_mm * LINE + size_mm * 0.95
                self.pdf.text(x + PAD + offset, baseline, line, style=style, size=TABLE_PT)
            x += col.width_mm
        self.y += height

    def page_bottom(self) -> float:
        return self.pdf.h - self.page.bottom

    def body_row(self, row: Row) -> None:
        self.row(print_cells(row, self.columns), [c.align for c in self.columns],
                 style="I" if row.cancelled else "")  # fmt: skip


def render_book(doc: Document, out: str | Path | BinaryIO) -> int:
    """Write the register book ``doc`` (cover + table) to ``out``; returns the number of pages."""
    if isinstance(out, str | Path):
        with open(out, "wb") as handle:
            return render_book(doc, handle)
    assert doc.table is not None and doc.cover is not None
    pdf = StreamPdf(out, width_mm=doc.page.width_mm, height_mm=doc.page.height_mm, title=doc.title,
                    fonts={style: font_path(style) for style in FILES})  # fmt: skip
    book = _Book(doc, pdf)
    book.cover()
    book.new_page(table=True)
    done = 0
    for row in printable_rows(doc.table):
        book.body_row(row)
        done += 1
        if doc.progress and done % PROGRESS_EVERY == 0:
            doc.progress(done, doc.table.expected_rows)
    if doc.progress:
        doc.progress(done, doc.table.expected_rows)
    return pdf.close()
