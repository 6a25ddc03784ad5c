"""Database triggers that make a table append-only, for SQLite and PostgreSQL.

Used by migrations of every legal-record table (ledger now, registers later).
"""

from __future__ import annotations

from typing import Any

MESSAGE = "append-only table: UPDATE/DELETE refused"


def sqlite_sql(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table}: {MESSAGE}'); END;",
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table}: {MESSAGE}'); END;",
    ]


def postgresql_sql(table: str) -> list[str]:
    return [
        "CREATE OR REPLACE FUNCTION bmnn_refuse_change() RETURNS trigger AS $$ "
        # No percent signs here: the driver would read them as query placeholders.
        "BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ': append-only table: ' || TG_OP || ' refused'; END; "
        "$$ LANGUAGE plpgsql;",
        f"DROP TRIGGER IF EXISTS {table}_no_change ON {table};",
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION bmnn_refuse_change();",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION bmnn_refuse_change();",
    ]


def drop_sql(vendor: str, table: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_no_update;", f"DROP TRIGGER IF EXISTS {table}_no_delete;"]
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_change ON {table};",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
    ]


def create_sql(vendor: str, table: str) -> list[str]:
    if vendor == "sqlite":
        return sqlite_sql(table)
    if vendor == "postgresql":
        return postgresql_sql(table)
    raise RuntimeError(f"Unsupported database vendor for append-only triggers: {vendor}")


def install(table: str) -> Any:
    """A migration operation installing the append-only triggers on ``table``."""
    from django.db import migrations

    def forwards(apps: Any, schema_editor: Any) -> None:
        for statement in create_sql(schema_editor.connection.vendor, table):
            schema_editor.execute(statement)

    def backwards(apps: Any, schema_editor: Any) -> None:
        for statement in drop_sql(schema_editor.connection.vendor, table):
            schema_editor.execute(statement)

    return migrations.RunPython(forwards, backwards)


def frozen_sqlite_sql(table: str, columns: list[str]) -> list[str]:
    cols = ", ".join(columns)
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_frozen_columns BEFORE UPDATE OF {cols} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table}: numbered row: {cols} cannot change'); END;",
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table}: {MESSAGE}'); END;",
    ]


def frozen_postgresql_sql(table: str, columns: list[str]) -> list[str]:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)
    function = f"{table}_refuse_renumber"
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$ "
        f"BEGIN IF TG_OP = 'DELETE' OR {changed} THEN "
        "RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ': numbered row: ' || TG_OP || ' refused'; "
        "END IF; RETURN NEW; END; $$ LANGUAGE plpgsql;",
        f"DROP TRIGGER IF EXISTS {table}_frozen ON {table};",
        f"CREATE TRIGGER {table}_frozen BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}();",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION bmnn_refuse_change();",
    ]


def install_frozen(table: str, columns: list[str]) -> Any:
    """A migration operation: rows of ``table`` are never deleted and ``columns`` never change.

    For register rows, whose number is a legal fact while a few columns (cancellation) may be set later.
    """
    from django.db import migrations

    def forwards(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            statements = frozen_sqlite_sql(table, columns)
        elif vendor == "postgresql":
            # bmnn_refuse_change() is created by the ledger's migration, which every install runs first.
            statements = frozen_postgresql_sql(table, columns)
        else:
            raise RuntimeError(f"Unsupported database vendor for register triggers: {vendor}")
        for statement in statements:
            schema_editor.execute(statement)

    def backwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "sqlite":
            drops = [
                f"DROP TRIGGER IF EXISTS {table}_frozen_columns;",
                f"DROP TRIGGER IF EXISTS {table}_no_delete;",
            ]
        else:
            drops = [
                f"DROP TRIGGER IF EXISTS {table}_frozen ON {table};",
                f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
            ]
        for statement in drops:
            schema_editor.execute(statement)

    return migrations.RunPython(forwards, backwards)
