"""What each movements act says on its documents: loaders (clearance-aware), the forms printable at
the act's present step, and the values, table rows and signers (``ActPrint``).

A Tuyệt mật item's trích yếu is never printed (Luật 117/2025/QH15; bmnn keeps that rule for 2018
items too, as ``items.item_values`` does): the body says so instead, and table rows leave it blank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404
from django.utils import timezone

from bmnn.forms.document import Row, Signature
from bmnn.forms.sources.common import d, person
from bmnn.lib import clock, levels

TS_SUMMARY_NOTE = "(không ghi trích yếu đối với tài liệu, vật chứa bí mật nhà nước độ Tuyệt mật)"
DESTRUCTION_FORMS = ("doc.destruction_council", "doc.destruction_minutes", "doc.destruction_record")


@dataclass(frozen=True)
class ActPrint:
    values: dict[str, str]
    agency: Any
    on: dt.date  # the act's date: picks the form in force and dates the letterhead
    level: str
    number: str = ""  # the act's own số, ký hiệu, when recorded
    rows: Sequence[Row] = ()
    signers: Mapping[str, tuple[Signature, ...]] = field(default_factory=dict)
    author: str | None = None  # a request written by another body (Mẫu 17): its name in the letterhead
    author_place: str = ""


def _one(qs: Any, pk: int) -> Any:
    found = qs.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def position_and_name(user: Any) -> str:
    if user is None:
        return ""
    position = getattr(user, "position", None)
    return f"{position.name}, {person(user)}" if position else person(user)


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def item_fields(item: Any, item_copy: Any = None) -> dict[str, str]:
    agency = item.agency
    return {
        "level": levels.label(item.level), "level_upper": levels.label(item.level).upper(),
        "number": item.number, "date": d(item.date), "document_type": item.document_type,
        "summary": TS_SUMMARY_NOTE if item.level == "top_secret" else item.summary,
        "issuing_body": item.issuing_body, "copy_label": item_copy.label if item_copy else "bản gốc",
        "agency": agency.name, "governing_body": agency.governing_body, "place": agency.place,
    }  # fmt: skip


# --- Destruction file (Điều 23 Luật 29/2018/QH14; Điều 23 Luật 117/2025/QH15, Điều 12 NĐ 63/2026) ---


def load_case(user: Any, pk: int) -> Any:
    from bmnn.movements.queries import get_case

    return get_case(user, pk)


def case_forms(case: Any) -> tuple[str, ...]:
    """The council decision may be drafted from the proposal on; the minutes need a council, and
    the destruction record a decision to destroy: a record never precedes the decision."""
    stage = case.stage
    if stage == "rejected":
        return DESTRUCTION_FORMS[:2] if case.council_members else DESTRUCTION_FORMS[:1]
    out = [DESTRUCTION_FORMS[0]]
    if stage in ("council", "reviewed", "decided", "destroyed"):
        out.append(DESTRUCTION_FORMS[1])
    if stage in ("decided", "destroyed"):
        out.append(DESTRUCTION_FORMS[2])
    return tuple(out)


def case_rows(case: Any) -> list[Row]:
    rows = []
    for i, line in enumerate(
        case.lines.select_related("item", "item_copy").order_by("item_id", "item_copy__number"), 1
    ):
        item, copy = line.item, line.item_copy
        rows.append(Row(cells={
            "seq": str(i), "number": item.number, "date": d(item.date), "document_type": item.document_type,
            "summary": "" if item.level == "top_secret" else item.summary, "level": levels.label(item.level),
            "copy_number": f"Bản sao số {copy.copy_number}" if copy else "Bản gốc",
            "issuing_body": item.issuing_body, "note": "",
        }, level=item.level))  # fmt: skip
    return rows


def case_print(case: Any, form_id: str) -> ActPrint:
    rows = case_rows(case)
    copies = sum(1 for r in rows if r.cells["copy_number"] != "Bản gốc")
    members = [str(m) for m in case.council_members]
    values = {
        "agency": case.agency.name, "governing_body": case.agency.governing_body, "place": case.agency.place,
        "level": levels.label(case.level), "case_number": str(case.pk), "reason": case.reason,
        "proposed_by": person(case.proposed_by), "proposed_on": d(case.proposed_on),
        "council_ref": case.council_ref, "council_on": d(case.council_on), "council_chair": case.council_chair,
        "council_members": "; ".join(members), "minutes_ref": case.minutes_ref, "minutes_on": d(case.minutes_on),
        "council_opinion": case.council_opinion, "decided_by": position_and_name(case.decided_by),
        "decision_ref": case.decision_ref, "decided_on": d(case.decided_on), "method": case.method,
        "destroyed_on": d(case.destroyed_on), "persons": "; ".join(str(p) for p in case.persons),
        "record_ref": case.record_ref, "line_count": str(len(rows)), "item_count": str(len(rows) - copies),
        "copy_count": str(copies),
    }  # fmt: skip
    council = ((Signature("Chủ tịch hội đồng", case.council_chair),) if case.council_chair else ()) + tuple(
        Signature("Thành viên", m) for m in members
    )
    number, on = {
        "doc.destruction_council": (case.council_ref, case.council_on),
        "doc.destruction_minutes": (case.minutes_ref, case.minutes_on),
        "doc.destruction_record": (case.record_ref, case.destroyed_on),
    }[form_id]
    return ActPrint(
        values, case.agency, on or case.proposed_on, case.level, number, rows, {"council": council}
    )


# --- Copies (Điều 11 Luật 29/2018/QH14; TT 24/2020 Mẫu 10, 13) ---


def load_copy_entry(user: Any, pk: int) -> Any:
    from bmnn.movements.queries import visible_copy_entries

    return _one(visible_copy_entries(user).select_related("permission", "item__agency"), pk)


def copy_forms(entry: Any) -> tuple[str, ...]:
    """The trích sao document exists only for an extract; every copy act has its record."""
    return ("doc.copy_record", "doc.copy_extract") if entry.kind == "trich_sao" else ("doc.copy_record",)


def copy_print(entry: Any, form_id: str) -> ActPrint:
    permission = entry.permission
    values = item_fields(entry.item) | {
        "register_number": entry.number_label, "copied_on": d(entry.copied_on), "copy_kind": entry.get_kind_display(),
        "quantity": str(entry.quantity), "copy_numbers": entry.copy_numbers, "authoriser": entry.authoriser_repr,
        "permission_ref": permission.permission_ref, "authorised_on": d(permission.decided_on),
        "performer": entry.performer_repr, "recipients": entry.recipients_repr, "purpose": permission.purpose,
    }  # fmt: skip
    performer = permission.performed_by or entry.registered_by
    signers = (Signature("Người sao, chụp", person(performer)),
               Signature("Người cho phép", person(permission.authorised_by)))  # fmt: skip
    return ActPrint(
        values, entry.item.agency, entry.copied_on, entry.item.level, signers={"copy_signers": signers}
    )


# --- Take-out (Điều 14 Luật 29/2018/QH14, Điều 5 NĐ 26/2020/NĐ-CP) ---


def load_take_out(user: Any, pk: int) -> Any:
    from bmnn.movements.queries import get_take_out

    return get_take_out(user, pk)


def take_out_forms(permit: Any) -> tuple[str, ...]:
    """A permit is printed only once given: a refused or pending request has no văn bản cho phép."""
    granted = permit.status in ("approved", "returned")
    return ("doc.take_out_request", "doc.take_out_permit") if granted else ("doc.take_out_request",)


def take_out_print(permit: Any, form_id: str) -> ActPrint:
    requester = permit.requested_by
    values = item_fields(permit.item, permit.item_copy) | {
        "requester": person(requester), "requested_on": d(_local_date(permit.requested_at)),
        "requester_position": requester.position.name if getattr(requester, "position", None) else "",
        "requester_unit": requester.unit.name if getattr(requester, "unit", None) else "",
        "scope": permit.get_scope_display().lower(), "purpose": permit.purpose, "place": permit.place,
        "period_from": d(permit.period_from), "period_to": d(permit.period_to),
        "protective_measures": permit.protective_measures, "decider": position_and_name(permit.decided_by),
        "decider_name": person(permit.decided_by) if permit.decided_by else "",
        "decided_on": d(permit.decided_on), "decision_ref": permit.decision_ref,
    }  # fmt: skip
    if form_id == "doc.take_out_permit":
        on, number = permit.decided_on, permit.decision_ref
    else:
        on, number = _local_date(permit.requested_at), ""
    return ActPrint(values, permit.item.agency, on or clock.today(), permit.item.level, number)


# --- Provision (Điều 15, 16 Luật 29/2018/QH14; TT 24/2020 Mẫu 17) ---


def load_provision(user: Any, pk: int) -> Any:
    from bmnn.movements.queries import get_provision

    return get_provision(user, pk)


def provision_forms(req: Any) -> tuple[str, ...]:
    return ("doc.provision_request",)


def provision_print(req: Any, form_id: str) -> ActPrint:
    third = ("Có" if req.no_third_party else "Không") if req.is_foreign else "Không áp dụng (bên Việt Nam)"
    values = item_fields(req.item) | {
        "recipient_kind": req.get_recipient_kind_display(), "recipient_name": req.recipient_name,
        "representative": req.representative, "position": req.position, "id_number": req.id_number,
        "nationality": req.nationality, "address": req.address, "purpose": req.purpose,
        "commitment": req.commitment, "no_third_party": third, "request_ref": req.request_ref,
        "registered_on": d(_local_date(req.registered_at)),
    }  # fmt: skip
    on = _local_date(req.registered_at) or clock.today()
    return ActPrint(values, req.item.agency, on, req.item.level, req.request_ref, author=req.recipient_name)


# --- Recall (khoản 4 Điều 4 NĐ 26/2020/NĐ-CP; TT 24/2020 Mẫu 07) ---


def load_recall(user: Any, pk: int) -> Any:
    from bmnn.movements.queries import get_recall

    return get_recall(user, pk)


def recall_forms(recall: Any) -> tuple[str, ...]:
    return ("doc.recall_notice",)


def recall_print(recall: Any, form_id: str) -> ActPrint:
    values = item_fields(recall.item, recall.item_copy) | {
        "holder_name": recall.holder_name, "reason": recall.reason, "issued_on": d(recall.issued_on),
        "deadline": d(recall.deadline), "recall_deadline": d(recall.deadline), "issued_by": person(recall.issued_by),
    }  # fmt: skip
    return ActPrint(values, recall.item.agency, recall.issued_on, recall.item.level)
