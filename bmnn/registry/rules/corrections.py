"""Correcting a wrong classification (văn bản thu hồi / văn bản đính chính), and repetitive documents
marked by their drafter under a standing authorisation.

Correction: "Trường hợp xác định bí mật nhà nước, độ mật không đúng thì cơ quan, đơn vị xác định ban
hành văn bản thu hồi hoặc văn bản đính chính" — khoản 6 Điều 2 TT 115/2026/TT-BQP restating NĐ 63/2026
[H for defence, M in general]. Recipients of a thu hồi return the document; recipients of a đính chính
notify downstream holders. The texts read set no deadline for that notice: bmnn uses the re-level
deadline (``notify_days_relevel``, a rule-set setting) as its lawful default.

Repetitive documents: documents of one repetitive kind with the same Danh mục content need no separate
proposal; the drafter marks the level under the "Lưu" line (khoản 5 Điều 2 TT 115/2026/TT-BQP [H for
defence, M in general]; under 2018 the head classified such document types once, TT 104/2021/TT-BCA).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from bmnn.lib.vntext import fold
from bmnn.registry.rules.authority import check_authority, fmt
from bmnn.registry.rules.changes import check_is_classified
from bmnn.registry.rules.classification import check_basis, check_level_against_basis, check_summary_allowed
from bmnn.registry.rules.types import Act, BasisItem, DeciderAuthority, ItemStatus, Level, Violation, as_level

if TYPE_CHECKING:
    from bmnn.registry.rulesets import RuleSet

CORRECTION_BASIS = "Khoản 6 Điều 2 Thông tư 115/2026/TT-BQP; Điều 3 Nghị định 63/2026/NĐ-CP"
REPETITIVE_BASIS = "Khoản 5 Điều 2 Thông tư 115/2026/TT-BQP; Điều 3 Nghị định 63/2026/NĐ-CP"


class CorrectionKind(StrEnum):
    RECALL = "recall"  # văn bản thu hồi: holders return the document
    AMEND = "amend"  # văn bản đính chính: level / basis corrected, holders pass the notice on


@dataclass(frozen=True)
class CorrectionRequest:
    kind: CorrectionKind
    status: ItemStatus
    level: Level
    classified_on: date | None
    decided_on: date
    decider: DeciderAuthority
    reason: str
    document_ref: str  # số, ngày of the văn bản thu hồi / đính chính
    new_level: Level | None = None  # đính chính only
    basis: tuple[BasisItem, ...] = ()  # the corrected basis (đính chính only; empty = unchanged)
    level_reason: str = ""
    has_summary: bool = False
    summary_consent: bool = False


def _check_amendment(request: CorrectionRequest, ruleset: RuleSet) -> list[Violation]:
    if request.kind is not CorrectionKind.AMEND:
        if request.new_level is not None or request.basis:
            return [
                Violation(
                    "recall_changes_level",
                    "Văn bản thu hồi không điều chỉnh độ mật hay căn cứ; dùng văn bản đính chính.",
                    CORRECTION_BASIS,
                )
            ]
        return []
    if request.new_level is None and not request.basis:
        return [
            Violation(
                "amend_nothing",
                "Văn bản đính chính phải nêu độ mật hoặc căn cứ đúng.",
                CORRECTION_BASIS,
            )
        ]
    level = request.new_level or request.level
    out = check_basis(request.basis, request.decided_on, ruleset) if request.basis else []
    out += check_level_against_basis(level, request.basis, request.level_reason, ruleset)
    if request.has_summary:
        out += check_summary_allowed(level, ruleset, request.summary_consent)
    return out


def check_correction(request: CorrectionRequest, ruleset: RuleSet) -> list[Violation]:
    """Every reason why this thu hồi / đính chính may not be issued, all at once."""
    out = check_is_classified(request.status, "thu hồi hoặc đính chính", CORRECTION_BASIS)
    if not request.reason.strip():
        out.append(
            Violation("correction_reason_missing", "Lý do: phải nêu sai sót cần sửa.", CORRECTION_BASIS)
        )
    if not request.document_ref.strip():
        out.append(
            Violation(
                "correction_document_missing",
                "Văn bản thu hồi / đính chính: phải ghi số, ngày của văn bản.",
                CORRECTION_BASIS,
            )
        )
    if request.classified_on is not None and request.decided_on < request.classified_on:
        out.append(
            Violation(
                "correction_before_classification",
                f"Ngày văn bản ({fmt(request.decided_on)}) không được trước ngày xác định độ mật "
                f"({fmt(request.classified_on)}).",
                CORRECTION_BASIS,
            )
        )
    levels = [request.level] + ([request.new_level] if request.new_level else [])
    highest = max(levels, key=lambda lv: as_level(lv).rank)
    # The body that classified corrects: the person must be competent to classify at that level.
    out += check_authority(request.decider, highest, Act.CLASSIFY, request.decided_on, ruleset)
    return out + _check_amendment(request, ruleset)


@dataclass(frozen=True)
class StandingAuthorisationRequest:
    document_type: str
    level: Level
    basis: tuple[BasisItem, ...]
    decided_on: date
    decider: DeciderAuthority
    decision_ref: str


def check_standing_authorisation(request: StandingAuthorisationRequest, ruleset: RuleSet) -> list[Violation]:
    """The competent person classifies a repetitive kind of document once, on a Danh mục basis."""
    out: list[Violation] = []
    if not request.document_type.strip():
        out.append(
            Violation("standing_type_missing", "Loại văn bản lặp lại: phải ghi tên loại.", REPETITIVE_BASIS)
        )
    if not request.decision_ref.strip():
        out.append(
            Violation(
                "standing_decision_missing",
                "Văn bản cho phép: phải ghi số, ngày văn bản của người có thẩm quyền.",
                REPETITIVE_BASIS,
            )
        )
    out += check_basis(request.basis, request.decided_on, ruleset)
    out += check_level_against_basis(request.level, request.basis, "", ruleset)
    out += check_authority(request.decider, request.level, Act.CLASSIFY, request.decided_on, ruleset)
    return out


@dataclass(frozen=True)
class RepetitiveMarking:
    authorised_type: str
    document_type: str
    valid_from: date
    revoked_on: date | None  # first day it no longer applies
    drafter_in_scope: bool
    marked_on: date
    basis: tuple[BasisItem, ...]
    level: Level
    has_summary: bool = False


def same_document_type(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def check_repetitive_marking(request: RepetitiveMarking, ruleset: RuleSet) -> list[Violation]:
    """May the drafter mark this document directly under the standing authorisation?"""
    out: list[Violation] = []
    if request.marked_on < request.valid_from or (
        request.revoked_on is not None and request.marked_on >= request.revoked_on
    ):
        out.append(
            Violation(
                "standing_not_in_force",
                f"Văn bản cho phép không có hiệu lực vào ngày {fmt(request.marked_on)}.",
                REPETITIVE_BASIS,
            )
        )
    if not same_document_type(request.authorised_type, request.document_type):
        out.append(
            Violation(
                "standing_other_type",
                f"Tên loại «{request.document_type}» không phải loại văn bản lặp lại đã được cho phép "
                f"(«{request.authorised_type}»); phải lập đề xuất độ mật.",
                REPETITIVE_BASIS,
            )
        )
    if not request.drafter_in_scope:
        out.append(
            Violation(
                "standing_other_unit",
                "Văn bản cho phép chỉ áp dụng cho người soạn thảo thuộc đơn vị được nêu.",
                REPETITIVE_BASIS,
            )
        )
    out += check_basis(request.basis, request.marked_on, ruleset)
    if request.has_summary:
        out += check_summary_allowed(request.level, ruleset, False)
    return out
