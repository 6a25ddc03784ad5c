"""BM25-style index over catalog entries, built once and reused for every document.

Each entry's topic n-grams get a weight: inverse document frequency across the catalog (BM25's idf),
times a discount for n-grams that ordinary administrative prose uses all the time (counted once in
kế hoạch texts shipped as ``data/background.json``), times a kind factor (syllable pairs are closer to
words than single syllables). The heading an item hangs under is kept apart: it is a condition the
document must also meet ("… phục vụ trực tiếp cho quốc phòng, an ninh …, gồm: 2. Báo cáo thẩm định").
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bmnn.assistant.entries import CatalogEntry
from bmnn.assistant.features import ItemShape, item_shape
from bmnn.assistant.vocab import GENRES

BACKGROUND = Path(__file__).resolve().parent / "data" / "background.json"
UNIGRAM_FACTOR = 0.35
GENRE_FACTOR = 0.5


@dataclass(frozen=True)
class IndexedEntry:
    entry: CatalogEntry
    shape: ItemShape
    context_shape: ItemShape
    weights: dict[str, float]
    total: float
    context_total: float


@dataclass(frozen=True)
class Index:
    entries: tuple[IndexedEntry, ...]
    # key → (entry position, weight, True when the key comes from the heading rather than the item)
    postings: dict[str, tuple[tuple[int, float, bool], ...]]


@cache
def background_counts() -> dict[str, int]:
    try:
        return dict(json.loads(BACKGROUND.read_text(encoding="utf-8"))["counts"])
    except (OSError, ValueError, KeyError):
        return {}


def build_index(entries: Sequence[CatalogEntry]) -> Index:
    shapes = [(item_shape(e.text), item_shape(e.context)) for e in entries]
    df: Counter[str] = Counter()
    for text_shape, context_shape in shapes:
        df.update(set(text_shape.topic) | set(context_shape.topic))
    n = len(entries)
    indexed: list[IndexedEntry] = []
    postings: dict[str, list[tuple[int, float, bool]]] = {}
    for position, (entry, (text_shape, context_shape)) in enumerate(zip(entries, shapes, strict=True)):
        context = {k: _weight(k, df[k], n) for k in context_shape.topic if k not in text_shape.topic}
        weights = {k: _weight(k, df[k], n) for k in text_shape.topic}
        total, context_total = sum(weights.values()), sum(context.values())
        indexed.append(
            IndexedEntry(entry, text_shape, context_shape, weights | context, total, context_total)
        )
        for key, weight in weights.items():
            postings.setdefault(key, []).append((position, weight, False))
        for key, weight in context.items():
            postings.setdefault(key, []).append((position, weight, True))
    return Index(tuple(indexed), {k: tuple(v) for k, v in postings.items()})


def _weight(key: str, df: int, n: int) -> float:
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    common = background_counts().get(key, 0)
    kind = (GENRE_FACTOR if tuple(key.split()) in GENRES else 1.0) if " " in key else UNIGRAM_FACTOR
    return max(idf, 0.1) * kind / (1 + 0.5 * math.log1p(common))
