"""Sub-commands of ``bmnn`` that need the Django app (one module per topic)."""

from __future__ import annotations

import argparse

from bmnn.commands import accounts, backup, catalog, encryption, ledger, printing, registry, setup


def register_all(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    setup.register(sub)
    ledger.register(sub)
    accounts.register(sub)
    registry.register(sub)
    catalog.register(sub)
    encryption.register(sub)
    backup.register(sub)
    printing.register(sub)
