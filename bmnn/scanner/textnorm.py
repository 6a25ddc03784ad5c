"""Normalisation for matching, with a map from every normalised character back to the source.

The matching form is: NFC, lower case, one tone-placement convention (the tone on the main vowel,
"hoà", "thuý"), every run of whitespace / NBSP one space, zero-width characters removed, and
letter-spaced words re-joined ("T Ố I  M Ậ T" → "tối mật"). Diacritics are *kept*: "mật", "mất" and
"mặt" are different words, so accent folding (``bmnn.lib.vntext.fold``) would drown the detectors in
false positives; it is used only for document numbers, where "QĐ" and "QD" must meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")
VOWELS = frozenset("aăâeêioôơuưy")
MODIFIED = frozenset("ăâêôơư")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Norm:
    """Normalised text; ``offsets[i]`` is the index in the source of normalised character ``i``."""

    text: str
    offsets: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source [start, end) covering normalised [start, end)."""
        if start >= end or not self.offsets:
            return (0, 0)
        return (self.offsets[start], self.offsets[end - 1] + 1)


def _squeeze(src: str) -> tuple[list[str], list[int], list[int]]:
    """Lower-case, drop zero-width characters and fold whitespace; remember each gap's width."""
    chars: list[str] = []
    offs: list[int] = []
    gaps: list[int] = []  # for a space in ``chars``: how many source blanks it stands for
    for i, ch in enumerate(src):
        if ch in ZERO_WIDTH:
            continue
        if ch.isspace():
            if chars and chars[-1] == " ":
                gaps[-1] += 1
            else:
                chars.append(" ")
                offs.append(i)
                gaps.append(1)
            continue
        low = ch.lower()
        chars.append(low if len(low) == 1 else ch)
        offs.append(i)
        gaps.append(0)
    return chars, offs, gaps


def _join_letter_spacing(chars: list[str], offs: list[int], gaps: list[int]) -> tuple[list[str], list[int]]:
    """Drop single blanks inside runs of 3+ one-letter tokens ("t ố i  m ậ t" → "tối mật")."""
    n = len(chars)
    single = [
        chars[i].isalpha() and (i == 0 or chars[i - 1] == " ") and (i + 1 == n or chars[i + 1] == " ")
        for i in range(n)
    ]
    drop: set[int] = set()
    i = 0
    while i < n:
        if not single[i]:
            i += 1
            continue
        run = [i]
        j = i
        while j + 2 < n and gaps[j + 1] == 1 and single[j + 2]:
            run.append(j + 2)
            j += 2
        if len(run) >= 3:
            drop.update(k + 1 for k in run[:-1])
        i = j + 1
    out_c = [c for k, c in enumerate(chars) if k not in drop]
    out_o = [o for k, o in enumerate(offs) if k not in drop]
    return out_c, out_o


def _tone_target(word: str, vowel_idx: list[int]) -> int:
    """Index in ``word`` where the tone belongs under the "new" convention."""
    cluster = vowel_idx
    if (len(cluster) > 1 and word[cluster[0]] == "u" and cluster[0] > 0 and word[cluster[0] - 1] == "q") or (
        len(cluster) > 1 and word[cluster[0]] == "i" and cluster[0] > 0 and word[cluster[0] - 1] == "g"
    ):
        cluster = cluster[1:]
    mods = [k for k in cluster if word[k] in MODIFIED]
    if mods:
        return mods[-1]
    if cluster[-1] + 1 < len(word) or len(cluster) == 1:
        return cluster[-1] if cluster[-1] + 1 < len(word) else cluster[0]
    pair = word[cluster[0]] + word[cluster[1]]
    if len(cluster) == 2 and pair in ("oa", "oe", "uy"):
        return cluster[1]
    if len(cluster) == 3:
        return cluster[1]
    return cluster[0]


def _tone_tables() -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], str]]:
    split: dict[str, tuple[str, str]] = {}
    for base in "aăâeêioôơuưy":
        for tone in TONES:
            split[unicodedata.normalize("NFC", base + tone)] = (base, tone)
    return split, {v: k for k, v in split.items()}


_TONED, _JOIN = _tone_tables()


def _canon_word(word: str) -> str:
    """Move a misplaced tone mark within one syllable; length is unchanged (1:1 characters)."""
    toned = [k for k, ch in enumerate(word) if ch in _TONED]
    if len(toned) != 1:
        return word
    k = toned[0]
    neighbours = (k > 0 and word[k - 1] in VOWELS) or (k + 1 < len(word) and word[k + 1] in VOWELS)
    if not neighbours:
        return word  # a single vowel carries the tone: nowhere else to put it
    base, tone = _TONED[word[k]]
    bases = list(word)
    bases[k] = base
    vowel_idx = [i for i, b in enumerate(bases) if b in VOWELS]
    if vowel_idx != list(range(vowel_idx[0], vowel_idx[-1] + 1)):
        return word
    target = _tone_target("".join(bases), vowel_idx)
    if target == k:
        return word
    bases[target] = _JOIN.get((bases[target], tone), bases[target])
    return "".join(bases)


def canon_tones(text: str) -> str:
    return _WORD.sub(lambda m: _canon_word(m.group(0)), text)


def normalize(src: str) -> Norm:
    """Matching form of ``src`` (expected NFC) with its offset map."""
    chars, offs, gaps = _squeeze(src)
    chars, offs = _join_letter_spacing(chars, offs, gaps)
    while chars and chars[0] == " ":
        chars.pop(0)
        offs.pop(0)
    while chars and chars[-1] == " ":
        chars.pop()
        offs.pop()
    text = canon_tones("".join(chars))
    return Norm(text=text, offsets=tuple(offs))


def canon(phrase: str) -> str:
    """Normalise a pattern phrase written by hand, so rules and text meet in one form."""
    return normalize(unicodedata.normalize("NFC", phrase)).text
