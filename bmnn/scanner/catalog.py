"""Catalog resemblance through the classification assistant (``bmnn.assistant``), when present.

Optional: the scanner runs without it. ``AssistantMatcher`` is a plain picklable callable (it can be
sent to ``--jobs`` workers); it returns the best-matching Danh mục item as a :class:`CatalogHit`, so
a SUSPECT finding cites the decision, Điều, khoản, điểm and level. A resemblance is never a block on
its own (Điều 9, 10 Luật Bảo vệ bí mật nhà nước: only the Danh mục and the competent person decide).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bmnn.scanner.model import LEVEL_LABELS, CatalogHit, Level


class AssistantMatcher:
    """``text -> [CatalogHit]`` over catalog entries (``bmnn.assistant.CatalogEntry``) or a built index."""

    def __init__(self, entries: Sequence[Any] = (), index: Any = None, top: int = 1) -> None:
        self._entries = list(entries)
        self._index = index
        self.top = top

    def __getstate__(self) -> dict[str, Any]:
        # Workers rebuild the index from the entries: smaller to send than the index itself.
        return {"_entries": self._entries, "_index": None if self._entries else self._index, "top": self.top}

    def _built(self) -> Any:
        if self._index is None:
            from bmnn.assistant import build_index

            self._index = build_index(self._entries)
        return self._index

    def __call__(self, text: str) -> list[CatalogHit]:
        from bmnn.assistant import suggest

        result = suggest(self._built(), text, top=self.top)
        return [hit_of(s.entry, s.confidence, s.matched) for s in result.suggestions]


def hit_of(entry: Any, confidence: float, matched: Sequence[str] = ()) -> CatalogHit:
    level = Level(entry.level) if entry.level in Level._value2member_map_ else None
    label = entry.citation + (f" ({LEVEL_LABELS[level]})" if level else "")
    citation = {
        "decision": entry.decision,
        "article": entry.article,
        "clause": entry.clause,
        "point": entry.point,
        "level": entry.level,
        "text": entry.text[:300],
        "citation": entry.citation,
        "matched": ", ".join(matched)[:200],
    }
    return CatalogHit(label=label, score=float(confidence), level=level, citation=citation)


def load_matcher(path: str | Path | None = None) -> AssistantMatcher:
    """Matcher over a catalog JSON file shaped like the starter catalog (``{"items": [...]}``)."""
    from bmnn.assistant import load_catalog

    return AssistantMatcher(load_catalog(path))
