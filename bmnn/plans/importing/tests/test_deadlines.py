"""Deadline wording normalised to kind + date/range."""

from __future__ import annotations

from datetime import date

import pytest

from bmnn.plans.importing.deadlines import find_dated_deadlines, parse_deadline_value
from bmnn.plans.importing.model import DeadlineKind as K


@pytest.mark.parametrize(
    ("text", "kind", "due", "start", "recurrence"),
    [
        ("trước ngày 15/10/2021", K.BEFORE, date(2021, 10, 15), None, None),
        ("chậm nhất ngày 20/12/2022", K.BEFORE, date(2022, 12, 20), None, None),
        ("ngày 05/6/2022", K.ON_DATE, date(2022, 6, 5), date(2022, 6, 5), None),
        ("trong quý II năm 2022", K.PERIOD, date(2022, 6, 30), date(2022, 4, 1), None),
        ("quý 4/2023", K.PERIOD, date(2023, 12, 31), date(2023, 10, 1), None),
        ("trong tháng 6 năm 2022", K.PERIOD, date(2022, 6, 30), date(2022, 6, 1), None),
        ("trong năm 2022", K.PERIOD, date(2022, 12, 31), date(2022, 1, 1), None),
        ("thực hiện thường xuyên", K.CONTINUOUS, None, None, None),
        ("hằng năm", K.RECURRING, None, None, "yearly"),
        ("định kỳ", K.RECURRING, None, None, "periodic"),
        ("ngay sau khi có văn bản hướng dẫn", K.EVENT, None, None, None),
        ("khi có yêu cầu của cấp trên", K.EVENT, None, None, None),
        ("theo chỉ đạo", K.UNKNOWN, None, None, None),
    ],
)
def test_deadline_values_are_normalised(
    text: str, kind: str, due: date | None, start: date | None, recurrence: str | None
) -> None:
    found = parse_deadline_value(text, plan_year=2022)
    assert (found.kind, found.date, found.start, found.recurrence) == (kind, due, start, recurrence)


def test_day_without_year_takes_the_plan_year_and_says_so() -> None:
    (found,) = find_dated_deadlines("báo cáo định kỳ 01 năm trước ngày 03/11 theo quy định", plan_year=2022)
    assert (found.date, found.year_inferred, found.recurrence) == (date(2022, 11, 3), True, "yearly")


def test_day_without_year_and_without_plan_year_is_not_guessed() -> None:
    assert find_dated_deadlines("trước ngày 03/11", plan_year=None) == []


def test_full_date_is_not_read_twice_as_a_day_month() -> None:
    assert [d.date for d in find_dated_deadlines("gửi trước ngày 15/10/2021.", 2021)] == [date(2021, 10, 15)]


def test_impossible_date_is_refused() -> None:
    assert find_dated_deadlines("trước ngày 31/02/2022", 2022) == []
