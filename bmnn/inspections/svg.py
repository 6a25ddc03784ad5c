"""Server-rendered SVG charts whose bars link to the list behind each number (CSP-safe: classes only,
styled by ``static/inspections/inspections.css``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str = ""
    css: str = "bar"


def linked_bar_chart(bars: Sequence[Bar], *, title: str, width: int = 360, row: int = 26) -> SafeString:
    """Horizontal bars: label on the left, bar and value on the right; each row links to its list."""
    if not bars:
        return mark_safe("")  # nosec B308 - every piece escaped before joining
    top = max(b.value for b in bars) or 1
    label_w, bar_w = width * 0.46, width * 0.42
    height = row * len(bars) + 6
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, bar in enumerate(bars):
        y = 3 + i * row
        w = max(bar_w * bar.value / top, 2.0 if bar.value else 0.0)
        body = (
            f'<text class="lbl" x="{label_w - 6:.1f}" y="{y + row * 0.62:.1f}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect class="bar-rest" x="{label_w:.1f}" y="{y + 4}" width="{bar_w:.1f}" height="{row - 8}"/>'
            f'<rect class="{escape(bar.css)}" x="{label_w:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}">'
            f"<title>{escape(bar.label)}: {bar.value}</title></rect>"
            f'<text class="val" x="{label_w + bar_w + 6:.1f}" y="{y + row * 0.62:.1f}">{bar.value}</text>'
        )
        parts.append(f'<a href="{escape(bar.url)}">{body}</a>' if bar.url else body)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every label and URL is escaped above) # nosec B308 B703
