"""Schema compatibility: refuse a database written by a newer bmnn instead of corrupting it."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.loader import MigrationLoader


class SchemaError(Exception):
    pass


def schema_state() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(unknown applied migrations, pending migrations)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    applied = set(loader.applied_migrations)
    on_disk = set(loader.disk_migrations)
    return applied - on_disk, on_disk - applied


def ensure_not_newer() -> None:
    unknown, _ = schema_state()
    if unknown:
        names = ", ".join(sorted(f"{a}.{n}" for a, n in unknown)[:5])
        raise SchemaError(
            "Cơ sở dữ liệu được tạo bởi phiên bản bmnn mới hơn phiên bản đang chạy "
            f"(có các bước nâng cấp không biết: {names}). Không thay đổi gì; hãy cài phiên bản bmnn mới hơn."
        )


def ensure_current() -> None:
    ensure_not_newer()
    _, pending = schema_state()
    if pending:
        raise SchemaError("Cơ sở dữ liệu chưa được khởi tạo hoặc chưa nâng cấp. Hãy chạy 'bmnn init' trước.")
