"""Mark the phrases a suggestion matched inside the catalog item's own text (for the proposal form)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    # Words of a phrase may be separated by punctuation in the item ("sáp nhập, hợp nhất").
    parts = [r"\W+".join(re.escape(w) for w in p.split()) for p in phrases if p.strip()]
    if not parts:
        return None
    parts.sort(key=len, reverse=True)  # longest first, so "Đề án" does not cut a longer phrase
    return re.compile("|".join(parts), re.IGNORECASE)


def highlight(text: str, phrases: Iterable[str]) -> SafeString:
    """``text`` HTML-escaped, with every matched phrase wrapped in ``<mark>``."""
    pattern = _pattern(phrases)
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped just here # nosec B308 B703
    out: list[str] = []
    last = 0
    for found in pattern.finditer(text):
        out.append(escape(text[last : found.start()]))
        out.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above # nosec B308 B703
