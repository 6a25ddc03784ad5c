"""Deadlines as plans write them, normalised to a kind plus a date or range.

"Thời gian thực hiện:" values are read whole ("thực hiện thường xuyên", "trong quý II
năm 2022", "trong năm 2022"); elsewhere only explicit dated phrases are taken
("trước ngày 15/10/2021", "chậm nhất ngày …"), because "thường xuyên" inside a
sentence is an adverb, not a deadline. A day without a year ("trước ngày 03/11")
takes the plan's year and says so (``year_inferred``).
"""

from __future__ import annotations

import re
from datetime import date

from bmnn.plans.importing.dates import ANY_DATE, ROMAN, date_from_match, make_date, month_end, quarter_range
from bmnn.plans.importing.model import Deadline, DeadlineKind

_BEFORE = r"(?:trước|chậm\s+nhất(?:\s+là)?|không\s+quá|hạn\s+chót|hoàn\s+thành\s+trước)\s+(?:ngày\s+)?"
_BEFORE_FULL_RE = re.compile(rf"{_BEFORE}{ANY_DATE}", re.IGNORECASE)
_BEFORE_DAY_RE = re.compile(
    rf"{_BEFORE}(?P<d>\d{{1,2}})\s?/\s?(?P<m>\d{{1,2}})(?!\d|\s?/\s?\d)", re.IGNORECASE
)
_QUARTER_RE = re.compile(r"quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*(?P<y>\d{4}))?", re.IGNORECASE)
_MONTH_RE = re.compile(r"tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>\d{4}))?", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?:trong\s+)?năm\s+(?P<y>\d{4})", re.IGNORECASE)
_RECURRING_YEARLY = re.compile(r"h[ằà]ng\s+năm|định\s+kỳ\s+(?:01|1|một)\s+năm|mỗi\s+năm", re.IGNORECASE)
_RECURRING = re.compile(r"định\s+kỳ", re.IGNORECASE)
_CONTINUOUS = re.compile(r"thường\s+xuyên|liên\s+tục", re.IGNORECASE)
_EVENT = re.compile(r"ngay\s+sau\s+khi|ngay\s+khi|khi\s+phát\s+hiện|khi\s+có|đột\s+xuất", re.IGNORECASE)


def parse_deadline_value(text: str, plan_year: int | None) -> Deadline:
    """Read a whole "Thời gian thực hiện:" value; always returns one (UNKNOWN keeps the text)."""
    for reader in (_read_before, _read_full_date, _read_quarter, _read_month, _read_year):
        found = reader(text, plan_year)
        if found is not None:
            return found
    recurrence = _recurrence(text)
    if recurrence:
        return Deadline(kind=DeadlineKind.RECURRING, text=text, recurrence=recurrence)
    if _CONTINUOUS.search(text):
        return Deadline(kind=DeadlineKind.CONTINUOUS, text=text)
    if _EVENT.search(text):
        return Deadline(kind=DeadlineKind.EVENT, text=text)
    return Deadline(kind=DeadlineKind.UNKNOWN, text=text)


def find_dated_deadlines(text: str, plan_year: int | None) -> list[Deadline]:
    """Explicit "trước ngày …" deadlines inside running text."""
    found: list[Deadline] = []
    for match in _BEFORE_FULL_RE.finditer(text):
        due = date_from_match(match)
        if due is not None:
            found.append(_before(match.group(0), due, text, inferred=False))
    for match in _BEFORE_DAY_RE.finditer(text):
        due = _day_in_year(match, plan_year)
        if due is not None:
            found.append(_before(match.group(0), due, text, inferred=True))
    return found


def _before(phrase: str, due: date, context: str, *, inferred: bool) -> Deadline:
    return Deadline(
        kind=DeadlineKind.BEFORE,
        text=" ".join(phrase.split()),
        date=due,
        end=due,
        recurrence=_recurrence(context),
        year_inferred=inferred,
    )


def _day_in_year(match: re.Match[str], plan_year: int | None) -> date | None:
    if plan_year is None:
        return None
    return make_date(plan_year, int(match.group("m")), int(match.group("d")))


def _recurrence(text: str) -> str | None:
    if _RECURRING_YEARLY.search(text):
        return "yearly"
    if _RECURRING.search(text):
        return "periodic"
    return None


def _read_before(text: str, plan_year: int | None) -> Deadline | None:
    found = find_dated_deadlines(text, plan_year)
    return found[0] if found else None


def _read_full_date(text: str, _plan_year: int | None) -> Deadline | None:
    match = re.search(ANY_DATE, text, re.IGNORECASE)
    due = date_from_match(match) if match else None
    if due is None:
        return None
    return Deadline(kind=DeadlineKind.ON_DATE, text=text, date=due, start=due, end=due)


def _read_quarter(text: str, plan_year: int | None) -> Deadline | None:
    match = _QUARTER_RE.search(text)
    if not match:
        return None
    raw = match.group("q").upper()
    quarter = ROMAN.get(raw) or int(raw)
    year = int(match.group("y")) if match.group("y") else plan_year
    if year is None:
        return Deadline(kind=DeadlineKind.PERIOD, text=text)
    start, end = quarter_range(year, quarter)
    return _period(text, start, end, inferred=match.group("y") is None)


def _read_month(text: str, plan_year: int | None) -> Deadline | None:
    match = _MONTH_RE.search(text)
    if not match or not 1 <= int(match.group("m")) <= 12:
        return None
    year = int(match.group("y")) if match.group("y") else plan_year
    if year is None:
        return Deadline(kind=DeadlineKind.PERIOD, text=text)
    month = int(match.group("m"))
    return _period(text, date(year, month, 1), month_end(year, month), inferred=match.group("y") is None)


def _read_year(text: str, _plan_year: int | None) -> Deadline | None:
    match = _YEAR_RE.search(text)
    if not match:
        return None
    year = int(match.group("y"))
    return _period(text, date(year, 1, 1), date(year, 12, 31), inferred=False)


def _period(text: str, start: date, end: date, *, inferred: bool) -> Deadline:
    return Deadline(
        kind=DeadlineKind.PERIOD,
        text=text,
        date=end,
        start=start,
        end=end,
        recurrence=_recurrence(text),
        year_inferred=inferred,
    )
