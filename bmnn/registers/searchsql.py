# ruff: noqa: S608  (table names are module constants; user input is always a bound parameter)
"""SQL of the search index, per database vendor. ``tokens`` holds folded words only (see ``indexing``):
SQLite matches them with FTS5 prefix queries, PostgreSQL with a 'simple' tsvector (no stemming, no
extension needed), so both answer the same question: does every query word start a word of the row?"""

from __future__ import annotations

FTS = "registers_search_fts"
TSV = "tsv"  # PostgreSQL only: a stored generated tsvector, so the planner has statistics for each word
TABLE = "registers_searchrow"


def create_sql(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(tokens, content='{TABLE}', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2');",
            f"CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_ai AFTER INSERT ON {TABLE} BEGIN "  # nosec B608 - fixed SQL fragments; user words are parameters
            f"INSERT INTO {FTS}(rowid, tokens) VALUES (new.id, new.tokens); END;",
            f"CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_ad AFTER DELETE ON {TABLE} BEGIN "  # nosec B608 - fixed SQL fragments; user words are parameters
            f"INSERT INTO {FTS}({FTS}, rowid, tokens) VALUES ('delete', old.id, old.tokens); END;",
            f"CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_au AFTER UPDATE OF tokens ON {TABLE} BEGIN "  # nosec B608 - fixed SQL fragments; user words are parameters
            f"INSERT INTO {FTS}({FTS}, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
            f"INSERT INTO {FTS}(rowid, tokens) VALUES (new.id, new.tokens); END;",
        ]
    if vendor == "postgresql":
        return [
            f"CREATE INDEX IF NOT EXISTS registers_search_tsv ON {TABLE} "
            "USING gin (to_tsvector('simple'::regconfig, tokens));"
        ]
    raise RuntimeError(f"Unsupported database vendor for the search index: {vendor}")


def tsvector_column_sql(vendor: str) -> list[str]:
    """PostgreSQL: a stored tsvector column with its own GIN index and statistics. With them the planner
    walks the newest rows first for common words (stopping at a page) and uses the index for rare ones;
    the expression index alone forced a scan of every match of a common word."""
    if vendor != "postgresql":
        return []
    return [
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {TSV} tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED;",
        f"CREATE INDEX IF NOT EXISTS registers_search_tsv_col ON {TABLE} USING gin ({TSV});",
        "DROP INDEX IF EXISTS registers_search_tsv;",
    ]


def drop_tsvector_column_sql(vendor: str) -> list[str]:
    if vendor != "postgresql":
        return []
    return [
        "DROP INDEX IF EXISTS registers_search_tsv_col;",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {TSV};",
        *create_sql(vendor),
    ]


def drop_sql(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [
            *(f"DROP TRIGGER IF EXISTS {TABLE}_fts_{s};" for s in ("ai", "ad", "au")),
            f"DROP TABLE IF EXISTS {FTS};",
        ]
    return ["DROP INDEX IF EXISTS registers_search_tsv;"]


def match_expression(vendor: str, words: list[str]) -> str:
    """The query operand for ``words`` (already folded to [0-9a-z] words: no quoting issues). Every word
    matches whole except the last, which may be the start of a word (search as you type): prefix
    expansion of every word would multiply the posting lists read for common syllables."""
    if vendor == "sqlite":
        return " ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"*'])
    return " & ".join([*words[:-1], f"{words[-1]}:*"])


def join_clauses(vendor: str) -> tuple[list[str], list[str]]:
    """(extra tables, where clauses) restricting search rows to the matches; the operand is the parameter.
    SQLite walks the FTS5 index newest first and stops at the page size (ORDER BY the FTS rowid)."""
    if vendor == "sqlite":
        return [FTS], [f"{FTS}.rowid = {TABLE}.id", f"{FTS} MATCH %s"]
    return [], [f"{TABLE}.{TSV} @@ to_tsquery('simple'::regconfig, %s)"]
