"""Register services: one function per act, each with exactly one ledger entry."""

from bmnn.registers.services.books import decide_unlock, lock_book, open_book, request_unlock
from bmnn.registers.services.entries import allocate, cancel_entry, registration_violations

__all__ = [
    "allocate",
    "cancel_entry",
    "decide_unlock",
    "lock_book",
    "open_book",
    "registration_violations",
    "request_unlock",
]
