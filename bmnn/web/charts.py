"""Small server-rendered SVG charts (no JavaScript, no inline style: CSP-safe)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def bar_chart(
    points: Sequence[tuple[str, int]], *, width: int = 640, height: int = 160, title: str = ""
) -> SafeString:
    """Vertical bars with labels under each bar and the value above it."""
    if not points:
        return mark_safe("")  # nosec B308 - every piece escaped before joining
    top = max(v for _, v in points) or 1
    pad, label_h = 24, 28
    slot = (width - 2 * pad) / len(points)
    usable = height - label_h - pad
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(points):
        h = usable * value / top
        x = pad + i * slot + slot * 0.15
        y = pad + usable - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="#8b1a1a"/>'
        )
        parts.append(
            f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" font-size="11" text-anchor="middle">{value}</text>'
        )
        parts.append(
            f'<text x="{x + slot * 0.35:.1f}" y="{height - 8}" font-size="10" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every label is escaped above) # nosec B308 B703
