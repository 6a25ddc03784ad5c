"""Stamps drawn as vector graphics (rectangles and text) at their real size in mm."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bmnn.forms.document import Stamp
from bmnn.forms.render.fonts import PDF_FAMILY

PT_TO_MM = 25.4 / 72


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def draw_stamp(pdf: FPDF, stamp: Stamp, x: float, y: float) -> None:
    spec = stamp.spec
    r, g, b = hex_rgb(spec.colour)
    pdf.set_draw_color(r, g, b)
    pdf.set_text_color(r, g, b)
    pdf.set_line_width(0.5)
    if spec.border != "none":
        pdf.rect(x, y, spec.width_mm, spec.height_mm)
    if spec.border == "double":
        pdf.set_line_width(0.3)
        pdf.rect(x + 0.9, y + 0.9, spec.width_mm - 1.8, spec.height_mm - 1.8)
    size = _fitting_size(pdf, stamp)
    line_h = size * PT_TO_MM * 1.2
    top = y + (spec.height_mm - line_h * len(stamp.lines)) / 2
    for i, line in enumerate(stamp.lines):
        pdf.set_xy(x, top + i * line_h)
        pdf.cell(spec.width_mm, line_h, line, align="C", new_x=XPos.RIGHT, new_y=YPos.TOP)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_text_color(0, 0, 0)
    pdf.set_line_width(0.2)


def _fitting_size(pdf: FPDF, stamp: Stamp) -> float:
    """The defined font size, shrunk only if a filled-in line would overflow the stamp's width
    (a stamp keeps its size; the text adapts)."""
    spec = stamp.spec
    size = spec.font_size_pt
    style = "B" if spec.bold else ""
    while size > 6:
        pdf.set_font(PDF_FAMILY, style, size)
        widest = max((pdf.get_string_width(line) for line in stamp.lines), default=0)
        if widest <= spec.width_mm - 3 and len(stamp.lines) * size * PT_TO_MM * 1.2 <= spec.height_mm:
            break
        size -= 0.5
    return size
