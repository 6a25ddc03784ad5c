"""Classification assistant: from a document's text to Danh mục items, level and citation (issue #10).

Pure Python, no Django: ``build_index(entries)`` once, then ``suggest(index, text)`` per document.
"""

from __future__ import annotations

from bmnn.assistant.entries import CatalogEntry, load_catalog
from bmnn.assistant.index import Index, build_index
from bmnn.assistant.suggest import Exclusion, Suggestion, SuggestResult, suggest

__all__ = [
    "CatalogEntry",
    "Exclusion",
    "Index",
    "SuggestResult",
    "Suggestion",
    "build_index",
    "load_catalog",
    "suggest",
]
