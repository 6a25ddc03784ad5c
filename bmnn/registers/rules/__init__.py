"""Pure rules for register books and entries. No Django, no clock: callers pass facts in.

The law fixes *that* secret documents are registered (sổ đi, sổ đến, sổ chuyển giao, sổ sao chụp:
Điều 15, 16 NĐ 26/2020 and the forms of TT 24/2020/TT-BCA; Điều 13 Luật 117/2025/QH15 for 2025 on),
not how a book is opened or locked. Those are internal-control rules of bmnn, cited as such.

``books``: opening, keepers, locking, registering and cancelling a row; ``entries``: the concrete
registers. Everything is re-exported here, so callers write ``rules.check_outgoing``.
"""

from bmnn.registers.rules.books import (
    CONTROL_BASIS,
    REGISTER_BASIS,
    REGISTER_KEEPER_ROLES,
    UNLOCK_APPROVER_ROLES,
    BookOpening,
    Cancellation,
    Registration,
    UnlockApproval,
    check_book_opening,
    check_cancellation,
    check_lock,
    check_registration,
    check_unlock,
    check_unlock_request,
    keeper_violations,
)
from bmnn.registers.rules.entries import (
    HANDOVER_BASIS,
    INCOMING_BASIS,
    OUTGOING_BASIS,
    HandoverConfirmation,
    HandoverFacts,
    IncomingFacts,
    OutgoingFacts,
    ReceiptFacts,
    check_common_entry,
    check_handover,
    check_handover_confirmation,
    check_incoming,
    check_outgoing,
    check_receipt,
    cleared_for,
)

__all__ = [
    "CONTROL_BASIS", "HANDOVER_BASIS", "INCOMING_BASIS", "OUTGOING_BASIS", "REGISTER_BASIS",
    "REGISTER_KEEPER_ROLES", "UNLOCK_APPROVER_ROLES", "BookOpening", "Cancellation", "HandoverConfirmation",
    "HandoverFacts", "IncomingFacts", "OutgoingFacts", "ReceiptFacts", "Registration", "UnlockApproval",
    "check_book_opening", "check_cancellation", "check_common_entry", "check_handover",
    "check_handover_confirmation", "check_incoming", "check_lock", "check_outgoing", "check_receipt",
    "check_registration", "check_unlock", "check_unlock_request", "cleared_for", "keeper_violations",
]  # fmt: skip
