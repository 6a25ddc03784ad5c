"""Rank catalog entries for a document: the "Gợi ý căn cứ" of a classification proposal.

Score = share of the entry's weighted topic n-grams found in the document (saturating, so a long
enumerating item needs a fair part, not all, of its alternatives), adjusted by document genre and by
status: an item that only covers matters "chưa công khai" / "khi chưa được Quốc hội thông qua" is
excluded when the document says the matter is already public or passed. "No match" is a normal
answer, never a guess (Luật 117/2025/QH15 forbids classifying what the Danh mục does not list).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bmnn.assistant import vocab
from bmnn.assistant.entries import LEVEL_RANK, CatalogEntry
from bmnn.assistant.features import query_features
from bmnn.assistant.index import Index, IndexedEntry
from bmnn.assistant.phrases import matched_phrases

THRESHOLD = 0.42
MIN_BIGRAMS = 2
SATURATION_BASE = 6.0
SATURATION_SHARE = 0.25
QUALIFIER_WEIGHT = 1.5
PASSAGE_WORDS = 80
HEADING_WORDS = 30
PUBLIC_PENALTY = 0.7
# Protection periods implied by a level (Luật 29/2018/QH14 Điều 19.1; for 2025 the same values are an
# assumption [L] — callers pass the rule set in force instead).
DEFAULT_PERIOD_YEARS = {"top_secret": 30, "secret": 20, "confidential": 10}

Reranker = Callable[[str, Sequence[CatalogEntry]], Sequence[float]]


@dataclass(frozen=True)
class Suggestion:
    entry: CatalogEntry
    score: float
    confidence: float
    matched: tuple[str, ...]

    @property
    def citation(self) -> str:
        return self.entry.citation


@dataclass(frozen=True)
class Exclusion:
    entry: CatalogEntry
    score: float
    reason_vi: str


@dataclass(frozen=True)
class SuggestResult:
    suggestions: tuple[Suggestion, ...]
    level: str | None
    no_match: bool
    period_years: int | None
    excluded: tuple[Exclusion, ...] = ()


@dataclass(frozen=True)
class _Status:
    public: bool
    nonpublic: bool
    genres: frozenset[str]
    folded: str


def suggest(
    index: Index,
    text: str,
    *,
    top: int = 5,
    threshold: float = THRESHOLD,
    period_years: dict[str, int] | None = None,
    reranker: Reranker | None = None,
) -> SuggestResult:
    """Ranked entries for ``text``; the resulting level is the highest among the suggestions."""
    scored, excluded, evidence = _best_over_passages(index, text)
    if reranker is not None and scored:
        scored = _rerank(reranker, text, scored)
    accepted = [(s, e) for s, e in scored if s >= threshold][:top]
    suggestions = tuple(
        Suggestion(
            e.entry,
            round(min(s, 1.0), 4),
            _confidence(s, threshold),
            matched_phrases(e, *evidence[e.entry.id]),
        )
        for s, e in accepted
    )
    level = max((s.entry.level for s in suggestions), key=LEVEL_RANK.__getitem__, default=None)
    periods = period_years or DEFAULT_PERIOD_YEARS
    exclusions = tuple(x for x in excluded if x.score >= threshold)
    return SuggestResult(
        suggestions, level, not suggestions, periods.get(level) if level else None, exclusions
    )


def passages(text: str) -> list[str]:
    """Overlapping windows of about ``PASSAGE_WORDS`` words: an item's evidence must sit together,
    otherwise a long plan that mentions everything once would match every item."""
    words = text.split()
    if len(words) <= PASSAGE_WORDS:
        return [text]
    step = PASSAGE_WORDS // 2
    return [" ".join(words[i : i + PASSAGE_WORDS]) for i in range(0, len(words) - step, step)]


def _best_over_passages(
    index: Index, text: str
) -> tuple[list[tuple[float, IndexedEntry]], list[Exclusion], dict[str, tuple[set[str], bool]]]:
    heading_keys, _ = query_features(" ".join(text.split()[:HEADING_WORDS]))
    best: dict[str, tuple[float, IndexedEntry]] = {}
    evidence: dict[str, tuple[set[str], bool]] = {}
    excluded: dict[str, Exclusion] = {}
    for passage in passages(text):
        keys, folded = query_features(passage)
        status = _status(keys | heading_keys, " | ".join(folded))
        scored, dropped = _score_all(index, keys, status)
        for score, indexed in scored:
            if score > best.get(indexed.entry.id, (-1.0, indexed))[0]:
                best[indexed.entry.id] = (score, indexed)
                evidence[indexed.entry.id] = (keys, status.nonpublic)
        for exclusion in dropped:
            excluded.setdefault(exclusion.entry.id, exclusion)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].entry.id))
    return ranked, [x for k, x in excluded.items() if k not in best], evidence


def _status(keys: set[str], folded: str) -> _Status:
    genres = frozenset(g for g in (" ".join(p) for p in vocab.GENRES) if g in keys)
    public = bool(vocab.PUBLIC_ASSERTION.search(folded))
    nonpublic = bool(vocab.NONPUBLIC_ASSERTION.search(folded))
    return _Status(public, nonpublic, genres, folded)


@dataclass
class _Evidence:
    text: float = 0.0
    context: float = 0.0
    bigrams: int = 0


def _score_all(
    index: Index, keys: set[str], status: _Status
) -> tuple[list[tuple[float, IndexedEntry]], list[Exclusion]]:
    evidence: dict[int, _Evidence] = {}
    for key in keys:
        for position, weight, is_context in index.postings.get(key, ()):
            found = evidence.setdefault(position, _Evidence())
            found.bigrams += " " in key
            if is_context:
                found.context += weight
            else:
                found.text += weight
    scored: list[tuple[float, IndexedEntry]] = []
    excluded: list[Exclusion] = []
    for position, found in evidence.items():
        indexed = index.entries[position]
        qualified = any(q.removeprefix("khi ") in status.folded for q in indexed.shape.qualifiers)
        if found.bigrams + qualified < MIN_BIGRAMS:
            continue
        score = _score(indexed, found, status, qualified)
        if indexed.shape.qualifiers and status.public and not status.nonpublic:
            excluded.append(Exclusion(indexed.entry, round(min(score, 1.0), 4), _public_reason(indexed)))
            continue
        scored.append((score, indexed))
    scored.sort(key=lambda pair: (-pair[0], pair[1].entry.id))
    return scored, sorted(excluded, key=lambda x: -x.score)


def _coverage(matched: float, total: float) -> float:
    saturation = min(total, SATURATION_BASE + SATURATION_SHARE * total)
    return matched / saturation if saturation else 0.0


def _score(indexed: IndexedEntry, found: _Evidence, status: _Status, qualified: bool) -> float:
    """Unclipped ranking score; ``THRESHOLD`` separates suggestions from "no match"."""
    score = _coverage(found.text + (QUALIFIER_WEIGHT if qualified else 0.0), indexed.total)
    if indexed.context_total:
        # The heading is a condition too: both must be met (weighted geometric mean).
        context = min(1.0, _coverage(found.context, indexed.context_total))
        score = score**0.6 * max(context, 0.2) ** 0.4
    specific = {g for g in indexed.shape.genres if tuple(g.split()) not in vocab.GENERIC_GENRES}
    if specific:
        score *= 1.1 if specific & status.genres else 0.85
    if status.public and not status.nonpublic:
        # BMNN is by definition information not yet made public (Luật 29/2018/QH14 Điều 2.1).
        score *= PUBLIC_PENALTY
    elif indexed.shape.qualifiers and status.public:
        score *= 0.7
    elif indexed.shape.qualifiers and status.nonpublic:
        score *= 1.1
    return score


def _public_reason(indexed: IndexedEntry) -> str:
    qualifier = indexed.shape.qualifiers[0]
    return (
        f"Mục này chỉ gồm nội dung có điều kiện “{qualifier}” (dạng không dấu), "
        "nhưng văn bản nêu nội dung đã được công khai hoặc đã được Quốc hội thông qua."
    )


def _confidence(score: float, threshold: float) -> float:
    """Logistic of the distance to the threshold: 0.5 at the threshold, ~0.9 at +0.18."""
    return round(1 / (1 + math.exp(-(score - threshold) / 0.08)), 3)


def _rerank(
    reranker: Reranker, text: str, scored: list[tuple[float, IndexedEntry]]
) -> list[tuple[float, IndexedEntry]]:
    head = scored[:20]
    similarities = reranker(text, [e.entry for _, e in head])
    mixed = [(0.75 * s + 0.25 * max(0.0, sim), e) for (s, e), sim in zip(head, similarities, strict=True)]
    mixed.sort(key=lambda pair: (-pair[0], pair[1].entry.id))
    return mixed + scored[20:]
