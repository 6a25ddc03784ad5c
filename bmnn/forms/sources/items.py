"""A secret item's forms (proposal, classification record, notices, envelope label) and stamp sheet.

The item is read through ``registry.queries.get_item_for_user``: an item the user may not see is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.forms.catalogue.library import all_definitions, definition_for
from bmnn.forms.catalogue.schema import FormDefinition
from bmnn.forms.catalogue.select import in_force
from bmnn.forms.document import Document, Signature, highest_level
from bmnn.forms.sources.common import d, fill, letterhead, person, stamp
from bmnn.lib import clock, levels

ENVELOPE_LETTERS = {"top_secret": "A", "secret": "B", "confidential": "C"}  # 2018 [H]; kept as default


def _last_act(item: Any, act: str) -> Any:
    return item.acts.filter(act=act).order_by("-on", "-pk").first()


def item_values(
    item: Any, *, copy_number: int | None = None, copy_total: int | None = None
) -> dict[str, str]:
    extended, relevelled, declassified = (
        _last_act(item, a) for a in ("extended", "relevelled", "declassified")
    )
    act = declassified or relevelled or extended
    old, new = (
        (relevelled.details.get("from", ""), relevelled.details.get("to", "")) if relevelled else ("", "")
    )
    # Luật 117/2025/QH15: no trích yếu of a Tuyệt mật item is ever printed by bmnn.
    summary = "" if item.level == "top_secret" else item.summary
    return {
        "level": levels.label(item.level), "level_upper": levels.label(item.level).upper(),
        "envelope_letter": ENVELOPE_LETTERS.get(item.level, ""), "number": item.number, "date": d(item.date),
        "document_type": item.document_type, "summary": summary, "issuing_body": item.issuing_body,
        "drafting_unit": item.drafting_unit.name if item.drafting_unit else "", "drafter": person(item.drafter),
        "basis": "; ".join(c.citation for c in item.basis.all()), "circulation_scope": item.circulation_scope,
        "copies": str(item.copies), "classified_on": d(item.classified_on),
        "protection_ends_on": d(item.protection_ends_on), "protection_note": item.protection_note,
        "decided_by": person(item.decided_by), "proposed_by": person(item.proposed_by or item.drafter),
        "act_on": d(act.on) if act else "", "extended_until": d(item.protection_ends_on) if extended else "",
        "old_level": levels.label(old) if old else "", "new_level": levels.label(new) if new else "",
        "new_level_upper": levels.label(new).upper() if new else "",
        "declassified_on": d(item.declassified_on or (declassified.on if declassified else None)),
        "declassified_part": (declassified.details.get("partial_text") or "Toàn bộ") if declassified else "",
        "reason": str(act.details.get("reason", "")) if act else "",
        "copy_number": str(copy_number or ""), "copy_total": str(copy_total or item.copies),
        "recall_deadline": "", "addressee": "", "authoriser": "", "copied_at": "", "copier_agency": "",
        "agency": item.agency.name, "governing_body": item.agency.governing_body, "place": item.agency.place,
    }  # fmt: skip


def get_item(user: Any, item_id: int | str) -> Any:
    from bmnn.registry.queries import get_item_for_user

    return get_item_for_user(user, item_id)


def item_document(*, user: Any, item_id: int | str, form_id: str, on: dt.date | None = None) -> Document:
    """A generated document about an item, in the form in force on ``on`` (default: today)."""
    item = get_item(user, item_id)
    on = on or clock.today()
    definition = definition_for(form_id, on)
    if definition.kind != "document" or definition.source != "item":
        raise LookupError(f"Biểu mẫu “{form_id}” không phải văn bản về tài liệu, vật chứa BMNN.")
    return document_from(definition, item_values(item), agency=item.agency, on=on, level=item.level)


def document_from(definition: FormDefinition, values: dict[str, str], *, agency: Any, on: dt.date,
                  level: str) -> Document:  # fmt: skip
    spec = definition.document
    assert spec is not None
    stamps = tuple(stamp(definition_for(sid, on), values) for sid in spec.stamps)
    new_level = next((lv for lv in levels.LEVELS if levels.label(lv) == values.get("new_level")), "")
    return Document(
        title=fill(spec.title, values), subtitle=fill(spec.subtitle, values) if spec.subtitle else "",
        page=definition.page, level=highest_level([level, new_level]), form_key=definition.key,
        letterhead=letterhead(agency, number=f"…{spec.number_suffix}" if spec.number_suffix else "", on=on),
        body=tuple(fill(p, values) for p in spec.body), stamps=stamps, recipients=spec.recipients,
        signatures=(Signature(spec.signature_title, values.get(spec.signature_name_field, "")),)
        if spec.signature_title else (),
    )  # fmt: skip


def stamp_definitions(on: dt.date) -> list[FormDefinition]:
    return [x for x in in_force(all_definitions(), on) if x.kind == "stamp"]


def stamp_sheet(*, user: Any, item_id: int | str, stamp_id: str = "", on: dt.date | None = None,
                copy_number: int | None = None) -> Document:  # fmt: skip
    """The item's stamps at their real size, each with its title and basis, for the clerk to apply."""
    item = get_item(user, item_id)
    on = on or clock.today()
    values = item_values(item, copy_number=copy_number)
    chosen = [definition_for(stamp_id, on)] if stamp_id else stamp_definitions(on)
    if any(x.kind != "stamp" for x in chosen):
        raise LookupError(f"“{stamp_id}” không phải mẫu dấu.")
    return Document(
        title=f"MẪU DẤU — {item}", page=chosen[0].page if chosen else definition_for("stamp.level", on).page,
        level=item.level, stamps=tuple(stamp(x, values, caption=True) for x in chosen),
        body=("Các dấu in đúng kích thước (mm) theo định nghĩa biểu mẫu; in ở tỷ lệ 100%, không co giãn.",),
    )  # fmt: skip
