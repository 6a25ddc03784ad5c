"""Exporting search results to xlsx: a permission (off by default for secrets), ledgered, and safe
against formula injection (a cell starting with = + - @ is written as text with a leading apostrophe)."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib import levels
from bmnn.registers.search import STATUSES, Hit

# Not fixed by law: exporting a list of secret records is an agency decision. Default: nobody.
# Set BMNN_REGISTER_EXPORT_ROLES (e.g. ["security_officer"]) in the installation's settings to allow it.
DEFAULT_EXPORT_ROLES: tuple[str, ...] = ()
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_roles() -> frozenset[str]:
    return frozenset(getattr(settings, "BMNN_REGISTER_EXPORT_ROLES", DEFAULT_EXPORT_ROLES))


def may_export(user: Any) -> bool:
    return bool(user.is_active and user.role in export_roles())


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@transaction.atomic
def export_hits(*, actor: Any, hits: list[Hit], query: dict[str, str]) -> bytes:
    """The workbook bytes; the export itself is one ledger entry (what was asked, how many, top level)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Ket qua"
    ws.append(["Loại", "Mã", "Tiêu đề", "Độ mật", "Ngày", "Trạng thái"])
    for h in hits:
        row = [
            h.type,
            h.id,
            h.title,
            levels.label(h.level),
            h.date.strftime("%d/%m/%Y") if h.date else "",
            STATUSES.get(h.status, h.status),
        ]
        ws.append([safe_cell(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    top = max((h.level for h in hits), key=levels.rank, default="confidential")
    record(
        event="registers.search_exported",
        actor=actor,
        payload={"level": top, "count": len(hits), "query": query},
    )
    return out.getvalue()
