"""What one printout request names, resolved for one user: the document, a file name and the subject
the ledger entry is about. Shared by the pages, the API and the command line so that every door
applies the same clearance (anything the user may not see, or a form that does not apply, is a 404).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404

from bmnn.forms.catalogue.library import DefinitionMissing
from bmnn.forms.document import Document
from bmnn.forms.sources import acts, copies, items, registers


@dataclass
class Printout:
    document: Document
    name: str  # the download's file name, without the extension
    subject: Any = None
    subject_repr: str = ""  # how the ledger names the subject; default: the document's title


def register_printout(user: Any, kind: str, year: int, *, include_cancelled: bool = True,
                      progress: Any = None) -> Printout:  # fmt: skip
    """A register book of a year; only who may read registers (the copy register: its own rule)."""
    from bmnn.registers.queries import may_read_registers

    if kind not in registers.KINDS or (kind != "copy" and not may_read_registers(user)):
        raise Http404("Không có sổ này hoặc người dùng không được đọc sổ đăng ký.")
    try:
        document = registers.register_document(
            user=user, kind=kind, year=year, include_cancelled=include_cancelled, progress=progress
        )
    except DefinitionMissing as exc:
        raise Http404(str(exc)) from exc
    return Printout(document, f"so-{kind}-{year}")


def item_printout(user: Any, item_id: int, form_id: str) -> Printout:
    """A document about an item, its whole stamp sheet (``stamps``) or one stamp (``stamp.…``)."""
    item = items.get_item(user, item_id)  # 404 when the user may not see it
    try:
        if form_id.startswith("stamp.") or form_id == "stamps":
            stamp_id = "" if form_id == "stamps" else form_id
            document = items.stamp_sheet(user=user, item_id=item.pk, stamp_id=stamp_id)
        else:
            document = items.item_document(user=user, item_id=item.pk, form_id=form_id)
    except (DefinitionMissing, LookupError) as exc:
        raise Http404(str(exc)) from exc
    return Printout(document, f"{form_id}-{item.pk}", item)


def act_printout(user: Any, kind: str, pk: int, form_id: str) -> Printout:
    """An act's document, read through the movements' clearance-aware queries."""
    try:
        document, act = acts.act_document(user=user, kind=kind, pk=pk, form_id=form_id)
    except (DefinitionMissing, LookupError) as exc:
        raise Http404(str(exc)) from exc
    return Printout(document, f"{form_id}-{kind}-{pk}", act)


def copy_stamps_printout(user: Any, copy_id: int) -> Printout:
    document, copy = copies.copy_stamp_sheet(user=user, copy_id=copy_id)
    return Printout(document, f"dau-ban-sao-{copy.pk}", copy)
