"""First-run initialisation (``bmnn init``): idempotent."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from bmnn.audit.ledger import create_ledger_key
from bmnn.lib import datadir, schema

DEFAULT_AGENCY_NAME = "Cơ quan chưa đặt tên (sửa tại trang Tổ chức)"


@dataclass
class InitResult:
    data_dir: str
    agency_created: bool
    agency_name: str
    admin_created: bool


def initialise(
    *,
    agency_name: str | None,
    agency_level: str,
    admin_username: str | None,
    admin_password: str | None,
    verbosity: int = 0,
) -> InitResult:
    path = datadir.ensure_data_dir(datadir.data_dir())
    create_ledger_key()
    schema.ensure_not_newer()
    call_command("migrate", interactive=False, verbosity=verbosity)
    _owner_only(path)
    from bmnn.accounts import services as accounts
    from bmnn.accounts.models import Role, User
    from bmnn.org import services as org
    from bmnn.org.models import Agency

    with transaction.atomic():
        agency = Agency.objects.filter(is_demo=False).order_by("pk").first()
        created = agency is None
        if agency is None:
            agency = org.create_agency(
                actor=None, name=agency_name or DEFAULT_AGENCY_NAME, level=agency_level
            )
        from bmnn.catalog.services import load_starter_catalog

        load_starter_catalog(actor=None)  # public items (domain.md §8), marked as a starter; idempotent
        admin_created = False
        if admin_username and not User.objects.filter(username=admin_username).exists():
            accounts.create_user(
                actor=None,
                username=admin_username,
                password=admin_password,
                role=Role.ADMIN,
                clearance="none",
                agency=agency,
                full_name="Quản trị hệ thống",
            )
            admin_created = True
    return InitResult(str(path), created, agency.name, admin_created)


def _owner_only(path: Path) -> None:
    """The SQLite file and its WAL/SHM companions hold secrets: owner read/write only."""
    for candidate in path.glob("bmnn.sqlite3*"):
        with contextlib.suppress(OSError):
            candidate.chmod(0o600)
