"""Freeze a collector's mutable ``Collection`` into sorted, immutable ``HostFacts``.

Sorting everything here is what makes the report byte-identical for the same input, whatever
order the file system lists directories in.
"""

from __future__ import annotations

from datetime import datetime

from . import timeutil
from .model import Collection, Evidence, HostFacts


def freeze(coll: Collection, *, platform: str, live: bool, observable: bool, zone: str) -> HostFacts:
    evidence = tuple(sorted(coll.evidence, key=_evidence_order))
    sources = tuple(sorted(set(coll.sources), key=lambda s: (s.path, s.state, s.category, s.detail)))
    return HostFacts(
        platform=platform,
        mode="live" if live else "offline",
        evidence=evidence,
        sources=sources,
        identity=tuple(sorted(coll.identity.items())),
        current_state_observable=observable,
        reference_time=_latest(evidence),
        timezone=zone,
    )


def _evidence_order(item: Evidence) -> tuple[str, str, str, str, str]:
    return (
        timeutil.iso_utc(item.time_utc) or "9999",
        item.kind.value,
        item.source,
        item.raw,
        item.summary_vi,
    )


def _latest(evidence: tuple[Evidence, ...]) -> datetime | None:
    times = [e.time_utc for e in evidence if e.time_utc]
    return max(times) if times else None
