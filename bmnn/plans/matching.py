"""Pre-matching the unit names a plan writes ("Văn phòng Sở") to the agency's units."""

from __future__ import annotations

from collections.abc import Iterable

from bmnn.lib.vntext import fold
from bmnn.org.models import Unit


def match_unit(written: str, units: Iterable[Unit]) -> Unit | None:
    """Exact folded name or code first, then a unit whose name is contained in what is written.

    Only an unambiguous match is proposed: the user confirms every unit on the review screen.
    """
    key = fold(written).strip()
    if not key:
        return None
    pool = list(units)
    exact = [u for u in pool if fold(u.name) == key or fold(u.code) == key]
    if len(exact) == 1:
        return exact[0]
    contained = [u for u in pool if len(fold(u.name)) > 3 and fold(u.name) in key]
    return contained[0] if len(contained) == 1 else None
