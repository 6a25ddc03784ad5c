"""Browser history (Firefox places.sqlite, Chromium/Edge History), shared by Linux and Windows.

A web visit to a public host is direct evidence of Internet use (khoản 5 Điều 5 Luật 29/2018).
Visits are aggregated per host (first/last visit, count) to keep the biên bản readable; one
sample URL is kept as the raw value.
"""

from __future__ import annotations

import ipaddress
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from . import timeutil
from .fsutil import Tree, sqlite_copy
from .model import Collection, Evidence, Kind, SourceState, attrs

_FIREFOX_SQL = (
    "SELECT p.url, v.visit_date FROM moz_historyvisits v JOIN moz_places p ON p.id = v.place_id "
    "UNION ALL SELECT url, last_visit_date FROM moz_places WHERE last_visit_date IS NOT NULL "
    "AND id NOT IN (SELECT place_id FROM moz_historyvisits)"
)
_CHROMIUM_SQL = (
    "SELECT u.url, v.visit_time FROM visits v JOIN urls u ON u.id = v.url "
    "UNION ALL SELECT url, last_visit_time FROM urls WHERE id NOT IN (SELECT url FROM visits)"
)


@dataclass
class HostVisits:
    host: str
    sample_url: str
    first: datetime | None = None
    last: datetime | None = None
    count: int = 0

    def add(self, when: datetime | None) -> None:
        self.count += 1
        if when is not None:
            self.first = when if self.first is None or when < self.first else self.first
            self.last = when if self.last is None or when > self.last else self.last


def host_is_local(host: str) -> bool:
    """Loopback, private and link-local hosts are not the Internet (they may still be a LAN)."""
    if host in ("", "localhost") or host.endswith((".local", ".localhost")):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


def _rows(path: Path, engine: str) -> list[tuple[str, datetime | None]]:
    sql = _FIREFOX_SQL if engine == "firefox" else _CHROMIUM_SQL
    decode = (lambda v: timeutil.unix(v / 1_000_000)) if engine == "firefox" else timeutil.webkit
    with sqlite_copy(path) as conn:
        return [(str(url), decode(int(t)) if t else None) for url, t in conn.execute(sql)]


def _aggregate(rows: list[tuple[str, datetime | None]]) -> dict[str, HostVisits]:
    hosts: dict[str, HostVisits] = {}
    for url, when in rows:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "ftp"):
            continue
        host = (parts.hostname or "").lower()
        hosts.setdefault(host, HostVisits(host, url)).add(when)
    return hosts


def collect_history(tree: Tree, coll: Collection, path: Path, engine: str, user: str) -> None:
    """Add one evidence item per visited web host found in the database at ``path``."""
    shown = tree.display(path)
    try:
        rows = _rows(path, engine)
    except (OSError, sqlite3.DatabaseError) as exc:
        coll.source(shown, SourceState.UNREADABLE, "browser", f"{type(exc).__name__}: {exc}")
        return
    coll.source(shown, SourceState.READ, "browser", f"{len(rows)} lượt truy cập")
    for host, visits in sorted(_aggregate(rows).items()):
        local = host_is_local(host)
        coll.add(
            Evidence(
                kind=Kind.BROWSER,
                source=shown,
                raw=visits.sample_url,
                summary_vi=(
                    f"Trình duyệt {engine} của '{user}' đã truy cập {host} {visits.count} lần"
                    + (" (địa chỉ nội bộ)" if local else " (địa chỉ Internet)")
                ),
                time_utc=visits.last,
                attrs=attrs(
                    host=host,
                    engine=engine,
                    user=user,
                    count=visits.count,
                    first_utc=timeutil.iso_utc(visits.first),
                    internet="no" if local else "yes",
                    ip=host if local and host[:1].isdigit() else "",
                ),
            )
        )
