"""In-memory sample data for renderer tests (no database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from bmnn.forms.catalogue import library, select
from bmnn.forms.document import Cover, Document, Row, Table
from bmnn.lib import levels

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "forms"
LEVEL_CYCLE = ("confidential", "secret", "top_secret")
TS_SUMMARY = "Nội dung tuyệt mật không được in"


def summary(i: int) -> str:
    return TS_SUMMARY if LEVEL_CYCLE[i % 3] == "top_secret" else f"Báo cáo tình hình sáp nhập đơn vị số {i}"


def register_rows(n: int, *, fields: list[str]) -> Iterator[Row]:
    for i in range(1, n + 1):
        level = LEVEL_CYCLE[i % 3]
        cells = {f: f"{f[:3]}-{i}" for f in fields}
        cells.update(seq=str(i), level=levels.label(level), summary=summary(i), note="")
        yield Row(cells=cells, level=level, cancelled=i % 25 == 0)


def register_document(form_id: str, n: int, on: dt.date = dt.date(2025, 6, 1), **table: object) -> Document:
    definition = select.select(library.shipped(), form_id, on)
    assert definition is not None
    fields = [c.field for c in definition.columns]
    return Document(
        title=definition.title, page=definition.page, level="top_secret", form_key=definition.key,
        cover=Cover(definition.title, "Ủy ban nhân dân tỉnh Thử", "Sở Nội vụ tỉnh Thử",
                    tuple((c.label, f"giá trị {c.field}") for c in definition.cover
                          if c.field not in ("governing_body", "agency"))),
        table=Table(definition.columns, register_rows(n, fields=fields), n, **table),  # type: ignore[arg-type]
    )  # fmt: skip
