"""Rule registry plumbing: candidate lines found by a cheap keyword prefilter, then confirmation.

A *segment* is a stamp-sized piece of a line: lines are split at tabs and runs of 3+ blanks, because a
stamp is often typed on the same line as the document number, pushed right with spaces or tabs.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bmnn.scanner.model import Chunk, Effect, Finding, Level, Utf8Chunk
from bmnn.scanner.textnorm import Norm, normalize

if TYPE_CHECKING:
    from bmnn.scanner.rules.prefilter import Prefilter

TOP_LINES = 12  # a stamp "near the top" sits above the first dozen lines/paragraphs of its page/part
_SEGMENT_SPLIT = re.compile(r"\t| {3,}|\u00a0{2,}|\u3000")
# What may surround a stamp: blanks, stars, quotes, brackets, frames. A leading "-", "+", "a)" or "1."
# makes the line a list item (a law or a training slide enumerating the levels), not a stamp.
STAMP_FRAME = r"""[\s*★☆✱"'“”‘’«»\(\)\[\]<>|_=~#]*"""


_SPACED_OR_HIDDEN = re.compile(r"(?:^|\s)\w \w \w|[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


Buffer = str | bytes  # a chunk's text, or the UTF-8 bytes of a Utf8Chunk (offsets are then byte offsets)


def line_text(buf: Buffer, start: int, end: int) -> str:
    piece = buf[start:end]
    return piece.decode("utf-8", "surrogatepass") if isinstance(piece, bytes) else piece


def _newline(buf: Buffer) -> str | bytes:
    return b"\n" if isinstance(buf, bytes) else "\n"


class LineCounter:
    """Line numbers within one chunk, counted only when asked: most candidate lines of a big text are
    prose that no rule confirms, and counting every newline up to each of them costs a full pass."""

    def __init__(self, text: Buffer) -> None:
        self.text = text
        self.newline = _newline(text)
        self.pos = 0
        self.count = 0

    def at(self, offset: int) -> int:
        if offset < self.pos:  # asked out of order: start again (segments come in order, so rarely)
            self.pos, self.count = 0, 0
        self.count += self.text.count(self.newline, self.pos, offset)  # type: ignore[arg-type]
        self.pos = offset
        return self.count


@dataclass
class Segment:
    chunk_index: int
    chunk: Chunk
    lines: LineCounter
    start: int  # offsets in ``buf`` (chunk.text, or chunk.utf8 for a Utf8Chunk searched as bytes)
    end: int
    multiline: bool
    line_start: int = 0
    line_end: int = 0

    @property
    def buf(self) -> Buffer:
        return self.lines.text

    @functools.cached_property
    def raw(self) -> str:
        return line_text(self.buf, self.start, self.end)

    @functools.cached_property
    def line_no(self) -> int:
        """0-based line within the chunk."""
        return self.lines.at(self.line_start)

    @functools.cached_property
    def norm(self) -> Norm:
        """Computed only for segments some rule wants: most candidate lines are plain prose."""
        return normalize(self.raw)

    @functools.cached_property
    def disguised(self) -> bool:
        """Letter-spaced or zero-width-split text: raw keywords cannot be trusted, only the normal form."""
        return bool(_SPACED_OR_HIDDEN.search(self.raw))

    @property
    def prominent(self) -> bool:
        return self.chunk.kind in ("margin", "box") or self.chunk.order + self.line_no < TOP_LINES

    def source(self, nstart: int, nend: int) -> str:
        s, e = self.norm.source_span(nstart, nend)
        return self.raw[s:e]

    def is_upper(self, nstart: int = 0, nend: int | None = None) -> bool:
        """Stamps are printed in capitals. Only ASCII letters are judged: TCVN3 toned capitals decode lower."""
        text = self.source(nstart, len(self.norm.text) if nend is None else nend)
        letters = [c for c in text if c.isascii() and c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Rule:
    id: str
    description: str  # Vietnamese, shown in reports
    keywords: str  # regex fragment for the prefilter (use (?i:...) for case-insensitive parts)
    confirm: Callable[[Segment, Context], list[Finding]]
    basis: str = ""
    # Patterns searched over whole chunks to find candidate lines; each runs on its own because
    # one big alternation defeats the regex engine's literal-prefix search (5-10x slower).
    prefilter: tuple[str, ...] = ()

    def prefilters(self) -> tuple[str, ...]:
        return self.prefilter or ((self.keywords,) if self.keywords else ())


@dataclass
class Context:
    chunks: Sequence[Chunk]
    file_name: str
    options: object = None
    _memo: dict[str, object] = field(default_factory=dict)

    def neighbour(self, seg: Segment, delta: int) -> str | None:
        """Raw text of the nearest non-blank line ``delta`` (±1) away, crossing into the neighbouring chunk."""
        text, nl = seg.buf, _newline(seg.buf)
        start, end = seg.line_start, seg.line_end
        for _ in range(4):  # skip at most a few blank lines
            if delta > 0:
                if end >= len(text):
                    break
                start = end + 1
                end = text.find(nl, start)  # type: ignore[arg-type]
                end = len(text) if end < 0 else end
            else:
                if start == 0:
                    break
                end = start - 1
                start = text.rfind(nl, 0, end) + 1  # type: ignore[arg-type]
            line = line_text(text, start, end)
            if line.strip():
                return line
        other = seg.chunk_index + (1 if delta > 0 else -1)
        if not 0 <= other < len(self.chunks) or self.chunks[other].loc[:-1] != seg.chunk.loc[:-1]:
            return None
        whole = self.chunks[other].text
        return whole.split("\n", 1)[0] if delta > 0 else whole.rsplit("\n", 1)[-1]

    def finding(
        self,
        rule: Rule,
        seg: Segment,
        span: tuple[int, int],
        effect: Effect,
        confidence: float,
        level: Level | None = None,
        note: str = "",
    ) -> Finding:
        loc = seg.chunk.loc + ((f"dòng {seg.line_no + 1}",) if seg.multiline else ())
        match = seg.norm.text[span[0] : span[1]]
        return Finding(
            rule_id=rule.id,
            effect=effect,
            confidence=confidence,
            loc=loc,
            snippet=seg.raw.strip()[:200],
            match=match,
            message=rule.description + (f" — {note}" if note else ""),
            level=level,
            fingerprint=fingerprint(rule.id, loc[1:], match),
        )


def fingerprint(rule_id: str, inner_loc: Sequence[str], match: str) -> str:
    """Stable id of a finding, independent of where the file lies, for allow-listing."""
    key = "\x1f".join([rule_id, *inner_loc, match])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _searched_as_bytes(chunks: Sequence[Chunk]) -> bool:
    return len(chunks) == 1 and isinstance(chunks[0], Utf8Chunk)


def _hits_by_chunk(chunks: Sequence[Chunk], prefilter: Prefilter) -> dict[int, list[int]]:
    """Prefilter hits per chunk. Small chunks (paragraphs, cells) are searched joined in one text:
    a dozen regex calls per paragraph would cost more than the search itself."""
    if _searched_as_bytes(chunks):
        assert chunks[0].utf8 is not None
        return {0: prefilter.byte_hits(chunks[0].utf8)}
    if len(chunks) == 1:
        return {0: prefilter.hits(chunks[0].text)}
    starts: list[int] = []
    pos = 0
    for chunk in chunks:
        starts.append(pos)
        pos += len(chunk.text) + 1
    by_chunk: dict[int, list[int]] = {}
    for hit in prefilter.hits("\n".join(c.text for c in chunks)):
        index = bisect.bisect_right(starts, hit) - 1
        local = hit - starts[index]
        if local < len(chunks[index].text):
            by_chunk.setdefault(index, []).append(local)
    return by_chunk


def candidate_segments(chunks: Sequence[Chunk], prefilter: Prefilter) -> Iterator[Segment]:
    """Segments of every line where a prefilter hits; each line is visited once, in order."""
    as_bytes = _searched_as_bytes(chunks)
    for index, hits in sorted(_hits_by_chunk(chunks, prefilter).items()):
        chunk = chunks[index]
        buf: Buffer = chunk.utf8 if as_bytes and chunk.utf8 is not None else chunk.text
        nl = _newline(buf)
        multiline = nl in buf  # type: ignore[operator]
        lines = LineCounter(buf)
        done_until = -1
        for hit in hits:
            if hit <= done_until:
                continue
            start = buf.rfind(nl, 0, hit) + 1  # type: ignore[arg-type]
            end = buf.find(nl, hit)  # type: ignore[arg-type]
            end = len(buf) if end < 0 else end
            done_until = end
            yield from _segments(index, chunk, lines, start, end, multiline)


def _segments(
    index: int, chunk: Chunk, lines: LineCounter, start: int, end: int, multiline: bool
) -> Iterator[Segment]:
    buf = lines.text
    line = line_text(buf, start, end)
    if len(line) > 2000:
        line = line[:2000]

    def offset(chars: int) -> int:  # offset in ``buf`` of character ``chars`` of the line
        return start + (
            len(line[:chars].encode("utf-8", "surrogatepass")) if isinstance(buf, bytes) else chars
        )

    cut = 0
    for part in [*_SEGMENT_SPLIT.finditer(line), None]:
        stop = part.start() if part else len(line)
        piece = line[cut:stop]
        if piece.strip():
            yield Segment(index, chunk, lines, offset(cut), offset(stop), multiline, start, end)
        if part:
            cut = part.end()
