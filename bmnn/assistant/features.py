"""Syllables, n-grams and roles (genre / topic / qualifier) of Vietnamese text, accent-folded.

Vietnamese words are mostly one or two syllables written apart, so adjacent-syllable pairs stand in
for words ("sáp nhập", "tiền lương") without a segmenter; single syllables add recall. N-grams never
cross punctuation: "chia, tách" are alternatives, not the word "chia tách".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bmnn.assistant import vocab
from bmnn.lib.vntext import fold, nfc

Token = tuple[str, str]  # (surface as written, folded key)
_SPLIT = re.compile(r"[,;:.()\[\]\n\r\t!?\"“”'/]|\s-\s")
_WORD = re.compile(r"\w+")


def segments(text: str) -> Iterator[list[Token]]:
    """Punctuation-free runs of tokens."""
    for part in _SPLIT.split(nfc(text)):
        tokens = [(w, fold(w)) for w in _WORD.findall(part)]
        tokens = [t for t in tokens if t[1]]
        if tokens:
            yield tokens


def query_features(text: str) -> tuple[set[str], list[str]]:
    """All unigram and bigram keys of a document, plus its folded text for status phrases."""
    keys: set[str] = set()
    folded_parts: list[str] = []
    for seg in segments(text):
        words = [k for _, k in seg]
        keys.update(words)
        keys.update(f"{a} {b}" for a, b in itertools.pairwise(words))
        folded_parts.append(" ".join(words))
    return keys, folded_parts


@dataclass(frozen=True)
class ItemShape:
    """What an item is made of: topic n-grams (with the syllable positions they cover), genres, qualifiers."""

    tokens: tuple[Token, ...]
    topic: dict[str, tuple[int, ...]]
    genres: frozenset[str]
    qualifiers: tuple[str, ...]


def item_shape(text: str) -> ItemShape:
    tokens: list[Token] = []
    topic: dict[str, list[int]] = {}
    genres: set[str] = set()
    qualifiers: list[str] = []
    for seg in segments(text):
        base = len(tokens)
        tokens.extend(seg)
        roles = _roles([k for _, k in seg], genres, qualifiers)
        _topic_ngrams(seg, roles, base, topic)
    frozen = {k: tuple(sorted(set(v))) for k, v in topic.items()}
    return ItemShape(tuple(tokens), frozen, frozenset(genres), tuple(qualifiers))


def _roles(keys: list[str], genres: set[str], qualifiers: list[str]) -> list[str]:
    roles = ["t"] * len(keys)
    for start in range(len(keys)):
        for pattern in vocab.QUALIFIERS:
            if tuple(keys[start : start + len(pattern)]) == pattern and roles[start] == "t":
                roles[start : start + len(pattern)] = ["q"] * len(pattern)
                qualifiers.append(" ".join(pattern))
                break
    for i in range(len(keys) - 1):
        if (keys[i], keys[i + 1]) in vocab.GENRES and roles[i] == roles[i + 1] == "t":
            roles[i] = roles[i + 1] = "g"
            genres.add(f"{keys[i]} {keys[i + 1]}")
    return roles


def _topic_ngrams(seg: list[Token], roles: list[str], base: int, out: dict[str, list[int]]) -> None:
    keys = [k for _, k in seg]
    for i, key in enumerate(keys):
        if roles[i] == "g" and i + 1 < len(keys) and roles[i + 1] == "g":
            # Genre pairs are content too when an item lists document kinds ("thuyết minh, báo cáo …").
            out.setdefault(f"{key} {keys[i + 1]}", []).extend((base + i, base + i + 1))
        if roles[i] != "t":
            continue
        if key not in vocab.STOPWORDS and len(key) > 1:
            out.setdefault(key, []).append(base + i)
        if i + 1 < len(keys) and roles[i + 1] == "t":
            if key in vocab.STOPWORDS and keys[i + 1] in vocab.STOPWORDS:
                continue
            out.setdefault(f"{key} {keys[i + 1]}", []).extend((base + i, base + i + 1))
