"""The detector registry and the detection pass over a file's chunks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bmnn.scanner.knownnumbers import KnownNumbers
from bmnn.scanner.model import SECRET_THRESHOLD, CatalogHit, Chunk, Effect, Finding
from bmnn.scanner.rules.base import Context, Rule, candidate_segments, fingerprint
from bmnn.scanner.rules.levels import ENVELOPE_CODE, LEVEL_FIELD, LEVEL_STAMP, LUU_ABBREV
from bmnn.scanner.rules.numbers import KNOWN_NUMBER, find_known_numbers
from bmnn.scanner.rules.prefilter import PREFILTER
from bmnn.scanner.rules.stamps import (
    COPY_NUMBER,
    DECLASSIFIED,
    EXTENSION,
    NAMED_ONLY,
    PERIOD,
    RECALL,
    SECRET_COPY,
)

# A catalog matcher gets the document text and returns (Danh mục item label, similarity 0..1) pairs,
# or CatalogHit objects carrying the item's citation (see bmnn.scanner.catalog for the assistant's).
CatalogMatcher = Callable[[str], Iterable[tuple[str, float] | CatalogHit]]
CATALOG_TEXT_CHARS = 200_000  # resemblance is judged on the beginning: the subject is stated there

CATALOG = Rule(
    "catalog.resemblance",
    "Nội dung giống một mục trong Danh mục bí mật nhà nước — cần người có thẩm quyền xem xét",
    "",
    lambda _seg, _ctx: [],
    "Điều 9, 10 Luật Bảo vệ bí mật nhà nước (danh mục BMNN)",
)

LINE_RULES: tuple[Rule, ...] = (
    LEVEL_STAMP,
    LEVEL_FIELD,
    LUU_ABBREV,
    ENVELOPE_CODE,
    PERIOD,
    EXTENSION,
    DECLASSIFIED,
    RECALL,
    NAMED_ONLY,
    COPY_NUMBER,
    SECRET_COPY,
)
REGISTRY: dict[str, Rule] = {r.id: r for r in (*LINE_RULES, KNOWN_NUMBER, CATALOG)}

_RULE_KW = {r.id: re.compile(r.keywords) for r in LINE_RULES}


def detect(
    chunks: Sequence[Chunk],
    file_name: str,
    known: KnownNumbers | None = None,
    catalog: CatalogMatcher | None = None,
    redact: bool = False,
) -> list[Finding]:
    ctx = Context(chunks=chunks, file_name=file_name)
    findings: list[Finding] = []
    for seg in candidate_segments(chunks, PREFILTER):
        for rule in LINE_RULES:
            kw = _RULE_KW[rule.id]
            if kw.search(seg.raw) or (seg.disguised and kw.search(seg.norm.text)):
                findings.extend(rule.confirm(seg, ctx))
    findings = _drop_enumerations(_dedupe(findings))
    if known is not None:
        findings.extend(find_known_numbers(chunks, known, redact))
    if catalog is not None:
        findings.extend(_catalog(chunks, catalog))
    if redact:
        for f in findings:
            if f.rule_id != KNOWN_NUMBER.id:
                f.snippet = f.match.upper() + " […]"
    return findings


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        key = (f.fingerprint, f.snippet)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _drop_enumerations(findings: list[Finding]) -> list[Finding]:
    """Several levels standing alone on lines is a list of the levels (a law, a slide), not a stamp.

    All three levels in capitals is still odd enough to review; two or more in ordinary case mark nothing.
    Two different capital stamps stay SECRET: mixed content takes the highest level.
    """
    stamps = [f for f in findings if f.rule_id == LEVEL_STAMP.id]
    weak_levels = {f.level for f in stamps if f.confidence < SECRET_THRESHOLD}
    strong_levels = {f.level for f in stamps if f.confidence >= SECRET_THRESHOLD}
    if len(weak_levels) < 2 and len(strong_levels) < 3:
        return findings
    out = []
    for f in findings:
        strong = f.confidence >= SECRET_THRESHOLD
        if f.rule_id != LEVEL_STAMP.id or (strong and len(strong_levels) < 3):
            out.append(f)
        elif strong:
            f.confidence, f.effect = 0.6, Effect.SUSPECT
            f.message += " — đủ ba độ mật đứng riêng dòng: có thể là tài liệu giới thiệu các độ mật"
            out.append(f)
        elif len(weak_levels) < 2:
            out.append(f)
    return out


def _catalog(chunks: Sequence[Chunk], matcher: CatalogMatcher) -> list[Finding]:
    text = "\n".join(c.text for c in chunks if c.kind != "meta")[:CATALOG_TEXT_CHARS]
    out = []
    for raw in matcher(text):
        hit = raw if isinstance(raw, CatalogHit) else CatalogHit(raw[0], float(raw[1]))
        if not isinstance(raw, CatalogHit) and hit.score < 0.5:
            continue
        out.append(
            Finding(
                rule_id=CATALOG.id,
                effect=Effect.SUSPECT,  # never a block on its own: a person must decide
                confidence=min(float(hit.score), 0.79),
                loc=(chunks[0].loc[0],) if chunks else (),
                snippet=hit.label[:200],
                match=hit.label,
                message=f"{CATALOG.description}: {hit.label}",
                level=hit.level,
                fingerprint=fingerprint(CATALOG.id, (), hit.label),
                citation=dict(hit.citation) or None,
            )
        )
    return out
