"""The NĐ 30/2020 parts of a page in PDF: letterhead, title, body, signature, "Nơi nhận", book cover."""

from __future__ import annotations

from typing import Any

from fpdf.enums import XPos, YPos

from bmnn.forms.document import MOTTO_1, MOTTO_2, Document
from bmnn.forms.render.fonts import PDF_FAMILY
from bmnn.forms.render.pdf_stamps import draw_stamp

LEFT_W = 72.0  # the agency block (NĐ 30/2020: about 1/3 of the width, left); the motto takes the rest


def _centered(pdf: Any, x: float, w: float, text: str, style: str, size: float, h: float = 6) -> None:
    pdf.set_font(PDF_FAMILY, style, size)
    pdf.set_x(x)
    pdf.multi_cell(w, h, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def draw_letterhead(pdf: Any, doc: Document) -> None:
    head = doc.letterhead
    top = pdf.get_y()
    if head is not None:
        x0, right_x = pdf.l_margin, pdf.l_margin + LEFT_W
        if head.governing_body:
            _centered(pdf, x0, LEFT_W, head.governing_body.upper(), "", 12)
        _centered(pdf, x0, LEFT_W, head.agency.upper(), "B", 12)
        if head.number:
            _centered(pdf, x0, LEFT_W, f"Số: {head.number}", "", 13)
        left_bottom = pdf.get_y()
        pdf.set_y(top)
        _centered(pdf, right_x, pdf.epw - LEFT_W, MOTTO_1, "B", 12)
        _centered(pdf, right_x, pdf.epw - LEFT_W, MOTTO_2, "B", 13)
        if head.date_line:
            pdf.set_y(pdf.get_y() + 2)
            _centered(pdf, right_x, pdf.epw - LEFT_W, head.date_line, "I", 13)
        pdf.set_y(max(left_bottom, pdf.get_y()) + 2)
    _stamps_row(pdf, doc)
    pdf.set_y(pdf.get_y() + 4)
    _centered(pdf, pdf.l_margin, pdf.epw, doc.title, "B", 14, 7)
    if doc.subtitle:
        _centered(pdf, pdf.l_margin, pdf.epw, doc.subtitle, "B", 13, 6)
    pdf.set_y(pdf.get_y() + 4)


def _stamps_row(pdf: Any, doc: Document) -> None:
    """Stamps of a generated document sit under the number line, left (Mẫu 19 TT 24/2020: the level
    stamp below the số, ký hiệu); a stamp sheet shows each stamp with its caption."""
    x, y, tallest = pdf.l_margin, pdf.get_y(), 0.0
    for stamp in doc.stamps:
        if x + stamp.spec.width_mm > pdf.l_margin + pdf.epw:
            x, y, tallest = pdf.l_margin, y + tallest + 4, 0.0
        draw_stamp(pdf, stamp, x, y)
        height = stamp.spec.height_mm
        if stamp.caption:
            pdf.set_font(PDF_FAMILY, "I", 8)
            pdf.set_xy(x, y + height + 1)
            pdf.multi_cell(max(stamp.spec.width_mm, 50), 3.5, stamp.caption, align="L")
            height = pdf.get_y() - y
        x, tallest = x + max(stamp.spec.width_mm, 50 if stamp.caption else 0) + 6, max(tallest, height)
    pdf.set_xy(pdf.l_margin, y + tallest + (2 if doc.stamps else 0))


def draw_body(pdf: Any, doc: Document) -> None:
    pdf.set_font(PDF_FAMILY, "", 13)
    for paragraph in doc.body:
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(pdf.epw, 6.5, paragraph, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(pdf.get_y() + 1.5)


SIGNERS_PER_ROW = 3  # a council signs in rows of three so every name keeps a readable width


def draw_signatures(pdf: Any, doc: Document) -> None:
    """One signer: "Nơi nhận" left, the signature right (NĐ 30/2020). Several signers (minutes signed
    by every council member): rows of up to three signatures, then "Nơi nhận" below them."""
    if not doc.signatures and not doc.recipients:
        return
    if len(doc.signatures) <= 1:
        _signature_with_recipients(pdf, doc)
        return
    sigs = doc.signatures
    for start in range(0, len(sigs), SIGNERS_PER_ROW):
        row = sigs[start : start + SIGNERS_PER_ROW]
        if pdf.get_y() + 45 > pdf.page_break_trigger:
            pdf.add_page()
        top, width, bottom = pdf.get_y() + 4, pdf.epw / len(row), pdf.get_y()
        for i, sig in enumerate(row):
            pdf.set_y(top)
            _signature(pdf, pdf.l_margin + i * width, width, sig)
            bottom = max(bottom, pdf.get_y())
        pdf.set_y(bottom)
    if doc.recipients:
        _recipients(pdf, pdf.get_y() + 4)


def _signature(pdf: Any, x: float, width: float, sig: Any) -> None:
    _centered(pdf, x, width, sig.title.upper(), "B", 13)
    pdf.set_font(PDF_FAMILY, "I", 11)
    pdf.set_x(x)
    pdf.cell(width, 5, "(Ký, ghi rõ họ tên)", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(pdf.get_y() + 20)
    _centered(pdf, x, width, sig.name, "B", 13)


def _recipients(pdf: Any, top: float) -> None:
    if top + 10 > pdf.page_break_trigger:
        pdf.add_page()
        top = pdf.get_y()
    pdf.set_xy(pdf.l_margin, top)
    pdf.set_font(PDF_FAMILY, "BI", 12)
    pdf.cell(60, 6, "Nơi nhận:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(PDF_FAMILY, "", 11)
    for line in pdf.doc.recipients:
        pdf.cell(80, 5, f"- {line}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _signature_with_recipients(pdf: Any, doc: Document) -> None:
    if pdf.get_y() + 45 > pdf.page_break_trigger:
        pdf.add_page()
    top = pdf.get_y() + 4
    if doc.recipients:
        _recipients(pdf, top)
    left_end = pdf.get_y()
    for sig in doc.signatures:
        pdf.set_y(top)
        _signature(pdf, pdf.l_margin + pdf.epw * 0.5, pdf.epw * 0.5, sig)
    pdf.set_y(max(left_end, pdf.get_y()))


def draw_cover(pdf: Any, doc: Document) -> None:
    """The book's cover (bìa sổ): Mẫu 15 TT 24/2020 lists the cover's items [M]."""
    assert doc.cover is not None
    pdf.set_y(pdf.t_margin + 6)
    if doc.cover.governing_body:
        _centered(pdf, pdf.l_margin, pdf.epw, doc.cover.governing_body.upper(), "", 14, 7)
    _centered(pdf, pdf.l_margin, pdf.epw, doc.cover.agency.upper(), "B", 14, 7)
    pdf.set_y(pdf.get_y() + 25)
    _centered(pdf, pdf.l_margin, pdf.epw, doc.cover.title, "B", 22, 11)
    pdf.set_y(pdf.get_y() + 4)
    _stamps_row_centered(pdf, doc)
    pdf.set_y(pdf.get_y() + 15)
    pdf.set_font(PDF_FAMILY, "", 14)
    for label, value in doc.cover.lines:
        pdf.set_x(pdf.l_margin + pdf.epw * 0.3)
        pdf.cell(pdf.epw * 0.6, 8, f"{label}: {value or '…………'}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _stamps_row_centered(pdf: Any, doc: Document) -> None:
    width = sum(s.spec.width_mm for s in doc.stamps) + 6 * max(len(doc.stamps) - 1, 0)
    x, y = pdf.l_margin + (pdf.epw - width) / 2, pdf.get_y()
    for stamp in doc.stamps:
        draw_stamp(pdf, stamp, x, y)
        x += stamp.spec.width_mm + 6
    pdf.set_y(y + max((s.spec.height_mm for s in doc.stamps), default=0))
