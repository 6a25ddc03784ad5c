"""Full-text index over the folded search rows: FTS5 on SQLite, a GIN tsvector index on PostgreSQL."""

from typing import Any

from django.db import migrations

from bmnn.registers.searchsql import create_sql, drop_sql


def forwards(apps: Any, schema_editor: Any) -> None:
    for statement in create_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def backwards(apps: Any, schema_editor: Any) -> None:
    for statement in drop_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("registers", "0003_frozen_register_rows")]

    operations = [migrations.RunPython(forwards, backwards)]
