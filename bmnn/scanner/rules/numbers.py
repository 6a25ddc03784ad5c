"""Numbers of registered secret documents (sổ đăng ký BMNN), matched through the hashed list."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bmnn.lib.vntext import fold
from bmnn.scanner.knownnumbers import NUMBER_RE, KnownNumbers
from bmnn.scanner.model import LEVEL_LABELS, Chunk, Effect, Finding, Level
from bmnn.scanner.rules.base import TOP_LINES, Rule, fingerprint

_OWN_NUMBER = re.compile(r"^\W*so\s*:?\s*$")


def _noop(*_args: object) -> list[Finding]:
    return []


KNOWN_NUMBER = Rule(
    "known_number",
    "Số, ký hiệu của một tài liệu BMNN đã đăng ký",
    "",
    _noop,
    "Sổ đăng ký bí mật nhà nước đi/đến (Mẫu 14, 15 Thông tư 24/2020/TT-BCA)",
)


def find_known_numbers(chunks: Sequence[Chunk], known: KnownNumbers, redact: bool) -> list[Finding]:
    out: list[Finding] = []
    for chunk in chunks:
        text = chunk.text
        if "/" not in text:
            continue
        line_no, counted = 0, 0
        for m in NUMBER_RE.finditer(text):
            hit = known.lookup(m.group(0))
            if not hit:
                continue
            line_no += text.count("\n", counted, m.start())
            counted = m.start()
            out.append(_finding(chunk, m, line_no, hit, redact))
    return out


def _finding(
    chunk: Chunk, m: re.Match[str], line_no: int, hit: tuple[str, Level | None], redact: bool
) -> Finding:
    text = chunk.text
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = fold(text[line_start : m.start()])[-12:]
    own = bool(_OWN_NUMBER.search(before)) and chunk.order + line_no < TOP_LINES
    key, level = hit
    # Only the level is told, and only when the list carries it: a list built for a reader leaves out
    # the level of items above that reader's clearance (nothing else about the item is in the list).
    told = f" (độ mật: {LEVEL_LABELS[level]})" if level else ""
    loc = chunk.loc + ((f"dòng {line_no + 1}",) if "\n" in text else ())
    line_end = text.find("\n", m.end())
    snippet = text[line_start : line_end if line_end >= 0 else len(text)].strip()[:200]
    return Finding(
        rule_id=KNOWN_NUMBER.id,
        effect=Effect.SECRET if own else Effect.SUSPECT,
        confidence=0.95 if own else 0.7,
        loc=loc,
        snippet="[số văn bản mật đã đăng ký]" if redact else snippet,
        match=key,
        message=KNOWN_NUMBER.description
        + told
        + (" — đây là số của chính văn bản" if own else " — văn bản dẫn chiếu tới văn bản mật"),
        level=level if own else None,
        fingerprint=fingerprint(KNOWN_NUMBER.id, loc[1:], key),
    )
