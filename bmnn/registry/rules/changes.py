"""Rules for acts on a classified item: extension (gia hạn) and re-level (điều chỉnh độ mật)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bmnn.registry.rules.authority import check_authority, fmt
from bmnn.registry.rules.classification import check_basis, check_level_against_basis, check_summary_allowed
from bmnn.registry.rules.periods import (
    extended_end,
    extension_last_day,
    max_extended_end,
    resolve_ruleset,
)
from bmnn.registry.rules.types import (
    Act,
    BasisItem,
    DeciderAuthority,
    ItemStatus,
    Level,
    Period,
    Violation,
    as_level,
)

if TYPE_CHECKING:
    from bmnn.registry.rulesets import RuleSet

_STATUS_LABELS = {
    ItemStatus.DRAFT: "còn là dự thảo",
    ItemStatus.PROPOSED: "mới được đề xuất, chưa được xác định độ mật",
    ItemStatus.DECLASSIFIED: "đã được giải mật",
    ItemStatus.DESTROYED: "đã bị tiêu hủy",
    ItemStatus.LOST: "đã bị mất",
}


def check_is_classified(status: ItemStatus | str, verb: str, basis: str) -> list[Violation]:
    """Extension, re-level and declassification act on a currently classified item only."""
    status = ItemStatus(str(status))
    if status is ItemStatus.CLASSIFIED:
        return []
    return [
        Violation("item_not_classified", f"Không thể {verb}: tài liệu, vật {_STATUS_LABELS[status]}.", basis)
    ]


@dataclass(frozen=True)
class ExtensionRequest:
    """Gia hạn thời hạn bảo vệ. ``current_end`` is the last protected day including
    earlier extensions (None for a place); ``length`` is the extension asked for."""

    level: Level
    status: ItemStatus
    current_end: date | None
    decided_on: date
    length: Period
    decider: DeciderAuthority


def check_extension(request: ExtensionRequest, ruleset: RuleSet | None = None) -> list[Violation]:
    """Every reason why this extension may not be decided (Điều 20 Luật 29/2018/QH14).

    - decided at the latest N days before expiry (60 under 2018: 59 days before is too late);
    - the extension is at most the level's base period (30/20/10 years);
    - decided by a competent person of the classifying body;
    - the item is classified (not declassified, destroyed or lost) and has an end date.
    ``ruleset`` is the rule set in force on ``decided_on``.
    """
    ruleset = ruleset or resolve_ruleset(request.decided_on)
    level, cite = as_level(request.level), ruleset.cite("extension")
    out = check_is_classified(request.status, "gia hạn", cite)
    out += check_authority(request.decider, level, Act.EXTEND, request.decided_on, ruleset)
    if not request.length.is_positive:
        out.append(Violation("extension_length_invalid", "Thời gian gia hạn phải lớn hơn 0.", cite))
    if request.current_end is None:
        out.append(
            Violation(
                "extension_no_end_date",
                "Bí mật nhà nước về địa điểm không có thời hạn để gia hạn: "
                "thời hạn kết thúc khi địa điểm không còn được sử dụng.",
                ruleset.cite("place_period"),
            )
        )
        return out
    out += _check_extension_dates(request, level, request.current_end, ruleset)
    return out


def _check_extension_dates(
    request: ExtensionRequest, level: Level, current_end: date, ruleset: RuleSet
) -> list[Violation]:
    out: list[Violation] = []
    deadline = ruleset.extension_min_days_before_expiry
    last_day = extension_last_day(current_end, ruleset)
    if request.decided_on > current_end:
        out.append(
            Violation(
                "extension_after_expiry",
                f"Thời hạn bảo vệ đã hết ngày {fmt(current_end)}; bí mật nhà "
                "nước đã đương nhiên được giải mật, không thể gia hạn.",
                ruleset.cite("auto_declassify_expiry"),
            )
        )
    elif request.decided_on > last_day:
        days_left = (current_end - request.decided_on).days
        out.append(
            Violation(
                "extension_too_late",
                f"Quyết định gia hạn phải được ban hành chậm nhất {deadline.value} "
                f"ngày trước khi hết thời hạn bảo vệ ({fmt(current_end)}), tức là trước hoặc đúng ngày "
                f"{fmt(last_day)}; ngày {fmt(request.decided_on)} chỉ còn {days_left} ngày.",
                deadline.basis,
            )
        )
    maximum = ruleset.extension_max_years
    if request.length.is_positive and extended_end(current_end, request.length, ruleset) > max_extended_end(
        level, current_end, ruleset
    ):
        out.append(
            Violation(
                "extension_too_long",
                f"Mỗi lần gia hạn không quá {maximum.value[level]} năm đối với độ {level.label_vi}.",
                maximum.basis,
            )
        )
    return out


@dataclass(frozen=True)
class RelevelRequest:
    """Điều chỉnh độ mật (raise or lower). ``basis`` are the Danh mục items the new
    level stands on; ``has_summary``/``summary_consent`` describe the item's trích yếu,
    which a raise to Tuyệt mật may make unlawful."""

    old_level: Level
    new_level: Level
    status: ItemStatus
    basis: tuple[BasisItem, ...]
    decided_on: date
    decider: DeciderAuthority
    level_reason: str = ""
    has_summary: bool = False
    summary_consent: bool = False


def check_relevel(request: RelevelRequest, ruleset: RuleSet | None = None) -> list[Violation]:
    """Every reason why this re-level may not be decided (Điều 21 Luật 29/2018/QH14;
    Điều 21 Luật 117/2025/QH15): based on the Danh mục, to a different level, by the
    person competent to classify (for the higher of the old and new level), and a
    Tuyệt mật result must respect the trích yếu rule. Holders are notified within
    15 days: see ``notification_due(decided_on, ruleset, Act.RELEVEL)``."""
    ruleset = ruleset or resolve_ruleset(request.decided_on)
    old, new, cite = as_level(request.old_level), as_level(request.new_level), ruleset.cite("relevel")
    out = check_is_classified(request.status, "điều chỉnh độ mật", cite)
    if old is new:
        out.append(
            Violation("relevel_same_level", f"Độ mật mới trùng độ mật hiện tại ({old.label_vi}).", cite)
        )
    basis_problems = check_basis(request.basis, request.decided_on, ruleset)
    if any(v.code == "basis_missing" for v in basis_problems):
        basis_problems = [
            Violation(
                "basis_missing",
                "Điều chỉnh độ mật phải căn cứ danh mục bí mật nhà nước: phải nêu mục danh mục làm căn cứ.",
                cite,
            )
        ]
    out += basis_problems
    out += check_level_against_basis(new, request.basis, request.level_reason, ruleset)
    higher = max(old, new, key=lambda lv: lv.rank)
    out += check_authority(request.decider, higher, Act.RELEVEL, request.decided_on, ruleset)
    if request.has_summary:
        out += check_summary_allowed(new, ruleset, request.summary_consent)
    return out
