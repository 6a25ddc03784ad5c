"""The legal library: texts that matter to BMNN work, lookup and "in force on" checks.

Pure Python (no Django). Shipped entries come from ``data/texts.json``; the web
app will pass user-added entries through ``LegalLibrary.with_entries``.
"""

from bmnn.legal.library import (
    LegalLibrary,
    LegalText,
    RefLike,
    Violation,
    check_in_force,
    default_library,
)

__all__ = ["LegalLibrary", "LegalText", "RefLike", "Violation", "check_in_force", "default_library"]
