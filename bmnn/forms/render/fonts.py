"""The bundled serif (Liberation Serif 2.x, SIL OFL): metric-compatible with Times New Roman and
complete for Vietnamese, so a PDF made on any machine shows every diacritic."""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
PDF_FAMILY = "BmnnSerif"
DOCX_FAMILY = "Times New Roman"  # NĐ 30/2020 Phụ lục I: phông chữ Times New Roman
FILES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}


def font_path(style: str) -> Path:
    return FONT_DIR / f"LiberationSerif-{FILES[style]}.ttf"
