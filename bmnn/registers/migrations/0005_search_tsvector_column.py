"""PostgreSQL: search through a stored tsvector column (statistics per word); nothing on SQLite."""

from typing import Any

from django.db import migrations

from bmnn.registers.searchsql import drop_tsvector_column_sql, tsvector_column_sql


def forwards(apps: Any, schema_editor: Any) -> None:
    for statement in tsvector_column_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def backwards(apps: Any, schema_editor: Any) -> None:
    for statement in drop_tsvector_column_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("registers", "0004_search_index")]

    operations = [migrations.RunPython(forwards, backwards)]
