"""One function per legal act on a secret item: check the rules, change state, one ledger entry.

Ledger payloads always carry ``level`` and never the trích yếu of a Tuyệt mật item.
"""

from bmnn.registry.services.classification import (
    create_item,
    decide_proposal,
    record_view,
    resubmit_proposal,
)
from bmnn.registry.services.common import ItemInput
from bmnn.registry.services.periods import (
    apply_automatic_declassification,
    declassify_item,
    extend_item,
    relevel_item,
)

__all__ = [
    "ItemInput",
    "apply_automatic_declassification",
    "create_item",
    "decide_proposal",
    "declassify_item",
    "extend_item",
    "record_view",
    "relevel_item",
    "resubmit_proposal",
]
