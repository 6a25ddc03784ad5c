"""How a register row reads on the page and in the API: the Tuyệt mật summary rule applies here too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bmnn.lib import levels
from bmnn.registers.layouts import Layout
from bmnn.registers.models import HandoverEntry, IncomingEntry, OutgoingEntry


def shown_summary(entry: Any) -> str:
    """Tuyệt mật: never under 2025; under 2018 only when the classifier consented (stored as such)."""
    if entry.level == "top_secret" and not (entry.regime == "2018" and entry.summary_consent):
        return ""
    return str(entry.summary)


def _d(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _person(user: Any) -> str:
    return (user.get_full_name() or user.username) if user else ""


def _type_summary(e: Any) -> str:
    if getattr(e, "sealed_for_addressee", False):
        return f"{e.document_type} (bì 'Chỉ người có tên mới được bóc bì' — chuyển nguyên bì)".strip()
    return " — ".join(p for p in (e.document_type, shown_summary(e)) if p)


def _recipients(e: OutgoingEntry) -> str:
    parts = []
    for r in e.receipts.all():
        signed = f" (ký nhận: {r.signed_by}, {_d(r.signed_on)})" if r.is_signed else " (chưa ký nhận)"
        parts.append(r.recipient + signed)
    return "; ".join(parts)


def _receiver(e: IncomingEntry) -> str:
    who = " / ".join(
        p for p in (e.receiving_unit.name if e.receiving_unit else "", _person(e.receiving_user)) if p
    )
    if e.received_on:
        who += f" (ký nhận: {e.received_by}, {_d(e.received_on)})"
    return who


def _confirmation(e: HandoverEntry) -> str:
    if e.status != "confirmed":
        return "Đang chuyển giao — chờ người nhận ký"
    how = f"ký giấy: {e.paper_signer}" if e.confirmation_method == "paper" else "xác nhận bằng tài khoản"
    return f"Đã ký nhận {_d(e.confirmed_on)} ({how})"


def _item(e: HandoverEntry) -> str:
    return " ".join(p for p in (e.item.number, e.item.document_type) if p) or f"Mục #{e.item_id}"


def _from(e: HandoverEntry) -> str:
    return " — ".join(p for p in (_person(e.from_user), e.from_unit.name if e.from_unit else "") if p)


def _to(e: HandoverEntry) -> str:
    return " — ".join(p for p in (_person(e.to_user), e.to_unit.name if e.to_unit else "") if p)


FIELDS: dict[str, Callable[[Any], str]] = {
    "seq": lambda e: str(e.seq),
    "arrival_seq": lambda e: str(e.seq),
    "number": lambda e: e.number,
    "doc_date": lambda e: _d(e.doc_date),
    "arrival_date": lambda e: _d(e.arrival_date),
    "handed_on": lambda e: _d(e.handed_on),
    "type_summary": _type_summary,
    "level": lambda e: levels.label(e.level),
    "signer": lambda e: e.signer,
    "recipients": _recipients,
    "storage_unit": lambda e: e.storage_unit,
    "quantity": lambda e: str(e.quantity),
    "issuing_body": lambda e: e.issuing_body,
    "receiver": _receiver,
    "item": _item,
    "from": _from,
    "to": _to,
    "confirmation": _confirmation,
    "note": lambda e: e.note,
}


def cells(entry: Any, layout: Layout) -> list[str]:
    """One string per layout column; a column the code does not know stays blank, as on paper."""
    out = []
    for col in layout.columns:
        fn = FIELDS.get(col.field)
        try:
            out.append(fn(entry) if fn else "")
        except AttributeError:
            out.append("")
    return out
