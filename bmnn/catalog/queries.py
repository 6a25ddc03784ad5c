"""Reads of Danh mục catalogs, filtered by who is asking.

Catalogs are public decisions or agency lists, not secrets; but an agency-entered catalog is visible
only inside that agency. Without a user, only the shared catalogs (``agency`` empty) are returned.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404

from bmnn.assistant import CatalogEntry, Index, SuggestResult, build_index, suggest
from bmnn.catalog.models import Catalog, CatalogItem
from bmnn.lib import clock
from bmnn.lib.vntext import fold

SEARCH_LIMIT = 200
_INDEX_CACHE_SIZE = 8


def _visible(user: Any) -> Q:
    agency_id = getattr(user, "agency_id", None) if user is not None else None
    if agency_id is None:
        return Q(agency__isnull=True)
    return Q(agency__isnull=True) | Q(agency_id=agency_id)


def visible_catalogs(user: Any) -> QuerySet[Catalog]:
    return Catalog.objects.filter(_visible(user)).annotate(item_count=Count("items"))


def visible_items(user: Any) -> QuerySet[CatalogItem]:
    visible = Q(catalog__agency__isnull=True)
    agency_id = getattr(user, "agency_id", None) if user is not None else None
    if agency_id is not None:
        visible |= Q(catalog__agency_id=agency_id)
    return CatalogItem.objects.filter(visible).select_related("catalog")


def get_catalog_for_user(user: Any, catalog_id: int) -> Catalog:
    catalog = visible_catalogs(user).filter(pk=catalog_id).first()
    if catalog is None:
        raise Http404("Không tìm thấy danh mục.")
    return catalog


def get_item_for_user(user: Any, item_id: int) -> CatalogItem:
    item = visible_items(user).filter(pk=item_id).first()
    if item is None:
        raise Http404("Không tìm thấy mục danh mục.")
    return item


def _in_force(items: QuerySet[CatalogItem], on: dt.date) -> QuerySet[CatalogItem]:
    items = items.annotate(
        _start=Coalesce(F("valid_from"), F("catalog__valid_from"), F("catalog__signed_on")),
        _end=Coalesce(F("valid_to"), F("catalog__valid_to")),
    )
    return items.filter(Q(_start__isnull=True) | Q(_start__lte=on)).filter(
        Q(_end__isnull=True) | Q(_end__gt=on)
    )


def items_in_force(on: dt.date | None = None, *, user: Any = None) -> QuerySet[CatalogItem]:
    """Items a classification dated ``on`` (default today) may cite."""
    return _in_force(visible_items(user), on or clock.today())


def search_items(q: str, on: dt.date | None = None, *, user: Any = None) -> QuerySet[CatalogItem]:
    """Accent-insensitive search (đ→d); every word must occur in the item, its heading or decision.

    With ``on``, only items in force on that date; without it, closed items are found too (a past
    classification still cites them).
    """
    items = visible_items(user) if on is None else items_in_force(on, user=user)
    for word in fold(q).split():
        items = items.filter(Q(search_text__contains=word) | Q(catalog__decision__icontains=word))
    return items.order_by("catalog__decision", "article", "clause", "point")


def citation_order(items: QuerySet[CatalogItem]) -> list[CatalogItem]:
    """Điều 2 before Điều 10: numbers sort as numbers, letters (điểm) as letters."""

    def key(item: CatalogItem) -> tuple[Any, ...]:
        return tuple(
            (0, int(p), "") if p.isdigit() else (1, 0, p) for p in (item.article, item.clause, item.point)
        )

    return sorted(items, key=key)


# --- classification suggestions -------------------------------------------------------------

_cache: OrderedDict[tuple[Any, ...], tuple[Index, dict[str, CatalogItem]]] = OrderedDict()
_cache_lock = threading.Lock()


def _version(items: QuerySet[CatalogItem]) -> tuple[Any, ...]:
    # Items are never deleted and their text never edited; adding or closing one changes this key,
    # so the index is rebuilt exactly when the catalog changed (in any process sharing the DB).
    stats = items.aggregate(n=Count("pk"), last=Max("pk"), closed=Count("valid_to"), latest=Max("valid_to"))
    return (stats["n"], stats["last"], stats["closed"], stats["latest"])


def _entry(item: CatalogItem) -> CatalogEntry:
    return CatalogEntry(
        id=str(item.pk),
        decision=item.catalog.decision,
        level=item.level,
        article=item.article,
        clause=item.clause,
        point=item.point,
        text=item.text,
        context=item.context,
    )


def suggestion_index(*, user: Any = None, on: dt.date | None = None) -> tuple[Index, dict[str, CatalogItem]]:
    on = on or clock.today()
    items = items_in_force(on, user=user)
    key = (getattr(user, "agency_id", None), on, *_version(visible_items(user)))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    rows = list(items.order_by("pk"))
    built = (build_index([_entry(r) for r in rows]), {str(r.pk): r for r in rows})
    with _cache_lock:
        _cache[key] = built
        while len(_cache) > _INDEX_CACHE_SIZE:
            _cache.popitem(last=False)
    return built


@dataclass(frozen=True)
class ItemSuggestion:
    item: CatalogItem
    score: float
    confidence: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class ItemExclusion:
    item: CatalogItem
    reason_vi: str


@dataclass(frozen=True)
class CatalogSuggestions:
    suggestions: tuple[ItemSuggestion, ...]
    level: str | None  # the highest level among the suggestions
    no_match: bool  # "no item fits" is a normal answer, never a guess
    period_years: int | None
    excluded: tuple[ItemExclusion, ...] = ()  # close items ruled out by the document's own words


def suggest_for_text(
    text: str, *, top: int = 5, user: Any = None, on: dt.date | None = None
) -> CatalogSuggestions:
    """Catalog items in force on ``on`` (default today) that fit a document text, best first."""
    index, rows = suggestion_index(user=user, on=on)
    result: SuggestResult = suggest(index, text, top=top)
    found = tuple(
        ItemSuggestion(rows[s.entry.id], s.score, s.confidence, s.matched) for s in result.suggestions
    )
    excluded = tuple(ItemExclusion(rows[x.entry.id], x.reason_vi) for x in result.excluded)
    return CatalogSuggestions(found, result.level, result.no_match, result.period_years, excluded)
