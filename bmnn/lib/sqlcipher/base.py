"""Django's SQLite backend running on SQLCipher.

Everything of Django's SQLite backend is kept (functions, transaction mode, init commands); only
the driver module changes and the first statement on every new connection is ``PRAGMA key``. A wrong
key is detected at once by reading the schema, and reported in Vietnamese instead of the driver's
"file is not a database".
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping
from itertools import tee
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.sqlite3 import base as sqlite_base
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from bmnn.lib import datadir, dbkey

try:
    from sqlcipher3 import dbapi2 as Database
except ImportError as exc:  # optional extra: pip install bmnn[encrypted]
    raise ImproperlyConfigured(
        "Cơ sở dữ liệu đã mã hóa nhưng thiếu gói sqlcipher3 (cài phần mở rộng bmnn[encrypted])."
    ) from exc

Database.register_converter("bool", b"1".__eq__)
Database.register_converter("date", sqlite_base.decoder(parse_date))
Database.register_converter("time", sqlite_base.decoder(parse_time))
Database.register_converter("datetime", sqlite_base.decoder(parse_datetime))
Database.register_converter("timestamp", sqlite_base.decoder(parse_datetime))
Database.register_adapter(decimal.Decimal, str)
Database.register_adapter(datetime.date, sqlite_base.adapt_date)
Database.register_adapter(datetime.datetime, sqlite_base.adapt_datetime)


class CipherCursorWrapper(Database.Cursor):  # type: ignore[misc,name-defined]
    """Django's format/pyformat → qmark/named conversion, on the SQLCipher cursor class."""

    def execute(self, query: str, params: Any = None) -> Any:
        if params is None:
            return super().execute(query)
        names = list(params) if isinstance(params, Mapping) else None
        return super().execute(self.convert_query(query, param_names=names), params)

    def executemany(self, query: str, param_list: Any) -> Any:
        peekable, param_list = tee(iter(param_list))
        first = next(peekable, None)
        names = list(first) if first and isinstance(first, Mapping) else None
        return super().executemany(self.convert_query(query, param_names=names), param_list)

    convert_query = sqlite_base.SQLiteCursorWrapper.convert_query


class DatabaseWrapper(sqlite_base.DatabaseWrapper):
    Database = Database

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        try:
            key = dbkey.database_key(datadir.data_dir())
        except dbkey.KeyError_ as exc:
            raise ImproperlyConfigured(str(exc)) from exc
        conn = Database.connect(**conn_params)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Database.DatabaseError as exc:
            conn.close()
            dbkey.set_session_key(None)
            raise ImproperlyConfigured(
                f"Khóa không mở được cơ sở dữ liệu mã hóa {Path(conn_params['database']).name}: "
                "sai cụm mật khẩu/khóa, hoặc tệp không phải cơ sở dữ liệu của bmnn."
            ) from exc
        sqlite_base.register_functions(conn)  # type: ignore[attr-defined]  # not in django-stubs
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA legacy_alter_table = OFF")
        for init_command in self.init_commands:  # type: ignore[attr-defined]  # not in django-stubs
            if init_command := init_command.strip():
                conn.execute(init_command)
        return conn

    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=CipherCursorWrapper)
