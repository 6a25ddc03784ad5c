"""Vietnamese date expressions: "28/02/2020", "28/2/2020", "ngày 21 tháng 4 năm 2022".

Administrative documents write dates both ways (NĐ 30/2020/NĐ-CP on the format
of administrative documents prescribes the long form in the header, bodies use
the short form). Impossible dates (31/02) are refused rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# Short form; tolerate stray spaces around the separators that PDF text layers add.
SHORT_DATE = r"(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})\s?[/.-]\s?(?P<y>\d{4})"
LONG_DATE = r"(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s*,?\s+năm\s+(?P<ly>\d{4})"
ANY_DATE = rf"(?:{SHORT_DATE}|{LONG_DATE})"
ANY_DATE_RE = re.compile(ANY_DATE, re.IGNORECASE)

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def make_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the numbers cannot form one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_from_match(match: re.Match[str]) -> date | None:
    """Turn a match of ``ANY_DATE`` (short or long group names) into a date."""
    groups = match.groupdict()
    if groups.get("d") is not None:
        return make_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if groups.get("ld") is not None:
        return make_date(int(groups["ly"]), int(groups["lm"]), int(groups["ld"]))
    return None


def parse_date(text: str) -> date | None:
    """The first full date written in ``text``."""
    for match in ANY_DATE_RE.finditer(text):
        found = date_from_match(match)
        if found is not None:
            return found
    return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    first_month = 3 * (quarter - 1) + 1
    return date(year, first_month, 1), month_end(year, first_month + 2)
