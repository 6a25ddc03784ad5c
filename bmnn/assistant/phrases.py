"""Turn matched n-grams back into the item's own words, for highlighting ("sáp nhập", "tiền lương")."""

from __future__ import annotations

from bmnn.assistant.features import ItemShape
from bmnn.assistant.index import IndexedEntry

MAX_PHRASES = 8


def matched_phrases(indexed: IndexedEntry, keys: set[str], with_qualifier: bool) -> tuple[str, ...]:
    phrases = _runs(indexed.shape, keys) + _runs(indexed.context_shape, keys)
    if with_qualifier:
        phrases += _qualifier_surfaces(indexed.shape)
    seen: list[str] = []
    for phrase in phrases:
        if phrase not in seen:
            seen.append(phrase)
    return tuple(seen[:MAX_PHRASES])


def _runs(shape: ItemShape, keys: set[str]) -> list[str]:
    covered: set[int] = set()
    for key, positions in shape.topic.items():
        if " " in key and key in keys:
            covered.update(positions)
    runs: list[list[int]] = []
    for position in sorted(covered):
        if runs and runs[-1][-1] == position - 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return [" ".join(shape.tokens[i][0] for i in run) for run in runs]


def _qualifier_surfaces(shape: ItemShape) -> list[str]:
    keys = [k for _, k in shape.tokens]
    out: list[str] = []
    for qualifier in shape.qualifiers:
        pattern = qualifier.split()
        for start in range(len(keys) - len(pattern) + 1):
            if keys[start : start + len(pattern)] == pattern:
                out.append(" ".join(shape.tokens[i][0] for i in range(start, start + len(pattern))))
                break
    return out
