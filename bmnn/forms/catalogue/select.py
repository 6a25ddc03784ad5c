"""The set of definitions in force and the choice of one (pure).

Selection rule: the newest definition (latest ``effective_from``) of an id in force on the
document's or register's date. A corrected annex is imported with ``supersedes: "id@version"``:
the superseded version then ends the day before the correction starts (or disappears if the
correction starts on the same day), so validities never overlap.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from bmnn.forms.catalogue.schema import SCHEMA_BASIS, FormDefinition
from bmnn.lib.rules import Violation


def apply_supersession(defs: Iterable[FormDefinition]) -> list[FormDefinition]:
    items = list(defs)
    cut: dict[str, dt.date] = {}
    for d in items:
        if d.supersedes:
            start = cut.get(d.supersedes)
            cut[d.supersedes] = d.effective_from if start is None else min(start, d.effective_from)
    out = []
    for d in items:
        start = cut.get(d.key)
        if start is None:
            out.append(d)
        elif start > d.effective_from:
            end = start - dt.timedelta(days=1)
            out.append(replace(d, effective_to=end if d.effective_to is None else min(d.effective_to, end)))
    return out


def check_catalogue(defs: Iterable[FormDefinition]) -> list[Violation]:
    """Every reason a set of definitions cannot be used together."""
    items = list(defs)
    out: list[Violation] = []
    keys: set[str] = set()
    for d in items:
        if d.key in keys:
            out.append(
                Violation("duplicate_version", f"Biểu mẫu {d.id}: phiên bản {d.version} đã có.", SCHEMA_BASIS)
            )
        keys.add(d.key)
    for d in items:
        if d.supersedes and (d.supersedes not in keys or d.supersedes.split("@")[0] != d.id):
            out.append(
                Violation(
                    "bad_supersedes",
                    f"Biểu mẫu {d.key}: “supersedes” phải chỉ một phiên bản có sẵn của cùng biểu mẫu "
                    f"(không có “{d.supersedes}”).",
                    SCHEMA_BASIS,
                )
            )
    by_id: dict[str, list[FormDefinition]] = defaultdict(list)
    for d in apply_supersession(items):
        by_id[d.id].append(d)
    for versions in by_id.values():
        versions.sort(key=lambda d: d.effective_from)
        for a, b in itertools.pairwise(versions):
            if a.effective_to is None or a.effective_to >= b.effective_from:
                out.append(_overlap(a, b))
    return out


def _overlap(a: FormDefinition, b: FormDefinition) -> Violation:
    end = a.effective_to.strftime("%d/%m/%Y") if a.effective_to else "không thời hạn"
    return Violation(
        "overlapping_validity",
        f"Biểu mẫu {a.id}: hiệu lực của phiên bản {a.version} (từ {a.effective_from:%d/%m/%Y} đến {end}) "
        f"trùng với phiên bản {b.version} (từ {b.effective_from:%d/%m/%Y}); "
        "nếu là bản đính chính, ghi “supersedes”.",
        SCHEMA_BASIS,
    )


def select(defs: Iterable[FormDefinition], form_id: str, on: dt.date) -> FormDefinition | None:
    """The newest definition of ``form_id`` in force on ``on``."""
    candidates = [d for d in apply_supersession(defs) if d.id == form_id and d.in_force(on)]
    return max(candidates, key=lambda d: d.effective_from, default=None)


def in_force(defs: Iterable[FormDefinition], on: dt.date) -> list[FormDefinition]:
    return sorted((d for d in apply_supersession(defs) if d.in_force(on)), key=lambda d: (d.kind, d.id))
