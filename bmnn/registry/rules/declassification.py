"""Rules for declassification (giải mật): by council and decision, or automatic."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bmnn.registry.rules.authority import check_authority, fmt
from bmnn.registry.rules.changes import check_is_classified
from bmnn.registry.rules.periods import resolve_ruleset
from bmnn.registry.rules.types import (
    Act,
    BasisItem,
    DeciderAuthority,
    ItemKind,
    ItemStatus,
    Level,
    Violation,
    as_level,
)

if TYPE_CHECKING:
    from bmnn.registry.rulesets import RuleSet


@dataclass(frozen=True)
class DeclassificationRequest:
    """Giải mật by decision after a Hội đồng giải mật has reviewed the item.

    ``council_members`` are the members' names (the chair first); ``council_minutes_present``
    is True once the council's minutes (biên bản) are attached. A partial declassification
    (``partial=True``) must state the declassified content in ``partial_text``.
    """

    level: Level
    status: ItemStatus
    classified_on: date
    decided_on: date
    decider: DeciderAuthority
    council_members: tuple[str, ...] = ()
    council_minutes_present: bool = False
    partial: bool = False
    partial_text: str = ""


def check_declassification(
    request: DeclassificationRequest, ruleset: RuleSet | None = None
) -> list[Violation]:
    """Every reason why this declassification may not be decided (Điều 22 Luật
    29/2018/QH14; the 2025 procedure is assumed unchanged [L]): the head sets up a
    Hội đồng giải mật, the council reviews and records minutes, the competent person
    decides; a partial declassification states the declassified content. Holders are
    notified within 15 days: ``notification_due(decided_on, ruleset, Act.DECLASSIFY)``."""
    ruleset = ruleset or resolve_ruleset(request.decided_on)
    council = ruleset.cite("declassify_council")
    out = check_is_classified(request.status, "giải mật", council)
    if request.decided_on < request.classified_on:
        out.append(
            Violation(
                "decided_before_classification",
                f"Ngày quyết định giải mật ({fmt(request.decided_on)}) "
                f"trước ngày xác định độ mật ({fmt(request.classified_on)}).",
                council,
            )
        )
    if not [name for name in request.council_members if name.strip()]:
        out.append(
            Violation(
                "council_missing", "Phải ghi thành phần Hội đồng giải mật (ít nhất một thành viên).", council
            )
        )
    if not request.council_minutes_present:
        out.append(
            Violation("council_minutes_missing", "Phải có biên bản họp của Hội đồng giải mật.", council)
        )
    out += check_authority(
        request.decider, as_level(request.level), Act.DECLASSIFY, request.decided_on, ruleset
    )
    if request.partial and not request.partial_text.strip():
        out.append(
            Violation(
                "partial_text_missing",
                "Giải mật một phần phải thể hiện đầy đủ nội dung thông tin được giải mật.",
                ruleset.cite("declassify_partial"),
            )
        )
    return out


@dataclass(frozen=True)
class ItemState:
    """What the daily job knows about an item. ``protection_end`` is the last protected
    day including every extension (None for a place)."""

    level: Level
    kind: ItemKind
    status: ItemStatus
    classified_on: date
    protection_end: date | None
    basis: tuple[BasisItem, ...] = ()


@dataclass(frozen=True)
class AutoDeclassification:
    """Why an item is declassified by operation of law, and from which day.
    ``reason`` is ``"period_expired"`` or ``"removed_from_catalog"``; ``notify_act`` is
    the act whose notification deadline applies."""

    reason: str
    effective_on: date
    message_vi: str
    basis: str
    regime: str
    notify_act: Act


def _expiry(
    state: ItemState, today: date, overrides: Mapping[str, Any] | None
) -> AutoDeclassification | None:
    if state.protection_end is None or today <= state.protection_end:
        return None
    from bmnn.registry.rulesets import ruleset_for  # cycle: rulesets imports rules.types

    effective = state.protection_end + timedelta(days=1)
    ruleset = ruleset_for(effective, overrides)
    return AutoDeclassification(
        "period_expired",
        effective,
        f"Hết thời hạn bảo vệ (đến hết ngày {fmt(state.protection_end)}): đương nhiên giải mật.",
        ruleset.cite("auto_declassify_expiry"),
        ruleset.code,
        Act.DECLASSIFY,
    )


def _catalog_removal(
    state: ItemState, today: date, overrides: Mapping[str, Any] | None
) -> AutoDeclassification | None:
    closed = [item.valid_to for item in state.basis if item.valid_to is not None and not item.carried_over]
    if not state.basis or len(closed) != len(state.basis) or max(closed) >= today:
        return None
    from bmnn.registry.rulesets import ruleset_for  # cycle: rulesets imports rules.types

    effective = max(closed) + timedelta(days=1)
    ruleset = ruleset_for(effective, overrides)
    if not ruleset.declassify_on_catalog_removal.value:
        return None
    return AutoDeclassification(
        "removed_from_catalog",
        effective,
        f"Không còn thuộc danh mục bí mật nhà nước "
        f"(mục căn cứ cuối cùng hết hiệu lực sau ngày {fmt(max(closed))}): đương nhiên giải "
        "mật; phải đóng dấu hoặc có văn bản xác định việc giải mật và thông báo ngay.",
        ruleset.cite("auto_declassify_catalog_removal"),
        ruleset.code,
        Act.DECLASSIFY_CATALOG_REMOVAL,
    )


def auto_declassification_due(
    item_state: ItemState, today: date, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> AutoDeclassification | None:
    """Is the item declassified by operation of law on ``today`` (Điều 22 Luật
    29/2018/QH14; Điều 22 Luật 117/2025/QH15 "đương nhiên được giải mật")?

    - the protection period, with extensions, has ended (``today`` > last protected day);
    - every basis item has left the Danh mục without being carried over into a newer
      item, when the regime in force on the day of removal says so (2018 [H]; 2025 setting).

    The regime is the one in force on the day the ground arose. When both grounds
    hold, the earlier one is returned. Places never expire by date.
    """
    if ItemStatus(str(item_state.status)) is not ItemStatus.CLASSIFIED:
        return None
    found = [
        g
        for g in (_expiry(item_state, today, overrides), _catalog_removal(item_state, today, overrides))
        if g
    ]
    return min(found, key=lambda g: g.effective_on) if found else None
