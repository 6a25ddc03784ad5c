"""One function per legal act on a secret item: check the rules, change state, one ledger entry.

Ledger payloads always carry ``level`` and never the trích yếu of a Tuyệt mật item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.catalog.models import CatalogItem
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.lib.vntext import nfc
from bmnn.registry import rules
from bmnn.registry.authority import AUTHORITY_CODES, basis_items, decider_authority
from bmnn.registry.models import ItemAct, ItemBasis, ItemStatus, Obligation, SecretItem
from bmnn.registry.queries import search_text_for
from bmnn.registry.rulesets import ruleset_for


@dataclass
class ItemInput:
    kind: str
    level: str
    basis_ids: list[int]
    classified_on: dt.date
    document_type: str = ""
    number: str = ""
    date: dt.date | None = None
    issuing_body: str = ""
    summary: str = ""
    summary_consent: bool = False
    level_reason: str = ""
    copies: int = 1
    circulation_scope: str = ""
    copy_forbidden: bool = False
    storage_location: str = ""
    shorter_period_until: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _basis(actor: Any, ids: list[int]) -> list[CatalogItem]:
    found = list(CatalogItem.objects.select_related("catalog").filter(pk__in=ids))
    visible = [c for c in found if c.catalog.agency_id in (None, actor.agency_id)]
    if len(visible) != len(set(ids)):
        missing = sorted(set(ids) - {c.pk for c in visible})
        raise RuleViolation(
            [
                Violation(
                    "basis_unknown",
                    f"Không tìm thấy mục danh mục: {missing}.",
                    "Khoản 1 Điều 10 Luật 29/2018/QH14",
                )
            ]
        )
    return visible


def _classification_request(data: ItemInput, basis: list[CatalogItem], authority: Any) -> Any:
    return rules.ClassificationRequest(
        kind=data.kind,
        level=data.level,
        basis=basis_items(basis),
        classified_on=data.classified_on,  # type: ignore[arg-type]
        decider=authority,
        item_date=data.date,
        copies=data.copies,
        level_reason=data.level_reason,
        has_summary=bool(data.summary.strip()),
        summary_consent=data.summary_consent,
        shorter_period=data.shorter_period_until,
    )


def _protection_end(item: SecretItem, ruleset: Any) -> dt.date | None:
    return rules.protection_end(
        item.level, item.classified_on, item.kind, ruleset, shorter_period=item.shorter_period_until
    )


def _snapshot(item: SecretItem) -> dict[str, Any]:
    out = {
        "level": item.level,
        "number": item.number,
        "document_type": item.document_type,
        "status": item.status,
        "regime": item.regime,
    }
    if item.level != "top_secret":
        out["summary"] = item.summary
    return out


def _repr(item: SecretItem) -> str:
    return str(item)


@transaction.atomic
def create_item(*, actor: Any, data: ItemInput) -> SecretItem:
    """Classify at once when the actor may classify that level that day; otherwise file a proposal."""
    basis = _basis(actor, data.basis_ids)
    ruleset = ruleset_for(data.classified_on)
    violations = rules.check_classification(
        _classification_request(data, basis, decider_authority(actor, "classify", data.classified_on)),
        ruleset,
    )
    blocking = [v for v in violations if v.code not in AUTHORITY_CODES]
    if blocking:
        raise RuleViolation(blocking)
    competent = not violations
    item = SecretItem(
        agency=actor.agency,
        kind=data.kind,
        document_type=nfc(data.document_type).strip(),
        number=nfc(data.number).strip(),
        date=data.date,
        issuing_body=nfc(data.issuing_body).strip(),
        drafting_unit=actor.unit,
        drafter=actor,
        summary=nfc(data.summary).strip(),
        summary_consent=data.summary_consent,
        initial_level=data.level,
        level=data.level,
        level_reason=nfc(data.level_reason).strip(),
        copies=data.copies,
        circulation_scope=nfc(data.circulation_scope).strip(),
        copy_forbidden=data.copy_forbidden,
        storage_location=nfc(data.storage_location).strip(),
        shorter_period_until=data.shorter_period_until,
        regime=ruleset.code,
        classified_on=data.classified_on,
        proposed_by=actor,
        custodian=actor,
        status=ItemStatus.CLASSIFIED if competent else ItemStatus.PROPOSED,
        decided_by=actor if competent else None,
    )
    if competent:
        item.protection_ends_on = _protection_end(item, ruleset)
    item.search_text = search_text_for(item)
    item.full_clean(exclude=["basis"])
    item.save()
    ItemBasis.objects.bulk_create([ItemBasis(item=item, catalog_item=c) for c in basis])
    act = "classified" if competent else "proposed"
    ItemAct.objects.create(
        item=item, act=act, on=data.classified_on, actor=actor, details={"basis": [c.citation for c in basis]}
    )
    record(
        event=f"registry.item_{act}",
        actor=actor,
        subject=item,
        subject_repr=_repr(item),
        payload={
            **_snapshot(item),
            "basis": [c.citation for c in basis],
            "protection_ends_on": item.protection_ends_on,
        },
    )
    return item


@transaction.atomic
def decide_proposal(
    *, actor: Any, item: SecretItem, approve: bool, on: dt.date, reason: str = ""
) -> SecretItem:
    """The competent person approves (classifies) or returns a proposal with reasons."""
    if item.status != ItemStatus.PROPOSED:
        raise RuleViolation(
            [
                Violation(
                    "not_proposed",
                    "Mục này không ở trạng thái chờ quyết định.",
                    "Điều 3 NĐ 63/2026/NĐ-CP; Điều 2 NĐ 26/2020/NĐ-CP",
                )
            ]
        )
    basis = list(item.basis.select_related("catalog"))
    data = ItemInput(
        kind=item.kind,
        level=item.level,
        basis_ids=[],
        classified_on=on,
        date=item.date,
        summary=item.summary,
        summary_consent=item.summary_consent,
        level_reason=item.level_reason,
        copies=item.copies,
        shorter_period_until=item.shorter_period_until,
    )
    ruleset = ruleset_for(on)
    violations = rules.check_classification(
        _classification_request(data, basis, decider_authority(actor, "classify", on)), ruleset
    )
    if not approve:
        if not reason.strip():
            violations = [
                Violation(
                    "return_reason_missing", "Trả lại đề xuất phải ghi rõ lý do.", "Điều 3 NĐ 63/2026/NĐ-CP"
                )
            ]
        else:
            violations = [v for v in violations if v.code in AUTHORITY_CODES]
    if violations:
        raise RuleViolation(violations)
    if approve:
        item.status, item.classified_on, item.decided_by, item.regime = (
            ItemStatus.CLASSIFIED,
            on,
            actor,
            ruleset.code,
        )
        item.protection_ends_on = _protection_end(item, ruleset)
    else:
        item.status, item.returned_reason = ItemStatus.DRAFT, nfc(reason).strip()
    item.save()
    act = "classified" if approve else "proposal_returned"
    ItemAct.objects.create(item=item, act=act, on=on, actor=actor, details={"reason": nfc(reason)})
    record(
        event=f"registry.item_{act}",
        actor=actor,
        subject=item,
        subject_repr=_repr(item),
        payload={**_snapshot(item), "reason": nfc(reason), "protection_ends_on": item.protection_ends_on},
    )
    return item


def _obligation(item: SecretItem, actor: Any, act: str, on: dt.date, ruleset: Any, text: str) -> None:
    due = rules.notification_due(on, ruleset, act)
    Obligation.objects.create(
        item=item,
        kind=f"notify_{act}",
        description=text,
        basis=f"Thông báo trong thời hạn theo chế độ {ruleset.code}",
        due_on=due,
        responsible=actor,
    )


@transaction.atomic
def extend_item(*, actor: Any, item: SecretItem, on: dt.date, years: int) -> SecretItem:
    ruleset = ruleset_for(on)
    length = rules.Period(years=years)
    req = rules.ExtensionRequest(
        level=item.level,
        status=item.status,
        current_end=item.protection_ends_on,  # type: ignore[arg-type]
        decided_on=on,
        length=length,
        decider=decider_authority(actor, "extend", on, item_agency_id=item.agency_id),
    )
    violations = rules.check_extension(req, ruleset)
    if violations:
        raise RuleViolation(violations)
    before = item.protection_ends_on
    assert before is not None
    item.protection_ends_on = rules.extended_end(before, length, ruleset)
    item.save(update_fields=["protection_ends_on"])
    ItemAct.objects.create(
        item=item,
        act="extended",
        on=on,
        actor=actor,
        details={"from": before.isoformat(), "to": item.protection_ends_on.isoformat()},
    )
    _obligation(item, actor, "extend", on, ruleset, "Thông báo gia hạn thời hạn bảo vệ cho nơi nhận")
    record(
        event="registry.item_extended",
        actor=actor,
        subject=item,
        subject_repr=_repr(item),
        payload={**_snapshot(item), "from": before, "to": item.protection_ends_on, "years": years},
    )
    return item


@transaction.atomic
def relevel_item(
    *, actor: Any, item: SecretItem, new_level: str, basis_ids: list[int], on: dt.date, reason: str = ""
) -> SecretItem:
    ruleset = ruleset_for(on)
    basis = _basis(actor, basis_ids)
    req = rules.RelevelRequest(
        old_level=item.level,
        new_level=new_level,
        status=item.status,
        basis=basis_items(basis),
        decided_on=on,  # type: ignore[arg-type]
        decider=decider_authority(actor, "relevel", on, item_agency_id=item.agency_id),
        level_reason=reason,
        has_summary=bool(item.summary),
        summary_consent=item.summary_consent,
    )
    violations = rules.check_relevel(req, ruleset)
    if violations:
        raise RuleViolation(violations)
    old = item.level
    item.level = new_level
    item.protection_ends_on = rules.relevel_protection_end(
        item.classified_on, on, new_level, item.kind, ruleset
    )  # type: ignore[arg-type]
    item.search_text = search_text_for(item)
    item.save()
    ItemBasis.objects.filter(item=item).delete()
    ItemBasis.objects.bulk_create([ItemBasis(item=item, catalog_item=c) for c in basis])
    ItemAct.objects.create(
        item=item, act="relevelled", on=on, actor=actor, details={"from": old, "to": new_level}
    )
    _obligation(item, actor, "relevel", on, ruleset, "Thông báo điều chỉnh độ mật cho nơi nhận")
    record(
        event="registry.item_relevelled",
        actor=actor,
        subject=item,
        subject_repr=_repr(item),
        payload={**_snapshot(item), "from": old, "to": new_level, "basis": [c.citation for c in basis]},
    )
    return item


@transaction.atomic
def declassify_item(
    *,
    actor: Any,
    item: SecretItem,
    on: dt.date,
    council_members: list[str],
    minutes_ref: str,
    decision_ref: str,
    partial_text: str = "",
) -> SecretItem:
    ruleset = ruleset_for(on)
    req = rules.DeclassificationRequest(
        level=item.level,
        status=item.status,
        classified_on=item.classified_on,
        decided_on=on,  # type: ignore[arg-type]
        decider=decider_authority(actor, "declassify", on, item_agency_id=item.agency_id),
        council_members=tuple(m for m in council_members if m.strip()),
        council_minutes_present=bool(minutes_ref.strip()),
        partial=bool(partial_text.strip()),
        partial_text=partial_text,
    )
    violations = rules.check_declassification(req, ruleset)
    if violations:
        raise RuleViolation(violations)
    details = {
        "council": council_members,
        "minutes": minutes_ref,
        "decision": decision_ref,
        "partial_text": partial_text,
    }
    if not partial_text.strip():
        item.status, item.declassified_on = ItemStatus.DECLASSIFIED, on
        item.save(update_fields=["status", "declassified_on"])
    ItemAct.objects.create(item=item, act="declassified", on=on, actor=actor, details=details)
    _obligation(item, actor, "declassify", on, ruleset, "Thông báo giải mật cho nơi nhận")
    record(
        event="registry.item_declassified",
        actor=actor,
        subject=item,
        subject_repr=_repr(item),
        payload={
            **_snapshot(item),
            "mode": "council",
            "partial": bool(partial_text.strip()),
            "decision": decision_ref,
        },
    )
    return item


@transaction.atomic
def apply_automatic_declassification(*, today: dt.date) -> list[SecretItem]:
    """``bmnn tick``: items whose period (with extensions) ended are declassified, one entry each."""
    done = []
    candidates = SecretItem.objects.filter(status=ItemStatus.CLASSIFIED, protection_ends_on__lt=today)
    for item in candidates.select_for_update():
        state = rules.ItemState(
            level=item.level,
            kind=item.kind,
            status=item.status,  # type: ignore[arg-type]
            classified_on=item.classified_on,
            protection_end=item.protection_ends_on,  # type: ignore[arg-type]
            basis=basis_items(list(item.basis.select_related("catalog"))),
        )
        due = rules.auto_declassification_due(state, today)
        if due is None:
            continue
        item.status, item.declassified_on = ItemStatus.DECLASSIFIED, due.effective_on
        item.save(update_fields=["status", "declassified_on"])
        ItemAct.objects.create(
            item=item, act="declassified", on=due.effective_on, actor=None, details={"reason": due.reason}
        )
        record(
            event="registry.item_auto_declassified",
            actor=None,
            subject=item,
            subject_repr=_repr(item),
            payload={**_snapshot(item), "reason": due.reason, "basis": due.basis, "on": due.effective_on},
        )
        done.append(item)
    return done


def record_view(*, actor: Any, item: SecretItem, via: str) -> None:
    """Every view of a Tuyệt mật item is ledgered (and inspectors' reads at any level)."""
    if item.level == "top_secret" or getattr(actor, "role", "") == "inspector":
        record(
            event="registry.item_viewed",
            actor=actor,
            subject=item,
            subject_repr=_repr(item),
            payload={"level": item.level, "via": via},
        )


@transaction.atomic
def resubmit_proposal(*, actor: Any, item: SecretItem) -> SecretItem:
    """The drafter sends a returned proposal back for decision."""
    if item.status != ItemStatus.DRAFT:
        raise RuleViolation(
            [
                Violation(
                    "not_draft",
                    "Chỉ gửi lại được đề xuất đang ở trạng thái dự thảo.",
                    "Điều 3 NĐ 63/2026/NĐ-CP",
                )
            ]
        )
    item.status, item.returned_reason = ItemStatus.PROPOSED, ""
    item.save(update_fields=["status", "returned_reason"])
    ItemAct.objects.create(item=item, act="proposed", on=clock.today(), actor=actor, details={})
    record(
        event="registry.item_proposed",
        actor=actor,
        subject=item,
        subject_repr=_repr(item),
        payload=_snapshot(item),
    )
    return item
