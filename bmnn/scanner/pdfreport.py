"""A PDF report of a scan (fpdf2), for the file that goes with a document to the person who approves it.

Vietnamese needs a TrueType font with its letters: DejaVu Sans (Debian: fonts-dejavu-core) or Arial on
Windows. Without one, the report is still produced, in letters without diacritics, and says so on its
first line rather than printing boxes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bmnn.scanner.model import LEVEL_LABELS, LOC_SEP, VERDICT_LABELS, FileResult, ScanReport, Verdict

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
NO_FONT_NOTE = "Khong tim thay phong chu tieng Viet (DejaVu Sans): bao cao in chu khong dau."
_COLOURS = {
    Verdict.SECRET: (176, 0, 32),
    Verdict.CANNOT_VERIFY: (138, 75, 0),
    Verdict.SUSPECT: (179, 107, 0),
    Verdict.DECLASSIFIED: (27, 94, 32),
    Verdict.CLEAN: (27, 94, 32),
}


def find_font() -> str:
    return next((f for f in FONT_CANDIDATES if Path(f).exists()), "")


def ascii_only(text: str) -> str:
    """Fallback for the core PDF fonts (Latin-1 only): drop diacritics, đ→d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return stripped.encode("latin-1", "replace").decode("latin-1")


def render_pdf(report: ScanReport, now: datetime | None = None, title: str = "") -> bytes:
    from fpdf import FPDF

    now = now or datetime.now()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    font = find_font()
    if font:
        pdf.add_font("Report", fname=font)
        pdf.set_font("Report", size=10)
        txt: Callable[[str], str] = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    else:
        pdf.set_font("Helvetica", size=10)
        txt = ascii_only
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if not font:
        pdf.multi_cell(width, 5, NO_FONT_NOTE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(14)
    pdf.multi_cell(
        width, 7, txt(title or "Báo cáo rà soát tệp trước khi phát hành"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font_size(10)
    counts = report.summary()["by_verdict"]
    summary = ", ".join(f"{VERDICT_LABELS[Verdict(k)]}: {v}" for k, v in counts.items() if v)
    head = f"Thời điểm: {now:%d/%m/%Y %H:%M}. Số tệp: {len(report.files)}. {summary}."
    pdf.multi_cell(width, 5, txt(head), new_x="LMARGIN", new_y="NEXT")
    warn = "“Không kiểm tra được” không có nghĩa là sạch: tệp phải được người có trách nhiệm xem trực tiếp."
    pdf.multi_cell(width, 5, txt(warn), new_x="LMARGIN", new_y="NEXT")
    for result in report.files:
        _file_block(pdf, result, width, txt)
    return bytes(pdf.output())


def _file_block(p: Any, result: FileResult, width: float, txt: Callable[[str], str]) -> None:
    p.ln(3)
    level = f" — {LEVEL_LABELS[result.level]}" if result.level else ""
    p.set_text_color(*_COLOURS[result.verdict])
    line = f"{VERDICT_LABELS[result.verdict]}{level}: {result.path}"
    p.multi_cell(width, 6, txt(line), new_x="LMARGIN", new_y="NEXT")
    p.set_text_color(0, 0, 0)
    for f in result.findings:
        mark = " [đã duyệt]" if f.allowed else ""
        row = f"• {f.message}{mark} ({f.rule_id}, {f.confidence:.2f}) — {LOC_SEP.join(f.loc)}"
        p.multi_cell(width, 5, txt(row), new_x="LMARGIN", new_y="NEXT")
        if f.snippet:
            p.multi_cell(width, 5, txt(f"    “{f.snippet}”"), new_x="LMARGIN", new_y="NEXT")
    for problem in result.problems:
        row = f"⚠ {problem.message} — {LOC_SEP.join(problem.loc)}"
        p.multi_cell(width, 5, txt(row), new_x="LMARGIN", new_y="NEXT")
