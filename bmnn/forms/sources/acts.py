"""Documents generated from the acts of ``bmnn.movements`` (destruction file, copy, take-out, provision,
recall): one registry of act kinds, each read through the movements' own clearance-aware queries
(an act on an item the user may not see is a 404) and turned into an ``ActPrint``.

Each document is chosen by the act's own date (the form in force on the day of the act) and follows
NĐ 30/2020 through ``items.document_from``; an optional table (``document.columns``) and a list of
signers (``document.signature.signers_field``) come from the definition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bmnn.forms.catalogue.library import definition_for
from bmnn.forms.catalogue.schema import FormDefinition
from bmnn.forms.document import Document, Letterhead, Table
from bmnn.forms.sources import act_values
from bmnn.forms.sources.act_values import ActPrint
from bmnn.forms.sources.items import document_from


class FormNotForAct(LookupError):
    """The form does not belong to this act, or the act has not reached the step the form records."""


@dataclass(frozen=True)
class ActKind:
    label: str
    load: Callable[[Any, int], Any]  # (user, pk) -> the act, or Http404
    forms: Callable[[Any], tuple[str, ...]]  # the forms printable for the act in its present state
    build: Callable[[Any, str], ActPrint]  # (act, form_id) -> what the documents say


ACT_KINDS: dict[str, ActKind] = {
    "destruction": ActKind(
        "Hồ sơ tiêu hủy", act_values.load_case, act_values.case_forms, act_values.case_print
    ),
    "copy-entry": ActKind(
        "Sao, chụp", act_values.load_copy_entry, act_values.copy_forms, act_values.copy_print
    ),
    "take-out": ActKind(
        "Mang ra khỏi nơi lưu giữ",
        act_values.load_take_out,
        act_values.take_out_forms,
        act_values.take_out_print,
    ),
    "provision": ActKind(
        "Cung cấp, chuyển giao",
        act_values.load_provision,
        act_values.provision_forms,
        act_values.provision_print,
    ),
    "recall": ActKind("Thu hồi", act_values.load_recall, act_values.recall_forms, act_values.recall_print),
}


def get_act(user: Any, kind: str, pk: int) -> Any:
    """The act through its clearance-aware query: unknown kind or invisible act → LookupError/Http404."""
    found = ACT_KINDS.get(kind)
    if found is None:
        raise FormNotForAct(f"Không có loại hành vi “{kind}”.")
    return found.load(user, pk)


def act_document(*, user: Any, kind: str, pk: int, form_id: str) -> tuple[Document, Any]:
    """The document ``form_id`` for one act the user may see, and the act (the printout's subject)."""
    act = get_act(user, kind, pk)
    if form_id not in ACT_KINDS[kind].forms(act):
        raise FormNotForAct(f"Biểu mẫu “{form_id}” không áp dụng cho hành vi này ở bước hiện tại.")
    data = ACT_KINDS[kind].build(act, form_id)
    definition = definition_for(form_id, data.on)
    return build_document(definition, data), act


def build_document(definition: FormDefinition, data: ActPrint) -> Document:
    if definition.kind != "document" or definition.document is None:
        raise FormNotForAct(f"“{definition.id}” không phải mẫu văn bản.")
    spec = definition.document
    doc = document_from(definition, data.values, agency=data.agency, on=data.on, level=data.level)
    if doc.letterhead is not None:
        doc.letterhead = _letterhead(doc.letterhead, data)
    if spec.columns:
        doc.table = Table(spec.columns, list(data.rows), expected_rows=len(data.rows))
    if spec.signers_field:
        doc.signatures = data.signers.get(spec.signers_field, ())
    return doc


def _letterhead(head: Letterhead, data: ActPrint) -> Letterhead:
    """The act's own number when it has one; a request written by another body carries its name."""
    if data.number:
        head = replace(head, number=data.number)
    if data.author is not None:
        head = replace(head, agency=data.author, governing_body="", place=data.author_place)
    return head
