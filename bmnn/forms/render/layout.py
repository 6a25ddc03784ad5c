"""Word wrap by measured width, shared by the fpdf2 renderer and the streaming book writer."""

from __future__ import annotations

from collections.abc import Callable


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap; a word wider than the cell is cut by characters. Widths add up (no kerning),
    so a line's width is kept as it grows instead of measuring the whole line again for every word."""
    out: list[str] = []
    space = measure(" ")
    for para in text.split("\n") if text else [""]:
        line, used = "", 0.0
        for word in para.split():
            w = measure(word)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                out.append(line)
            line, used = word, w
            while used > width and len(line) > 1:
                cut = _fitting_prefix(line, width, measure)
                out.append(line[:cut])
                line = line[cut:]
                used = measure(line)
        out.append(line)
    return out or [""]


def _fitting_prefix(word: str, width: float, measure: Callable[[str], float]) -> int:
    cut = len(word) - 1
    while cut > 1 and measure(word[:cut]) > width:
        cut -= 1
    return cut
