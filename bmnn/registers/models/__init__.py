"""Register tables: books and numbering (``base``)."""

from bmnn.registers.models.base import EntryBase, RegisterBook, RegisterCounter, RegisterKind, UnlockRequest

__all__ = ["EntryBase", "RegisterBook", "RegisterCounter", "RegisterKind", "UnlockRequest"]
