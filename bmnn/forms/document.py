"""The document model: plain data every renderer takes (pure, no Django).

Adapters in ``bmnn.forms.sources`` turn a register, an item or a person into a ``Document``; the
DOCX and PDF renderers turn the same ``Document`` into a file, so both formats carry the same content.
Table rows are an iterator, so a register of 50,000 rows is never held in memory as a whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from bmnn.forms.catalogue.schema import Column, Page, StampSpec
from bmnn.lib import levels

CANCELLED_MARK = "ĐÃ HỦY"
MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Letterhead:
    """NĐ 30/2020 Phụ lục I: quốc hiệu và tiêu ngữ, tên cơ quan, số ký hiệu, địa danh và ngày tháng."""

    agency: str
    governing_body: str = ""
    number: str = ""
    place: str = ""
    date: dt.date | None = None

    @property
    def date_line(self) -> str:
        if self.date is None:
            return f"{self.place}, ngày … tháng … năm …" if self.place else ""
        # NĐ 30/2020 Phụ lục I: days below 10 and the months 1 and 2 take a leading zero.
        day = f"{self.date.day:02d}"
        month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
        return f"{self.place or '…'}, ngày {day} tháng {month} năm {self.date.year}"


@dataclass(frozen=True)
class Stamp:
    """A stamp at its real size; ``lines`` already filled in."""

    lines: tuple[str, ...]
    spec: StampSpec
    caption: str = ""  # shown under the stamp on a stamp sheet (title and basis), never on a document


@dataclass(frozen=True)
class Signature:
    title: str
    name: str = ""


@dataclass(frozen=True)
class Row:
    cells: Mapping[str, str]
    level: str = ""
    cancelled: bool = False


@dataclass
class Table:
    columns: tuple[Column, ...]
    rows: Iterable[Row]
    expected_rows: int | None = None  # for the progress bar; None when unknown
    include_cancelled: bool = True


@dataclass(frozen=True)
class Cover:
    """A register book's cover: agency names on top, then (label, value) lines from the definition."""

    title: str
    governing_body: str
    agency: str
    lines: tuple[tuple[str, str], ...]


@dataclass
class Document:
    title: str
    page: Page
    level: str = ""  # highest level the printout contains; "" when nothing secret
    subtitle: str = ""
    letterhead: Letterhead | None = None
    body: tuple[str, ...] = ()
    signatures: tuple[Signature, ...] = ()
    recipients: tuple[str, ...] = ()
    stamps: tuple[Stamp, ...] = ()
    cover: Cover | None = None
    table: Table | None = None
    form_key: str = ""  # "register.outgoing@2018.1", printed small in the footer
    progress: Progress | None = field(default=None, repr=False)

    @property
    def level_mark(self) -> str:
        return levels.label(self.level).upper() if self.level else ""


def print_cells(row: Row, columns: tuple[Column, ...]) -> list[str]:
    """The text of each cell as printed: Tuyệt mật rows never show a trích yếu (Luật 117/2025/QH15;
    under 2018 the adapter may pass it only with the classifier's consent, so the blank is the safe
    default here too), and a cancelled row keeps its number and shows ĐÃ HỦY."""
    out = []
    for col in columns:
        text = str(row.cells.get(col.field, "") or "")
        if col.field == "summary" and row.level == "top_secret":
            text = ""
        out.append(text)
    if row.cancelled:
        at = next((i for i, c in enumerate(columns) if c.field == "note"), len(columns) - 1)
        out[at] = f"{CANCELLED_MARK}. {out[at]}" if out[at] else CANCELLED_MARK
    return out


def printable_rows(table: Table) -> Iterable[Row]:
    return (r for r in table.rows if table.include_cancelled or not r.cancelled)


def highest_level(found: Iterable[str]) -> str:
    """The highest level among ``found`` (mixed content carries the highest: Điều 8 Luật 29/2018)."""
    best = ""
    for lv in found:
        if lv and (not best or levels.rank(lv) > levels.rank(best)):
            best = lv
    return best
