"""A Django database backend: the SQLite backend on SQLCipher (``sqlcipher3``), keyed from ``bmnn.lib.dbkey``."""
