"""``Document`` → DOCX (python-docx; Times New Roman, editable in Word and LibreOffice).

python-docx builds the page frame (letterhead, cover, header row, signature). Register rows are not
added through python-docx (its XML tree would hold all 50,000 rows in memory): the table gets a
marker row, and while the package is written out the marker is replaced by rows streamed as XML
straight into ``word/document.xml``, so memory stays flat whatever the size of the book.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from bmnn.forms.document import MOTTO_1, MOTTO_2, Document, print_cells, printable_rows
from bmnn.forms.render.docx_parts import (
    TWIPS_PER_MM,
    add_field,
    add_stamp,
    paragraph,
    set_run_font,
    set_table_width,
)
from bmnn.forms.render.fonts import DOCX_FAMILY

MARKER = "@@BMNN-ROWS@@"
TABLE_PT = 10
RED = "#C00000"


def render_docx(doc: Document, out: str | Path | BinaryIO) -> None:
    word = docx.Document()
    _page_setup(word, doc)
    if doc.cover:
        _cover(word, doc)
    else:
        _letterhead(word, doc)
        for text in doc.body:
            paragraph(word, text, align="justify", after=6)
    if doc.table is not None:
        _table_frame(word, doc)
    if not doc.cover:
        _signatures(word, doc)
    frame = io.BytesIO()
    word.save(frame)
    frame.seek(0)
    if doc.table is None:
        _write(out, frame)
        return
    with tempfile.TemporaryFile() as tmp:
        _stream_rows(frame, tmp, doc)
        tmp.seek(0)
        _write(out, tmp)


def _write(out: str | Path | BinaryIO, src: BinaryIO) -> None:
    if isinstance(out, str | Path):
        with open(out, "wb") as fh:
            shutil.copyfileobj(src, fh)
    else:
        shutil.copyfileobj(src, out)


def _page_setup(word: Any, doc: Document) -> None:
    style = word.styles["Normal"]
    style.font.name = DOCX_FAMILY
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), DOCX_FAMILY)
    section = word.sections[0]
    page = doc.page
    if page.orientation == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance = section.footer_distance = Mm(8)
    if doc.level_mark:
        head = section.header.paragraphs[0]
        head.alignment = 1
        set_run_font(head.add_run(doc.level_mark), size=12, bold=True, colour=RED)
    footer = section.footer
    p = footer.paragraphs[0]
    p.alignment = 1
    set_run_font(p.add_run("Trang "), size=9)
    add_field(p, "PAGE", size=9)
    set_run_font(p.add_run("/"), size=9)
    add_field(p, "NUMPAGES", size=9)
    if doc.form_key:
        set_run_font(p.add_run(f"    {doc.form_key}"), size=8)
    if doc.level_mark:
        paragraph(footer, doc.level_mark, size=12, bold=True, align="center", colour=RED)


def _letterhead(word: Any, doc: Document) -> None:
    head = doc.letterhead
    if head is not None:
        table = word.add_table(rows=1, cols=2)
        set_table_width(table, [72, doc.page.printable_width_mm - 72])
        left, right = table.rows[0].cells
        left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
        right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
        if head.governing_body:
            paragraph(left, head.governing_body.upper(), size=12, align="center")
        paragraph(left, head.agency.upper(), size=12, bold=True, align="center")
        if head.number:
            paragraph(left, f"Số: {head.number}", size=13, align="center")
        paragraph(right, MOTTO_1, size=12, bold=True, align="center")
        paragraph(right, MOTTO_2, size=13, bold=True, align="center", after=6)
        if head.date_line:
            paragraph(right, head.date_line, size=13, italic=True, align="center")
    for stamp in doc.stamps:
        paragraph(word, "", size=6)
        add_stamp(word, stamp)
    paragraph(word, "", size=6)
    paragraph(word, doc.title, size=14, bold=True, align="center")
    if doc.subtitle:
        paragraph(word, doc.subtitle, size=13, bold=True, align="center", after=12)


def _cover(word: Any, doc: Document) -> None:
    assert doc.cover is not None
    if doc.cover.governing_body:
        paragraph(word, doc.cover.governing_body.upper(), size=14, align="center")
    paragraph(word, doc.cover.agency.upper(), size=14, bold=True, align="center", after=60)
    paragraph(word, doc.cover.title, size=22, bold=True, align="center", after=12)
    for stamp in doc.stamps:
        add_stamp(word, stamp, align="center")
    paragraph(word, "", after=30)
    for label, value in doc.cover.lines:
        p = paragraph(word, f"{label}: {value or '…………'}", size=14)
        p.paragraph_format.left_indent = Mm(doc.page.printable_width_mm * 0.3)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


SIGNERS_PER_ROW = 3  # as in the PDF: a council signs in rows of three


def _signatures(word: Any, doc: Document) -> None:
    """One signer: "Nơi nhận" left, signature right (NĐ 30/2020); several: rows of three, then
    "Nơi nhận". An empty paragraph first keeps Word from merging this table with a table above."""
    if not doc.signatures and not doc.recipients:
        return
    paragraph(word, "", size=6)
    single = len(doc.signatures) <= 1
    cols = 2 if single and doc.recipients else max(1, min(len(doc.signatures), SIGNERS_PER_ROW))
    rows = 1 if single else -(-len(doc.signatures) // SIGNERS_PER_ROW)
    table = word.add_table(rows=rows, cols=cols)
    cells = [cell for row in table.rows for cell in row.cells]
    for cell in cells:
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    if single and doc.recipients:
        _recipients(cells[0], doc)
        cells = cells[1:]
    for cell, sig in zip(cells, doc.signatures, strict=False):
        paragraph(cell, sig.title.upper(), size=13, bold=True, align="center")
        paragraph(cell, "(Ký, ghi rõ họ tên)", size=11, italic=True, align="center", after=60)
        paragraph(cell, sig.name, size=13, bold=True, align="center")
    for cell in cells[len(doc.signatures) :]:
        paragraph(cell, "")  # a cell must hold a paragraph
    if not single and doc.recipients:
        _recipients(word, doc)


def _recipients(container: Any, doc: Document) -> None:
    paragraph(container, "Nơi nhận:", size=12, bold=True, italic=True)
    for line in doc.recipients:
        paragraph(container, f"- {line}", size=11)


def _table_frame(word: Any, doc: Document) -> None:
    assert doc.table is not None
    columns = doc.table.columns
    table = word.add_table(rows=2, cols=len(columns))
    table.style = word.styles["Table Grid"]
    set_table_width(table, [c.width_mm for c in columns])
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
    for cell, col in zip(header.cells, columns, strict=True):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        paragraph(cell, col.label, size=TABLE_PT, bold=True, align="center")
    table.rows[1].cells[0].paragraphs[0].add_run(MARKER)


def _stream_rows(frame: BinaryIO, target: BinaryIO, doc: Document) -> None:
    with zipfile.ZipFile(frame) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info.filename))
                continue
            xml = src.read(info.filename).decode("utf-8")
            at = xml.index(MARKER)
            start, end = xml.rindex("<w:tr", 0, at), xml.index("</w:tr>", at) + len("</w:tr>")
            with dst.open("word/document.xml", "w", force_zip64=True) as out:
                out.write(xml[:start].encode("utf-8"))
                _write_rows(out, doc)
                out.write(xml[end:].encode("utf-8"))


def _write_rows(out: Any, doc: Document) -> None:
    assert doc.table is not None
    columns = doc.table.columns
    cells_pr = [
        (f'<w:tc><w:tcPr><w:tcW w:w="{round(c.width_mm * TWIPS_PER_MM)}" w:type="dxa"/></w:tcPr>'
         f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{ {"left": "left", "center": "center", "right": "right"}[c.align] }"/></w:pPr>')
        for c in columns
    ]  # fmt: skip
    size = TABLE_PT * 2
    done = 0
    for row in printable_rows(doc.table):
        italic = "<w:i/>" if row.cancelled else ""
        run_pr = f'<w:rPr><w:rFonts w:ascii="{DOCX_FAMILY}" w:hAnsi="{DOCX_FAMILY}" w:cs="{DOCX_FAMILY}"/>{italic}<w:sz w:val="{size}"/></w:rPr>'
        parts = ["<w:tr><w:trPr><w:cantSplit/></w:trPr>"]
        for pr, text in zip(cells_pr, print_cells(row, columns), strict=True):
            run = f'<w:r>{run_pr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
            parts.append(f"{pr}{run}</w:p></w:tc>")
        parts.append("</w:tr>")
        out.write("".join(parts).encode("utf-8"))
        done += 1
        if doc.progress and done % 500 == 0:
            doc.progress(done, doc.table.expected_rows)
    if doc.progress:
        doc.progress(done, doc.table.expected_rows)
