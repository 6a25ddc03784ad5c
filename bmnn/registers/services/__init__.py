"""Register services: one function per act, each with exactly one ledger entry."""

from bmnn.registers.services.books import decide_unlock, lock_book, open_book, request_unlock
from bmnn.registers.services.entries import allocate, cancel_entry, registration_violations
from bmnn.registers.services.handover import confirm_handover, hand_over
from bmnn.registers.services.incoming import IncomingInput, register_incoming
from bmnn.registers.services.outgoing import OutgoingInput, confirm_receipt, register_outgoing

__all__ = [
    "IncomingInput",
    "OutgoingInput",
    "allocate",
    "cancel_entry",
    "confirm_handover",
    "confirm_receipt",
    "decide_unlock",
    "hand_over",
    "lock_book",
    "open_book",
    "register_incoming",
    "register_outgoing",
    "registration_violations",
    "request_unlock",
]
