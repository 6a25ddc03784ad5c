"""Search across register rows and items, accent-insensitive, always filtered by clearance.

Register rows go through the full-text index (``searchsql``); items through the registry's own search.
Results come newest first, a page at a time, without counting every match.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from bmnn.accounts import access
from bmnn.lib import levels
from bmnn.lib.vntext import fold
from bmnn.registers import queries, searchsql
from bmnn.registers.indexing import words
from bmnn.registers.models import SearchRow
from bmnn.registry import queries as items
from bmnn.registry.models import ItemStatus

PAGE = 50
PROBE = 20000  # PostgreSQL: newest rows scanned before falling back to the full-text index
STATUSES = {
    "registered": "Đã vào sổ",
    "cancelled": "ĐÃ HỦY",
    "in_transit": "Đang chuyển giao",
    "confirmed": "Đã ký nhận",
}


@dataclass(frozen=True)
class Params:
    q: str = ""
    number: str = ""
    body: str = ""
    unit: str = ""
    level: str = ""
    status: str = ""
    kind: str = ""  # outgoing / incoming / handover / item; empty: all
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class Hit:
    type: str
    id: int
    title: str
    level: str
    date: dt.date | None
    status: str
    url: str

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "date": self.date.isoformat() if self.date else None,
            "status": self.status,
            "url": self.url,
        }


def _base(user: Any, p: Params) -> QuerySet[SearchRow]:
    """Clearance and the broad filters (level, status, register)."""
    qs = SearchRow.objects.filter(agency_id=user.agency_id, level__in=items.allowed_levels(user))
    if not queries.may_read_registers(user):
        qs = qs.filter(kind__in=["handover", "incoming"], parties__contains=f" {user.pk} ")
    if p.level:
        qs = qs.filter(level=p.level)
    if p.status:
        qs = qs.filter(status=p.status)
    if p.kind in queries.MODELS:
        qs = qs.filter(kind=p.kind)
    return qs


def _filtered(user: Any, p: Params) -> QuerySet[SearchRow]:
    """Clearance and every filter except the words."""
    qs = _base(user, p)
    for column, value in (("number", p.number), ("body", p.body), ("unit", p.unit)):
        if value.strip():
            qs = qs.filter(**{f"{column}__contains": fold(value)})
    if p.date_from:
        qs = qs.filter(on_date__gte=p.date_from)
    if p.date_to:
        qs = qs.filter(on_date__lte=p.date_to)
    return qs


def _like(value: str) -> str:
    return "%" + fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _words(p: Params) -> list[str]:
    return words(p.q) + words(p.number) + words(p.body) + words(p.unit)


def _order(p: Params) -> tuple[str, ...]:
    """Newest first: by date when a date range is asked (an index walks it), else by registration."""
    return ("-on_date", "-id") if (p.date_from or p.date_to) else ("-id",)


def register_rows(user: Any, p: Params) -> QuerySet[SearchRow]:
    """Matching rows, newest first."""
    qs, all_words = _filtered(user, p), _words(p)
    if not all_words:
        return qs.order_by(*_order(p))
    tables, where = searchsql.join_clauses(connection.vendor)
    qs = qs.extra(  # noqa: S610 - fixed SQL; the words ([0-9a-z]+ only) go in as a parameter # nosec B610
        tables=tables,
        where=where,
        params=[searchsql.match_expression(connection.vendor, all_words)],
        select={"match_id": f"{searchsql.FTS}.rowid"} if tables else {},
    )
    ordering: tuple[str, ...] = ("-match_id",) if tables else _order(p)
    return qs.order_by(*ordering)


def _recent_window(user: Any, p: Params, start: int, count: int) -> list[SearchRow] | None:
    """PostgreSQL: look for the page among the newest PROBE rows first (common words fill a page there
    in a few milliseconds, the index would fetch every match); None when the window holds too few
    matches and the GIN index must answer (then the matches are few, which the index does fast)."""
    all_words = _words(p)
    if connection.vendor != "postgresql" or not all_words:
        return None
    inner = _base(user, p).extra(select={"tsv_": f"{searchsql.TABLE}.{searchsql.TSV}"})  # noqa: S610 # nosec B610
    if p.date_from:
        inner = inner.filter(on_date__gte=p.date_from)
    if p.date_to:
        inner = inner.filter(on_date__lte=p.date_to)
    order = _order(p)
    window = inner.order_by(*order).values("id", "tsv_", "number", "body", "unit", "on_date")[:PROBE]
    sql, params = window.query.sql_with_params()
    where = ["tsv_ @@ to_tsquery('simple'::regconfig, %s)"]
    args: list[Any] = [searchsql.match_expression("postgresql", all_words)]
    for column, value in (("number", p.number), ("body", p.body), ("unit", p.unit)):
        if value.strip():
            where.append(f"{column} LIKE %s")
            args.append(_like(value))
    for op, day in ((">=", p.date_from), ("<=", p.date_to)):
        if day:
            where.append(f"on_date {op} %s")
            args.append(day)
    probe = (
        f"SELECT id FROM ({sql}) recent WHERE {' AND '.join(where)} "  # noqa: S608 - fixed clauses # nosec B608
        f"ORDER BY {', '.join(c.lstrip('-') + ' DESC' for c in order)} LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cur:
        cur.execute(probe, [*params, *args, count, start])
        ids = [row[0] for row in cur.fetchall()]
    if len(ids) < count:
        return None
    found = SearchRow.objects.in_bulk(ids)
    return [found[i] for i in ids]


def _item_hits(user: Any, p: Params, limit: int) -> list[Hit]:
    if p.kind not in ("", "item") or p.unit or (p.status and p.status not in ItemStatus.values):
        return []
    text = " ".join(x for x in (p.q, p.number, p.body) if x)
    qs = items.search(user, text, level=p.level, status=p.status if p.status in ItemStatus.values else "")
    if p.date_from:
        qs = qs.filter(date__gte=p.date_from)
    if p.date_to:
        qs = qs.filter(date__lte=p.date_to)
    return [
        Hit("item", i.pk, str(i), i.level, i.date, i.status, f"/items/{i.pk}/")
        for i in qs.order_by("-pk")[:limit]
    ]


def search(user: Any, p: Params, *, page: int = 1) -> tuple[list[Hit], bool]:
    """One page of hits (items first on page 1, then register rows) and whether more follow."""
    if access.effective_clearance(user) == "none":
        return [], False
    start = (max(page, 1) - 1) * PAGE
    rows: list[SearchRow] = []
    if p.kind != "item":
        window = _recent_window(user, p, start, PAGE + 1)
        rows = window if window is not None else list(register_rows(user, p)[start : start + PAGE + 1])
    more = len(rows) > PAGE
    hits = _item_hits(user, p, 20) if page == 1 else []
    hits += [
        Hit(r.kind, r.entry_id, r.title, r.level, r.on_date, r.status, f"/registers/{r.kind}/{r.entry_id}/")
        for r in rows[:PAGE]
    ]
    return hits, more


def level_label(level: str) -> str:
    return levels.label(level)
