"""Catalog changes: one function per act, one transaction, one ledger entry each.

An item cited by a classification is never deleted, only closed (``valid_to``), so a past decision
keeps its basis (Điều 9 Luật 29/2018/QH14: the Danh mục is the only basis for a độ mật).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.catalog.importing import ParsedCatalog
from bmnn.catalog.models import Catalog, CatalogItem, CatalogSource
from bmnn.catalog.permissions import may_manage_catalogs
from bmnn.catalog.rules import BASIS_CITATION, ItemInput, check_catalog
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc

STARTER_FILE = Path(__file__).resolve().parent / "data" / "starter.json"
BASIS_ROLES = "Phân công trách nhiệm bảo vệ BMNN của cơ quan (cán bộ bảo mật, quản trị hệ thống)"


def _require_manager(actor: Any) -> None:
    # actor None is the system itself (CLI run by the operator, data migrations).
    if actor is not None and not may_manage_catalogs(actor):
        message = "Chỉ quản trị hệ thống hoặc cán bộ bảo mật được thay đổi danh mục BMNN."
        raise RuleViolation([Violation("not_catalog_manager", message, BASIS_ROLES)])


def _duplicate_decision(decision: str, agency_id: int | None) -> list[Violation]:
    same_owner = {"agency__isnull": True} if agency_id is None else {"agency_id": agency_id}
    if Catalog.objects.filter(decision=decision, **same_owner).exists():
        message = f"Danh mục theo Quyết định {decision} đã có trong hệ thống; không nhập trùng."
        return [Violation("decision_exists", message, BASIS_CITATION)]
    return []


def _save_catalog(
    *,
    decision: str,
    signed_on: dt.date | None,
    sector: str,
    title: str,
    items: Sequence[ItemInput],
    agency: Any,
    source: str,
    source_note: str,
) -> Catalog:
    clean = [item.normalised() for item in items]
    decision = nfc(decision).strip()
    violations = check_catalog(decision=decision, signed_on=signed_on, items=clean)
    if decision:
        violations += _duplicate_decision(decision, agency.pk if agency else None)
    if violations:
        raise RuleViolation(violations)
    catalog = Catalog(
        decision=decision,
        signed_on=signed_on,
        title=nfc(title).strip()[:500],
        sector=nfc(sector).strip()[:300],
        valid_from=signed_on,
        source=source,
        source_note=nfc(source_note).strip(),
        agency=agency,
    )
    catalog.full_clean()
    catalog.save()
    for item in clean:
        _add_item(catalog, item)
    return catalog


def _add_item(catalog: Catalog, item: ItemInput) -> CatalogItem:
    row = CatalogItem(
        catalog=catalog,
        level=item.level,
        article=item.article,
        clause=item.clause,
        point=item.point,
        text=item.text,
        context=item.context,
    )
    row.full_clean(exclude=["catalog"], validate_unique=False)
    row.save()
    return row


def _payload(catalog: Catalog, **extra: Any) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for level in catalog.items.values_list("level", flat=True):
        counts[level] = counts.get(level, 0) + 1
    # Catalog items are not secret themselves; "level" is omitted so the ledger shows them to all readers.
    return {
        "decision": catalog.decision,
        "signed_on": catalog.signed_on,
        "source": catalog.source,
        "agency": catalog.agency_id,
        "items": sum(counts.values()),
        "items_by_level": counts,
        **extra,
    }


@transaction.atomic
def create_catalog(
    *,
    actor: Any,
    decision: str,
    signed_on: dt.date | None,
    items: Sequence[ItemInput],
    sector: str = "",
    title: str = "",
    agency: Any = None,
    source: str = CatalogSource.AGENCY,
    source_note: str = "",
) -> Catalog:
    """Enter a catalog decision with its items (all checked first; nothing saved on refusal)."""
    _require_manager(actor)
    catalog = _save_catalog(
        decision=decision,
        signed_on=signed_on,
        sector=sector,
        title=title,
        items=items,
        agency=agency,
        source=source,
        source_note=source_note,
    )
    record(event="catalog.catalog_created", actor=actor, subject=catalog, payload=_payload(catalog))
    return catalog


def items_from_parsed(parsed: ParsedCatalog) -> list[ItemInput]:
    return [ItemInput(i.level, i.article, i.clause, i.point, i.text, i.context) for i in parsed.items]


def _problems_violations(parsed: ParsedCatalog) -> list[Violation]:
    basis = "Không bỏ qua nội dung không đọc được (kiểm tra bản xem trước trước khi nhập)"
    return [Violation(f"import_{p.code}", f"Dòng {p.line}: {p.message_vi}", basis) for p in parsed.problems]


@transaction.atomic
def import_catalog(
    *,
    actor: Any,
    parsed: ParsedCatalog,
    filename: str,
    confirmed: bool,
    agency: Any = None,
    source: str = CatalogSource.AGENCY,
    decision: str = "",
    signed_on: dt.date | None = None,
    sector: str = "",
) -> Catalog:
    """Save a parsed decision file. Problems refuse the import until the user confirmed the preview."""
    _require_manager(actor)
    if parsed.problems and not confirmed:
        raise RuleViolation(_problems_violations(parsed))
    catalog = _save_catalog(
        decision=decision or parsed.decision or "",
        signed_on=signed_on or parsed.date,
        sector=sector or parsed.sector or "",
        title=parsed.title or "",
        items=items_from_parsed(parsed),
        agency=agency,
        source=source,
        source_note=f"Nhập từ tệp {nfc(filename)}",
    )
    payload = _payload(catalog, file=nfc(filename), problems_accepted=len(parsed.problems))
    record(event="catalog.imported", actor=actor, subject=catalog, payload=payload)
    return catalog


@transaction.atomic
def close_item(*, actor: Any, item: CatalogItem, on: dt.date, reason: str) -> CatalogItem:
    """Close an item from ``on`` (never delete it: past classifications keep citing it)."""
    _require_manager(actor)
    reason = " ".join(nfc(reason).split())
    violations: list[Violation] = []
    if not reason:
        violations.append(Violation("reason_missing", "Phải ghi lý do đóng mục danh mục.", BASIS_CITATION))
    if item.valid_to is not None:
        message = f"Mục này đã đóng từ ngày {item.valid_to:%d/%m/%Y}."
        violations.append(Violation("item_already_closed", message, BASIS_CITATION))
    start = item.valid_from or item.catalog.valid_from or item.catalog.signed_on
    if start is not None and on <= start:
        message = f"Ngày đóng phải sau ngày mục bắt đầu áp dụng ({start:%d/%m/%Y})."
        violations.append(Violation("close_before_start", message, BASIS_CITATION))
    if violations:
        raise RuleViolation(violations)
    item.valid_to, item.closed_reason = on, reason[:300]
    item.save(update_fields=["valid_to", "closed_reason", "search_text"])
    payload = {"decision": item.catalog.decision, "citation": item.citation, "on": on, "reason": reason}
    record(event="catalog.item_closed", actor=actor, subject=item, payload=payload)
    return item


def _starter_groups() -> dict[str, list[dict[str, Any]]]:
    data = json.loads(STARTER_FILE.read_text(encoding="utf-8"))
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in data["items"]:
        groups.setdefault(row["decision"], []).append(row)
    return groups


def _starter_note(rows: list[dict[str, Any]]) -> str:
    notes = dict.fromkeys(str(r.get("note", "")) for r in rows if r.get("note"))
    sources = dict.fromkeys(str(s) for r in rows for s in r.get("source", []))
    return "\n".join([*notes, "Nguồn:", *(f"- {s}" for s in sources)])


@transaction.atomic
def load_starter_catalog(*, actor: Any) -> list[Catalog]:
    """Create the starter catalogs (public news, not the original texts) that are not there yet.

    Idempotent: a decision already loaded is left untouched and, when nothing is new, nothing is
    written to the ledger. Returns the catalogs created by this call.
    """
    _require_manager(actor)
    created: list[Catalog] = []
    for decision, rows in _starter_groups().items():
        # A shared catalog of the same decision (starter or the official text imported) wins.
        if Catalog.objects.filter(decision=decision, agency__isnull=True).exists():
            continue
        first = rows[0]
        created.append(
            _save_catalog(
                decision=decision,
                signed_on=dt.date.fromisoformat(first["date"]) if first.get("date") else None,
                sector=first.get("sector") or "",
                title="",
                items=[_starter_item(r) for r in rows],
                agency=None,
                source=CatalogSource.STARTER,
                source_note=_starter_note(rows),
            )
        )
    if created:
        payload = {"decisions": [c.decision for c in created], "items": sum(c.items.count() for c in created)}
        record(event="catalog.starter_loaded", actor=actor, payload=payload, subject_repr="Danh mục mẫu")
    return created


def _starter_item(row: dict[str, Any]) -> ItemInput:
    keys = ("level", "article", "clause", "point", "text", "context")
    return ItemInput(*(str(row.get(k) or "") for k in keys))
