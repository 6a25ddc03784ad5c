"""Catalog entries the suggester ranks, and loading them from the starter catalog JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bmnn.lib.citation import format_citation

STARTER_CATALOG = Path(__file__).resolve().parent.parent / "catalog" / "data" / "starter.json"
LEVEL_RANK = {"confidential": 1, "secret": 2, "top_secret": 3}
LEVEL_LABELS = {"top_secret": "Tuyệt mật", "secret": "Tối mật", "confidential": "Mật"}


@dataclass(frozen=True)
class CatalogEntry:
    """One Danh mục item as the suggester sees it (the caller maps its own rows to this).

    ``context`` is the heading the item hangs under (article lead-in, clause heading); optional.
    """

    id: str
    decision: str
    level: str
    article: str
    clause: str
    point: str
    text: str
    context: str = ""

    @property
    def citation(self) -> str:
        """ "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg" — the order Vietnamese documents cite in."""
        return format_citation(self.article, self.clause, self.point, self.decision)


def entries_from_dicts(rows: Iterable[dict[str, object]]) -> list[CatalogEntry]:
    fields = ("id", "decision", "level", "article", "clause", "point", "text", "context")
    return [CatalogEntry(**{f: str(row.get(f) or "") for f in fields}) for row in rows]  # type: ignore[arg-type]


def load_catalog(path: str | Path | None = None) -> list[CatalogEntry]:
    """Entries from a JSON file shaped like ``starter.json`` ({"items": [...]}) or a bare list."""
    data = json.loads(Path(path or STARTER_CATALOG).read_text(encoding="utf-8"))
    rows = data["items"] if isinstance(data, dict) else data
    return entries_from_dicts(rows)
