"""From findings and problems to one verdict per file.

Order of precedence: SECRET (blocked anyway, even if part of the file was unreadable) > CANNOT_VERIFY
(never counted as clean) > SUSPECT > DECLASSIFIED > CLEAN. A level stamp together with a "Giải mật"
stamp is a declassified document, unless the declassification is only partial.
"""

from __future__ import annotations

from collections.abc import Sequence

from bmnn.scanner.model import LEVEL_RANK, SECRET_THRESHOLD, Effect, Finding, Level, Problem, Verdict


def decide(findings: Sequence[Finding], problems: Sequence[Problem]) -> tuple[Verdict, Level | None]:
    active = [f for f in findings if not f.allowed]
    secret = [f for f in active if f.effect == Effect.SECRET and f.confidence >= SECRET_THRESHOLD]
    declassified = [f for f in active if f.effect == Effect.DECLASSIFIED]
    level = _highest([f.level for f in secret if f.level])
    if secret and declassified and not any(p.blocking for p in problems):
        return Verdict.DECLASSIFIED, level
    if secret:
        return Verdict.SECRET, level
    if any(p.blocking for p in problems):
        return Verdict.CANNOT_VERIFY, None
    suspect_levels = [f.level for f in active if f.level and f.effect != Effect.DECLASSIFIED]
    if any(f.effect != Effect.DECLASSIFIED for f in active):
        return Verdict.SUSPECT, _highest(suspect_levels)
    if declassified:
        return Verdict.DECLASSIFIED, None
    return Verdict.CLEAN, None


def _highest(levels: Sequence[Level | None]) -> Level | None:
    present = [lv for lv in levels if lv]
    return max(present, key=lambda lv: LEVEL_RANK[lv]) if present else None
