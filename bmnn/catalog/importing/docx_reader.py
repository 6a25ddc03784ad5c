"""Read a catalog decision from a Word (.docx) file with python-docx.

Paragraphs become numbered lines for ``structure.parse_lines``; a document whose table has the
column headers of ``table`` is read as a table instead. Word's automatic list numbering is not part
of the paragraph text, so it is rebuilt (level 0 → "1.", level 1 → "a)") and reported for checking.
"""

from __future__ import annotations

import io

import docx

from bmnn.catalog.importing import structure, table
from bmnn.catalog.importing.model import ImportProblem, ParsedCatalog

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(data: bytes) -> ParsedCatalog:
    document = docx.Document(io.BytesIO(data))
    for tbl in document.tables:
        rows = [(i, [cell.text for cell in row.cells]) for i, row in enumerate(tbl.rows, start=1)]
        parsed = table.parse_rows(rows)
        if parsed is not None:
            return parsed
    lines, numbered = _paragraph_lines(document)
    parsed = structure.parse_lines(lines)
    if numbered:
        note = ImportProblem(
            numbered[0][0],
            numbered[0][1],
            "auto_numbering",
            f"{len(numbered)} đoạn dùng đánh số tự động của Word; số khoản/điểm được dựng lại theo thứ tự, "
            "hãy đối chiếu bản xem trước với văn bản gốc.",
        )
        parsed = ParsedCatalog(parsed.decision, parsed.date, parsed.sector, parsed.title, parsed.items,
                               (note, *parsed.problems))  # fmt: skip
    return parsed


def _paragraph_lines(document: docx.document.Document) -> tuple[list[structure.Line], list[structure.Line]]:
    lines: list[structure.Line] = []
    numbered: list[structure.Line] = []
    counters: dict[tuple[str, int], int] = {}
    for index, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text
        num = paragraph._p.find(f"{_W}pPr/{_W}numPr")
        if num is not None and text.strip():
            text = _number_prefix(num, counters) + text
            numbered.append((index, text))
        # A manual line break inside a paragraph is a hard line break of the same element.
        lines.append((index, " ".join(text.split("\n"))))
    return lines, numbered


def _number_prefix(num: object, counters: dict[tuple[str, int], int]) -> str:
    num_id = num.find(f"{_W}numId")  # type: ignore[attr-defined]
    ilvl = num.find(f"{_W}ilvl")  # type: ignore[attr-defined]
    key_id = num_id.get(f"{_W}val") if num_id is not None else "0"
    level = int(ilvl.get(f"{_W}val")) if ilvl is not None else 0
    for key in [k for k in counters if k[0] == key_id and k[1] > level]:
        del counters[key]  # a new clause restarts its points at "a)"
    counters[(key_id, level)] = counters.get((key_id, level), 0) + 1
    count = counters[(key_id, level)]
    if level == 0:
        return f"{count}. "
    return f"{structure.POINT_ORDER[(count - 1) % len(structure.POINT_ORDER)]}) "
