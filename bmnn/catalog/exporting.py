"""A catalog as an .xlsx workbook that the importer reads back (open items only)."""

from __future__ import annotations

import re

from bmnn.catalog import queries
from bmnn.catalog.importing import ParsedCatalog, ParsedItem, write_xlsx
from bmnn.catalog.models import Catalog


def catalog_xlsx(catalog: Catalog) -> bytes:
    # Closed items are left out: a re-imported file must not reopen them.
    rows = queries.citation_order(catalog.items.filter(valid_to__isnull=True).select_related("catalog"))
    items = tuple(ParsedItem(r.level, r.article, r.clause, r.point, r.text, 0, r.context) for r in rows)
    parsed = ParsedCatalog(catalog.decision, catalog.signed_on, catalog.sector, catalog.title, items, ())
    return write_xlsx(parsed)


def export_filename(catalog: Catalog) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", catalog.decision.replace("Đ", "D").replace("đ", "d")).strip("-")
    return f"danh-muc-{safe or catalog.pk}.xlsx"
