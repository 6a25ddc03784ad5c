"""Reads of the registers, always filtered by the reader's clearance.

Who reads: the agency-wide roles (lãnh đạo, cán bộ bảo mật, văn thư, kiểm tra viên) read every register
within their clearance; a chuyên viên reads only the rows they are party to (handovers to or from them,
incoming documents addressed to them). The admin's clearance is "none" (separation of duties).

On the paper-like register page a row above the reader's clearance is shown as its number only
("dòng có độ mật cao hơn mức được tiếp cận"): the continuity of numbers is itself what an inspector checks
(no gaps, nothing torn out), and a number discloses no content. Everywhere a row could be *found* by its
content (search, filters, API lists, exports) such rows are absent, so a query never confirms content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bmnn.accounts import access
from bmnn.registers.models import (
    EntryBase,
    HandoverEntry,
    HandoverStatus,
    HeadNotice,
    IncomingEntry,
    OutgoingEntry,
    RegisterBook,
)
from bmnn.registry.queries import allowed_levels

MODELS: dict[str, Any] = {"outgoing": OutgoingEntry, "incoming": IncomingEntry, "handover": HandoverEntry}
PAGE = 50


RELATED: dict[str, tuple[str, ...]] = {
    "outgoing": ("cancelled_by",),
    "incoming": ("cancelled_by", "receiving_unit", "receiving_user"),
    "handover": ("cancelled_by", "item", "from_user", "from_unit", "to_user", "to_unit"),
}


def with_relations(qs: QuerySet[Any], kind: str) -> QuerySet[Any]:
    """What the page and the API print for each row, fetched in a fixed number of queries."""
    qs = qs.select_related(*RELATED[kind])
    return qs.prefetch_related("receipts") if kind == "outgoing" else qs


def may_read_registers(user: Any) -> bool:
    return (
        access.is_active_user(user)
        and user.role in access.AGENCY_WIDE_ROLES
        and access.effective_clearance(user) != "none"
    )


def may_write_registers(user: Any) -> bool:
    from bmnn.registers.rules import REGISTER_KEEPER_ROLES

    return access.is_active_user(user) and user.role in REGISTER_KEEPER_ROLES


def visible_entries(user: Any, kind: str) -> QuerySet[Any]:
    model = MODELS[kind]
    qs = model.objects.filter(agency_id=user.agency_id, level__in=allowed_levels(user))
    if may_read_registers(user):
        return qs
    if kind == "handover":
        return qs.filter(Q(from_user=user) | Q(to_user=user))
    if kind == "incoming":
        return qs.filter(receiving_user=user)
    return qs.none()


def get_entry_for_user(user: Any, kind: str, entry_id: int | str) -> Any:
    if kind not in MODELS:
        raise Http404
    try:
        return visible_entries(user, kind).get(pk=int(entry_id))
    except (MODELS[kind].DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def visible_books(user: Any) -> QuerySet[RegisterBook]:
    if not may_read_registers(user):
        return RegisterBook.objects.none()
    return RegisterBook.objects.filter(agency_id=user.agency_id).order_by("kind", "-year", "-volume")


def get_book_for_user(user: Any, book_id: int | str) -> RegisterBook:
    try:
        return visible_books(user).get(pk=int(book_id))
    except (RegisterBook.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@dataclass
class BookRow:
    seq: int
    entry: EntryBase | None  # None: above the reader's clearance, number only


@dataclass
class BookPage:
    rows: list[BookRow]
    older: int | None  # ``before`` value for the previous page
    newer: int | None  # ``after`` value for the next page


def book_page(
    user: Any,
    book: RegisterBook,
    *,
    before: int | None = None,
    after: int | None = None,
    level: str = "",
    cancelled: str = "",
) -> BookPage:
    """Keyset pages by number (no COUNT over a million rows). Filters by content hide higher rows."""
    model = MODELS.get(book.kind)
    if model is None:
        return BookPage([], None, None)
    qs = with_relations(model.objects.filter(book=book), book.kind)
    filtered = bool(level or cancelled)
    if filtered:
        qs = qs.filter(level__in=allowed_levels(user))
        if level:
            qs = qs.filter(level=level)
        if cancelled:
            qs = qs.filter(cancelled_at__isnull=cancelled != "yes")
    if after is not None:
        chunk = list(qs.filter(seq__gt=after).order_by("seq")[: PAGE + 1])
        more_newer, chunk = len(chunk) > PAGE, chunk[:PAGE]
        more_older = qs.filter(seq__lte=after).exists()
    else:
        below = qs.filter(seq__lt=before) if before is not None else qs
        chunk = list(below.order_by("-seq")[: PAGE + 1])
        more_older, chunk = len(chunk) > PAGE, chunk[:PAGE]
        chunk.reverse()
        more_newer = before is not None and qs.filter(seq__gte=before).exists()
    allowed = set(allowed_levels(user))
    rows = [BookRow(e.seq, e if e.level in allowed else None) for e in chunk]
    return BookPage(
        rows,
        older=rows[0].seq if rows and more_older else None,
        newer=rows[-1].seq if rows and more_newer else None,
    )


def pending_for(user: Any) -> QuerySet[HandoverEntry]:
    """Handovers waiting for this user's signature."""
    return (
        HandoverEntry.objects.filter(
            to_user=user, status=HandoverStatus.IN_TRANSIT, cancelled_at__isnull=True
        )
        .filter(level__in=allowed_levels(user))
        .select_related("item", "from_user")
    )


def in_transit(user: Any) -> QuerySet[HandoverEntry]:
    return visible_entries(user, "handover").filter(
        status=HandoverStatus.IN_TRANSIT, cancelled_at__isnull=True
    )


def notices_for(user: Any) -> QuerySet[HeadNotice]:
    if user.role not in {"head", "deputy", "security_officer"}:
        return HeadNotice.objects.none()
    return HeadNotice.objects.filter(
        agency_id=user.agency_id, done_at__isnull=True, incoming__level__in=allowed_levels(user)
    )
