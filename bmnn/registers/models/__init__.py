"""Register tables: books and numbering (``base``), the concrete registers (``entries``)."""

from bmnn.registers.models.base import EntryBase, RegisterBook, RegisterCounter, RegisterKind, UnlockRequest
from bmnn.registers.models.entries import (
    HandoverEntry,
    HandoverStatus,
    HeadNotice,
    IncomingEntry,
    OutgoingEntry,
    OutgoingReceipt,
    ReceiptMethod,
    SearchRow,
)

__all__ = [
    "EntryBase",
    "HandoverEntry",
    "HandoverStatus",
    "HeadNotice",
    "IncomingEntry",
    "OutgoingEntry",
    "OutgoingReceipt",
    "ReceiptMethod",
    "RegisterBook",
    "RegisterCounter",
    "RegisterKind",
    "SearchRow",
    "UnlockRequest",
]
