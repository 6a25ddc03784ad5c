"""WordprocessingML helpers for the DOCX renderer: fonts, fields, cell borders, stamps as tables."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from bmnn.forms.document import Stamp
from bmnn.forms.render.fonts import DOCX_FAMILY

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
TWIPS_PER_MM = 1440 / 25.4


def set_run_font(
    run: Any, *, size: float, bold: bool = False, italic: bool = False, colour: str = ""
) -> None:
    run.font.name = DOCX_FAMILY
    run.font.size = Pt(size)
    run.font.bold, run.font.italic = bold, italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), DOCX_FAMILY)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def paragraph(container: Any, text: str, *, size: float = 13, bold: bool = False, italic: bool = False,
              align: str = "left", colour: str = "", after: float = 0) -> Any:  # fmt: skip
    p = container.add_paragraph()
    p.alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.space_before = Pt(0)
    if text:
        set_run_font(p.add_run(text), size=size, bold=bold, italic=italic, colour=colour)
    return p


def add_field(p: Any, instruction: str, *, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) so page numbers are right after any edit."""
    run = p.add_run()
    set_run_font(run, size=size)
    for kind, text in (("begin", ""), ("instr", instruction), ("separate", ""), ("text", "1"), ("end", "")):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def set_cell_borders(cell: Any, *, colour: str, style: str, size_eighths: int = 8) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), {"double": "double", "single": "single"}.get(style, "nil"))
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:color"), colour.lstrip("#").upper())
        borders.append(el)
    tc_pr.append(borders)


def set_table_width(table: Any, widths_mm: list[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
    for col, width in zip(table.columns, widths_mm, strict=False):
        col.width = Mm(width)


def set_row_height(row: Any, height_mm: float, *, exact: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:trHeight")
    el.set(qn("w:val"), str(round(height_mm * TWIPS_PER_MM)))
    el.set(qn("w:hRule"), "exact" if exact else "atLeast")
    tr_pr.append(el)


def add_stamp(container: Any, stamp: Stamp, *, align: str = "left") -> Any:
    """A stamp as a one-cell table at its size with a red border: editable in Word and LibreOffice."""
    spec = stamp.spec
    table = container.add_table(rows=1, cols=1)
    table.alignment = {"left": 0, "center": 1, "right": 2}[align]
    set_table_width(table, [spec.width_mm])
    set_row_height(table.rows[0], spec.height_mm, exact=True)
    cell = table.rows[0].cells[0]
    set_cell_borders(cell, colour=spec.colour, style=spec.border, size_eighths=8)
    cell.vertical_alignment = 1  # centre
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for line in stamp.lines:
        paragraph(cell, line, size=spec.font_size_pt, bold=spec.bold, align="center", colour=spec.colour)
    if stamp.caption:
        paragraph(container, stamp.caption, size=8, italic=True, after=6)
    return table
