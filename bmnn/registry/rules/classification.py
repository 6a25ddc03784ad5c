"""Rules for classifying an item (xác định bí mật nhà nước và độ mật).

Never put a trích yếu into a request or a message: the rules only learn *whether*
a summary is present (``has_summary``), so no Tuyệt mật summary can leak through a
violation message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bmnn.registry.rules.authority import check_authority, fmt
from bmnn.registry.rules.periods import base_period_end, resolve_ruleset, shorter_end
from bmnn.registry.rules.types import (
    COUNTED_KINDS,
    Act,
    BasisItem,
    DeciderAuthority,
    ItemKind,
    Level,
    Period,
    SummaryPolicy,
    Violation,
    as_level,
)

if TYPE_CHECKING:
    from bmnn.registry.rulesets import RuleSet


@dataclass(frozen=True)
class ClassificationRequest:
    """A decision (or direct classification) to classify an item.

    ``classified_on`` is the date of the act and the start of the protection period;
    ``item_date`` is the document's own date (None when the item has none).
    ``copies`` is the number of copies (số lượng); required for documents and objects.
    ``level_reason`` is the decider's recorded reason when the level is lower than the
    highest basis item's level. ``shorter_period`` only for an activity.
    """

    kind: ItemKind
    level: Level
    basis: tuple[BasisItem, ...]
    classified_on: date
    decider: DeciderAuthority
    item_date: date | None = None
    copies: int | None = None
    level_reason: str = ""
    has_summary: bool = False
    summary_consent: bool = False
    shorter_period: Period | date | None = None


def summary_allowed(level: Level | str, ruleset: RuleSet, consent: bool) -> bool:
    return not check_summary_allowed(level, ruleset, consent)


def check_summary_allowed(level: Level | str, ruleset: RuleSet | str, consent: bool) -> list[Violation]:
    """May this item carry a trích yếu? Only Tuyệt mật is restricted: under 2018 only
    with the classifier's consent (khoản 1 Điều 4 Nghị định 26/2020/NĐ-CP); under 2025
    never (Điều 6 Nghị định 63/2026/NĐ-CP [M]). ``ruleset`` may be a regime code."""
    if isinstance(ruleset, str):
        ruleset = resolve_ruleset(ruleset)
    if as_level(level) is not Level.TOP_SECRET:
        return []
    rule = ruleset.top_secret_summary
    if rule.value is SummaryPolicy.FORBIDDEN:
        return [
            Violation(
                "top_secret_summary_forbidden",
                "Tài liệu, vật chứa bí mật nhà nước độ Tuyệt mật không được ghi trích yếu.",
                rule.basis,
            )
        ]
    if rule.value is SummaryPolicy.WITH_CONSENT and not consent:
        return [
            Violation(
                "top_secret_summary_without_consent",
                "Tài liệu độ Tuyệt mật chỉ được ghi trích yếu "
                "khi người xác định độ mật đồng ý; chưa có ý kiến đồng ý được ghi nhận.",
                rule.basis,
            )
        ]
    return []


def check_basis(basis: tuple[BasisItem, ...], on: date, ruleset: RuleSet) -> list[Violation]:
    """Every classification stands on Danh mục items in force on the day (khoản 1
    Điều 10 Luật 29/2018/QH14; under 2025 classifying outside the Danh mục is a
    prohibited act, Điều 5 Luật 117/2025/QH15)."""
    cite = ruleset.cite("catalog_basis")
    if not basis:
        extra = (
            " Xác định bí mật nhà nước đối với thông tin không thuộc danh mục là hành vi bị nghiêm cấm."
            if (ruleset.classify_outside_catalog_prohibited.value)
            else ""
        )
        return [
            Violation(
                "basis_missing",
                "Phải nêu căn cứ: mục trong danh mục bí mật nhà nước (điểm, khoản, "
                "điều của quyết định ban hành danh mục)." + extra,
                cite,
            )
        ]
    out: list[Violation] = []
    for item in basis:
        if item.valid_to is not None and on > item.valid_to:
            out.append(
                Violation(
                    "basis_closed",
                    f"Mục danh mục «{item.citation}» đã hết hiệu lực từ sau ngày "
                    f"{fmt(item.valid_to)}, không dùng làm căn cứ vào ngày {fmt(on)}.",
                    cite,
                )
            )
        elif on < item.valid_from:
            out.append(
                Violation(
                    "basis_not_yet_valid",
                    f"Mục danh mục «{item.citation}» chỉ có hiệu lực từ ngày {fmt(item.valid_from)}.",
                    cite,
                )
            )
    return out


def check_level_against_basis(
    level: Level | str, basis: tuple[BasisItem, ...], reason: str, ruleset: RuleSet
) -> list[Violation]:
    """The level is the highest level among the basis items (khoản 2 Điều 10 Luật
    29/2018/QH14: mixed contents take the highest level). A lower level needs the
    decider's recorded reason; a higher level has no Danh mục item behind it."""
    if not basis:
        return []
    level, cite = as_level(level), ruleset.cite("highest_level")
    highest = max((as_level(item.level) for item in basis), key=lambda lv: lv.rank)
    if level.rank > highest.rank:
        return [
            Violation(
                "level_above_basis",
                f"Độ {level.label_vi} cao hơn độ mật cao nhất của các mục danh mục "
                f"làm căn cứ ({highest.label_vi}).",
                cite,
            )
        ]
    if level.rank < highest.rank and not reason.strip():
        return [
            Violation(
                "level_below_basis_without_reason",
                f"Độ mật phải là độ cao nhất của các căn cứ "
                f"({highest.label_vi}); nếu xác định độ {level.label_vi} thì phải ghi rõ lý do.",
                cite,
            )
        ]
    return []


def _check_counts_and_dates(request: ClassificationRequest, ruleset: RuleSet) -> list[Violation]:
    out: list[Violation] = []
    if request.item_date is not None and request.classified_on < request.item_date:
        out.append(
            Violation(
                "classified_before_item_date",
                f"Ngày xác định độ mật ({fmt(request.classified_on)}) "
                f"không được trước ngày của tài liệu, vật ({fmt(request.item_date)}).",
                ruleset.cite("period_start"),
            )
        )
    cite = ruleset.cite("proposal_contents")
    if request.copies is None and ItemKind(request.kind) in COUNTED_KINDS:
        out.append(
            Violation("copies_missing", "Phải ghi số lượng bản tài liệu, vật chứa bí mật nhà nước.", cite)
        )
    elif request.copies is not None and request.copies < 1:
        out.append(Violation("copies_invalid", "Số lượng bản phải từ 1 trở lên.", cite))
    return out


def check_shorter_period(
    kind: ItemKind | str,
    level: Level | str,
    classified_on: date,
    period: Period | date | None,
    ruleset: RuleSet,
) -> list[Violation]:
    """Only an activity may get a shorter period, written at classification, and it
    must really be shorter than the level's period (khoản 2 Điều 19)."""
    if period is None:
        return []
    cite = ruleset.cite("shorter_period")
    if ItemKind(str(kind)) is not ItemKind.ACTIVITY:
        return [
            Violation(
                "shorter_period_not_activity",
                "Chỉ bí mật nhà nước về hoạt động mới được xác định thời hạn bảo vệ ngắn hơn thời hạn chung.",
                cite,
            )
        ]
    if isinstance(period, Period) and not period.is_positive:
        return [Violation("shorter_period_invalid", "Thời hạn bảo vệ rút ngắn phải lớn hơn 0.", cite)]
    end, base_end = (
        shorter_end(classified_on, period, ruleset),
        base_period_end(level, classified_on, ruleset),
    )
    if end < classified_on:
        return [
            Violation(
                "shorter_period_invalid",
                "Thời hạn bảo vệ rút ngắn không được kết thúc trước ngày xác định độ mật.",
                cite,
            )
        ]
    if end >= base_end:
        return [
            Violation(
                "shorter_period_not_shorter",
                f"Thời hạn rút ngắn (đến {fmt(end)}) phải ngắn hơn thời hạn "
                f"chung của độ mật (đến {fmt(base_end)}).",
                cite,
            )
        ]
    return []


def check_classification(request: ClassificationRequest, ruleset: RuleSet | None = None) -> list[Violation]:
    """Every reason why this classification may not be decided, all at once.

    ``ruleset`` is the rule set in force on ``request.classified_on`` with the admin's
    overrides (``ruleset_for(request.classified_on, overrides)``); when omitted, the
    shipped rule set for that date is used.
    """
    ruleset = ruleset or resolve_ruleset(request.classified_on)
    level = as_level(request.level)
    out = check_basis(request.basis, request.classified_on, ruleset)
    out += check_level_against_basis(level, request.basis, request.level_reason, ruleset)
    out += check_authority(request.decider, level, Act.CLASSIFY, request.classified_on, ruleset)
    if request.has_summary:
        out += check_summary_allowed(level, ruleset, request.summary_consent)
    out += _check_counts_and_dates(request, ruleset)
    out += check_shorter_period(request.kind, level, request.classified_on, request.shorter_period, ruleset)
    return out
