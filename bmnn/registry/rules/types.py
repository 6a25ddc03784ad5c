"""Value types shared by the pure classification rules and the rule sets.

Nothing here imports Django: the string enums compare equal to the values of the
models' ``TextChoices`` (``Level.SECRET == "secret"``), so the services can pass
either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bmnn.lib import levels
from bmnn.lib.rules import Violation as _Violation


class Level(StrEnum):
    """Độ mật (Điều 8 Luật 29/2018/QH14; kept by Luật 117/2025/QH15)."""

    CONFIDENTIAL = "confidential"
    SECRET = "secret"  # noqa: S105 - a level code, not a password
    TOP_SECRET = "top_secret"  # noqa: S105

    @property
    def rank(self) -> int:
        """1 = Mật, 2 = Tối mật, 3 = Tuyệt mật: the higher, the more protected."""
        return levels.rank(self.value)

    @property
    def label_vi(self) -> str:
        return levels.label(self.value)


class ItemKind(StrEnum):
    """What holds the secret (khoản 1 Điều 2 Luật 117/2025/QH15).

    Tài liệu (văn bản giấy, văn bản điện tử), vật, địa điểm, lời nói, hoạt động.
    """

    PAPER_DOCUMENT = "paper_document"
    ELECTRONIC_DOCUMENT = "electronic_document"
    OBJECT = "object"
    PLACE = "place"
    SPEECH = "speech"
    ACTIVITY = "activity"
    OTHER = "other"


# Kinds that exist as countable physical or digital copies, so "số lượng" must be stated.
COUNTED_KINDS = frozenset({ItemKind.PAPER_DOCUMENT, ItemKind.ELECTRONIC_DOCUMENT, ItemKind.OBJECT})


class ItemStatus(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    CLASSIFIED = "classified"
    DECLASSIFIED = "declassified"
    DESTROYED = "destroyed"
    LOST = "lost"


class PositionKind(StrEnum):
    """The decider's place in the body that classifies."""

    HEAD = "head"  # người đứng đầu
    DEPUTY_HEAD = "deputy_head"  # cấp phó của người đứng đầu
    OTHER = "other"


class Act(StrEnum):
    """Acts whose decider authority and notification deadlines the rule sets define."""

    CLASSIFY = "classify"
    EXTEND = "extend"
    RELEVEL = "relevel"
    DECLASSIFY = "declassify"
    DECLASSIFY_CATALOG_REMOVAL = "declassify_catalog_removal"


class SummaryPolicy(StrEnum):
    """Whether a Tuyệt mật item may carry a trích yếu."""

    ALLOWED = "allowed"
    WITH_CONSENT = "with_consent"
    FORBIDDEN = "forbidden"


class Confidence(StrEnum):
    HIGH = "H"
    MEDIUM = "M"
    LOW = "L"


def as_level(value: str) -> Level:
    """Accept a ``Level``, a ``TextChoices`` member or its raw string value."""
    return value if isinstance(value, Level) else Level(str(value))


# One Violation type for the whole project (code, message_vi, basis).
Violation = _Violation


@dataclass(frozen=True)
class Period:
    """A length of time written as the law writes it (years, months, days)."""

    years: int = 0
    months: int = 0
    days: int = 0

    @property
    def is_positive(self) -> bool:
        parts = (self.years, self.months, self.days)
        return all(part >= 0 for part in parts) and any(part > 0 for part in parts)


@dataclass(frozen=True)
class BasisItem:
    """A Danh mục item cited as căn cứ.

    ``valid_from``/``valid_to`` are the *effective* validity of the item, i.e. already
    narrowed by its catalog decision's own validity; ``valid_to`` is the last day on
    which the item is in force (inclusive), ``None`` while it is open.
    ``carried_over`` is True when the same information is listed again in a newer
    Danh mục item still in force, so closing this item does not remove it from the
    Danh mục.
    """

    item_id: str
    level: Level
    citation: str
    valid_from: date
    valid_to: date | None = None
    carried_over: bool = False

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class DeciderAuthority:
    """What the deciding person may do on the day of the act.

    ``max_level`` is the highest level the person's own position may decide (from the
    agency's configuration of positions; ``None`` = no own authority).
    A written delegation (văn bản ủy quyền / phân công) is described by
    ``delegated_from`` (the delegating position's kind; ``None`` = no delegation),
    its validity ``delegation_valid_from``..``delegation_valid_to`` (both inclusive,
    ``None`` = open), ``delegation_scope_max_level`` (highest level covered) and
    ``is_sub_delegation`` (True when the delegator itself held only a delegation).
    ``same_body`` is False when the person belongs to another body than the one
    that classified the item (extension, re-level and declassification are decided
    by the classifying body).
    """

    position_kind: PositionKind
    max_level: Level | None = None
    delegated_from: PositionKind | None = None
    delegation_valid_from: date | None = None
    delegation_valid_to: date | None = None
    delegation_scope_max_level: Level | None = None
    is_sub_delegation: bool = False
    same_body: bool = True
