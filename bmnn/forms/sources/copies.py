"""The stamp sheet of one real copy (ItemCopy): the level stamp and the copy stamps in force on the
day it was made, filled with “Bản sao số n/N” and the authoriser of its CopyEntry (Mẫu 09, 11
TT 24/2020/TT-BCA; from 01/03/2026 “Bản sao bí mật nhà nước” with the authoriser and the copying time).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from bmnn.forms.catalogue.library import all_definitions
from bmnn.forms.catalogue.select import select
from bmnn.forms.document import Document
from bmnn.forms.sources.common import stamp
from bmnn.forms.sources.items import item_values

COPY_STAMPS = ("stamp.level", "stamp.copy", "stamp.copy_2025")


def get_copy(user: Any, copy_id: int) -> Any:
    """The copy through the movements' query: whoever may not see the original gets a 404."""
    from bmnn.movements.queries import get_copy as movements_get_copy

    return movements_get_copy(user, copy_id)


def copy_stamp_sheet(*, user: Any, copy_id: int) -> tuple[Document, Any]:
    copy = get_copy(user, copy_id)
    entry, item = copy.entry, copy.item
    values = item_values(item, copy_number=copy.number, copy_total=copy.total) | {
        "authoriser": entry.authoriser_repr,
        # ISO 8601 as the 2025 copy stamp asks; bmnn knows the day the copy was made, not the second.
        "copied_at": entry.copied_on.isoformat(),
        "copier_agency": entry.agency.name if entry.agency_id else item.agency.name,
    }
    defs = all_definitions()
    chosen = [x for x in (select(defs, sid, entry.copied_on) for sid in COPY_STAMPS) if x is not None]
    if not chosen:
        raise Http404(f"Không có mẫu dấu bản sao có hiệu lực ngày {entry.copied_on:%d/%m/%Y}.")
    document = Document(
        title=f"MẪU DẤU — {copy.label} — {item.document_type} {item.number}".strip(), page=chosen[0].page,
        level=item.level, stamps=tuple(stamp(x, values, caption=True) for x in chosen),
        body=("Các dấu in đúng kích thước (mm) theo định nghĩa biểu mẫu; in ở tỷ lệ 100%, không co giãn.",),
    )  # fmt: skip
    return document, copy
