"""Pure rules of classification, protection periods, extension, re-level and declassification.

Frozen dataclasses in, ``list[Violation]`` out (every failure, never only the first);
no Django, no settings, no clock: the act's date and the rule set come in as arguments.
The rule set is chosen by the date of the act (``bmnn.registry.rulesets.ruleset_for``):
``2018`` (Luật 29/2018/QH14, NĐ 26/2020/NĐ-CP, TT 24/2020/TT-BCA) before 01/03/2026,
``2025`` (Luật 117/2025/QH15, NĐ 63/2026/NĐ-CP) from 01/03/2026.

Values an admin may change (``"setting": true`` in ``data/rulesets/*.json``), and why:

- 2025 ``protection_years`` (30/20/10), ``extension_min_days_before_expiry`` (60),
  ``extension_max_years`` (= base period), ``notify_days_extend`` / ``_declassify`` (15),
  ``notify_days_catalog_removal`` (0 = "ngay"), ``extend_positions`` and
  ``declassify_positions`` (head), ``declassify_on_catalog_removal`` (yes): the text of
  Điều 19, 20, 22 Luật 117/2025/QH15 was not obtained [L]; defaults are the 2018 values.
- 2025 ``classify_positions`` / ``relevel_positions`` (head and deputy head): read in the
  defence circular TT 115/2026/TT-BQP only; general applicability is [M].
- ``deputy_delegation_allowed``: 2018 off (Luật 29/2018 Điều 10 names only the head;
  TT 104/2021/TT-BCA allows written delegation inside the police), 2025 on (only a draft
  decree was read, [M]).
- ``sub_delegation_allowed`` (off): the "no sub-delegation" principle is written for copy
  authority (Điều 11 Luật 29/2018/QH14) and applied here by analogy [L].
- ``relevel_period_start`` (original classification date): neither law says from which
  day the period of the new level runs after a re-level [L].
- ``leap_day_rule`` (29/02 + N years → 28/02): inferred from the civil code's rule for
  periods counted in months (Điều 148 Bộ luật Dân sự 2015) [L].

Not settings although [M]: the 2025 ban on a trích yếu for Tuyệt mật (issue #3 enforces it
with a database constraint too) and the 2025 prohibition on classifying outside the
Danh mục (a Danh mục basis is mandatory under both regimes anyway, khoản 1 Điều 10).

Date convention: an end date is the **last protected day**; automatic declassification
takes effect the next day. Catalog ``valid_to`` is inclusive too.
"""

from bmnn.registry.rules.types import (  # isort: skip  (must load before the rules: rulesets imports it)
    COUNTED_KINDS,
    Act,
    BasisItem,
    Confidence,
    DeciderAuthority,
    ItemKind,
    ItemStatus,
    Level,
    Period,
    PositionKind,
    SummaryPolicy,
    Violation,
    as_level,
)
from bmnn.registry.rules.authority import check_authority, has_own_authority
from bmnn.registry.rules.changes import (
    ExtensionRequest,
    RelevelRequest,
    check_extension,
    check_relevel,
)
from bmnn.registry.rules.classification import (
    ClassificationRequest,
    check_basis,
    check_classification,
    check_level_against_basis,
    check_shorter_period,
    check_summary_allowed,
    summary_allowed,
)
from bmnn.registry.rules.declassification import (
    AutoDeclassification,
    DeclassificationRequest,
    ItemState,
    auto_declassification_due,
    check_declassification,
)
from bmnn.registry.rules.periods import (
    add_years,
    base_period_end,
    extended_end,
    extension_last_day,
    max_extended_end,
    notification_due,
    protection_end,
    relevel_protection_end,
)

__all__ = [
    "COUNTED_KINDS",
    "Act",
    "AutoDeclassification",
    "BasisItem",
    "ClassificationRequest",
    "Confidence",
    "DeciderAuthority",
    "DeclassificationRequest",
    "ExtensionRequest",
    "ItemKind",
    "ItemState",
    "ItemStatus",
    "Level",
    "Period",
    "PositionKind",
    "RelevelRequest",
    "SummaryPolicy",
    "Violation",
    "add_years",
    "as_level",
    "auto_declassification_due",
    "base_period_end",
    "check_authority",
    "check_basis",
    "check_classification",
    "check_declassification",
    "check_extension",
    "check_level_against_basis",
    "check_relevel",
    "check_shorter_period",
    "check_summary_allowed",
    "extended_end",
    "extension_last_day",
    "has_own_authority",
    "max_extended_end",
    "notification_due",
    "protection_end",
    "relevel_protection_end",
    "summary_allowed",
]
