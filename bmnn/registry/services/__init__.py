"""One function per legal act on a secret item: check the rules, change state, one ledger entry.

Ledger payloads always carry ``level`` and never the trích yếu of a Tuyệt mật item.
"""

from bmnn.registry.services.access import grant_access, may_grant, revoke_access
from bmnn.registry.services.classification import (
    create_item,
    decide_proposal,
    record_view,
    resubmit_proposal,
)
from bmnn.registry.services.common import ItemInput
from bmnn.registry.services.corrections import correct_classification
from bmnn.registry.services.periods import (
    apply_automatic_declassification,
    declassify_item,
    extend_item,
    relevel_item,
)
from bmnn.registry.services.repetitive import (
    authorise_repetitive_kind,
    mark_repetitive_document,
    revoke_standing_authorisation,
)
from bmnn.registry.services.settings import change_rule_setting, check_rule_setting_change

__all__ = [
    "ItemInput",
    "apply_automatic_declassification",
    "authorise_repetitive_kind",
    "change_rule_setting",
    "check_rule_setting_change",
    "correct_classification",
    "create_item",
    "decide_proposal",
    "declassify_item",
    "extend_item",
    "grant_access",
    "mark_repetitive_document",
    "may_grant",
    "record_view",
    "relevel_item",
    "resubmit_proposal",
    "revoke_access",
    "revoke_standing_authorisation",
]
