"""Protection periods and deadlines: pure date arithmetic over a rule set.

Convention used everywhere: an *end date* is the **last day** on which the item is
still protected. A Tối mật item classified on 01/07/2020 is protected to the end of
01/07/2040 (khoản 1 Điều 19 Luật 29/2018/QH14: "từ ngày xác định độ mật ... đến hết
thời hạn") and is automatically declassified from 02/07/2040.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bmnn.registry.rules.types import Act, ItemKind, Level, Period, as_level

if TYPE_CHECKING:
    from bmnn.registry.rulesets import RuleSet


def resolve_ruleset(when: date | str) -> RuleSet:
    """Shipped rule set for a date, or by regime code (no admin overrides)."""
    # Imported here: rulesets.py imports rules.types, so a module-level import would cycle.
    from bmnn.registry.rulesets import load_ruleset, ruleset_for

    return load_ruleset(when) if isinstance(when, str) else ruleset_for(when)


def add_months(day: date, months: int, leap_day_rule: str = "feb_28") -> date:
    """``day`` plus ``months``; a day missing in the target month (29/02, 31/04) becomes
    the month's last day (``feb_28``) or the first day of the next month (``mar_1``)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day <= last:
        return date(year, month + 1, day.day)
    if leap_day_rule == "mar_1":
        return date(year, month + 1, last) + timedelta(days=1)
    return date(year, month + 1, last)


def add_years(day: date, years: int, leap_day_rule: str = "feb_28") -> date:
    """``day`` plus whole years; 29/02 follows ``leap_day_rule`` in a common year."""
    return add_months(day, 12 * years, leap_day_rule)


def add_period(day: date, period: Period, leap_day_rule: str = "feb_28") -> date:
    return add_months(day, 12 * period.years + period.months, leap_day_rule) + timedelta(days=period.days)


def base_period_end(level: Level | str, classified_on: date, ruleset: RuleSet) -> date:
    """End of the full period of ``level`` (30/20/10 years in the shipped rule sets)."""
    years = ruleset.protection_years.value[as_level(level)]
    return add_years(classified_on, years, ruleset.leap_day_rule.value)


def protection_end(
    level: Level | str,
    classified_on: date,
    kind: ItemKind | str,
    ruleset: RuleSet,
    shorter_period: Period | date | None = None,
) -> date | None:
    """Last protected day of an item (Điều 19 Luật 29/2018/QH14; Điều 19 Luật 117/2025/QH15).

    - a place (địa điểm) has no end date: it is protected until it is no longer used
      to hold state secrets, so ``None``;
    - an activity (hoạt động) may have a shorter period written at classification
      (khoản 2 Điều 19): a ``Period`` counted from ``classified_on`` or an explicit end date;
    - otherwise ``classified_on`` + the level's years.

    Raises ``ValueError`` for a shorter period on a non-activity or one that is not
    shorter: ``check_classification`` reports those as violations first.
    """
    kind = ItemKind(str(kind))
    if kind is ItemKind.PLACE:
        return None
    base_end = base_period_end(level, classified_on, ruleset)
    if shorter_period is None:
        return base_end
    if kind is not ItemKind.ACTIVITY:
        raise ValueError("shorter period only for activities (khoản 2 Điều 19)")
    end = shorter_end(classified_on, shorter_period, ruleset)
    if not classified_on <= end < base_end:
        raise ValueError("shorter period must end after classification and before the base period")
    return end


def shorter_end(classified_on: date, shorter_period: Period | date, ruleset: RuleSet) -> date:
    """End date of a shorter period given as a length or as an explicit end date."""
    if isinstance(shorter_period, date):
        return shorter_period
    return add_period(classified_on, shorter_period, ruleset.leap_day_rule.value)


def extension_last_day(current_end: date, ruleset: RuleSet) -> date:
    """Last day on which an extension may lawfully be decided (Điều 20 Luật 29/2018/QH14:
    "chậm nhất 60 ngày trước ngày hết thời hạn"): ``current_end`` − N days."""
    return current_end - timedelta(days=ruleset.extension_min_days_before_expiry.value)


def extended_end(current_end: date, length: Period, ruleset: RuleSet) -> date:
    """New last protected day after an extension of ``length`` (Điều 20): the extension
    runs on from the current end (which already includes earlier extensions)."""
    return add_period(current_end, length, ruleset.leap_day_rule.value)


def max_extended_end(level: Level | str, current_end: date, ruleset: RuleSet) -> date:
    """Latest lawful new end: each extension is at most the level's base period (Điều 20)."""
    years = ruleset.extension_max_years.value[as_level(level)]
    return add_years(current_end, years, ruleset.leap_day_rule.value)


_NOTIFY_KEYS = {
    Act.EXTEND: "notify_days_extend",
    Act.RELEVEL: "notify_days_relevel",
    Act.DECLASSIFY: "notify_days_declassify",
    Act.DECLASSIFY_CATALOG_REMOVAL: "notify_days_catalog_removal",
}


def notification_due(act_date: date, ruleset: RuleSet, act: Act | str) -> date:
    """Last day to notify holders in writing after ``act`` (15 days for extension,
    re-level and declassification; "ngay", i.e. the same day, when an item leaves the
    Danh mục): Điều 20, 21, 22 Luật 29/2018/QH14; Điều 21 Luật 117/2025/QH15.
    The count starts the day after the act, so the due date is ``act_date`` + N days."""
    key = _NOTIFY_KEYS.get(Act(str(act)))
    if key is None:
        raise ValueError(f"no notification deadline for act {act!r}")
    return act_date + timedelta(days=ruleset.rule(key).value)


def relevel_protection_end(
    classified_on: date,
    relevelled_on: date,
    new_level: Level | str,
    kind: ItemKind | str,
    ruleset: RuleSet,
) -> date | None:
    """Protection end after a re-level. The law does not say from which day the new
    level's period runs; the ``relevel_period_start`` setting decides (default: the
    original date of classification)."""
    start = relevelled_on if ruleset.relevel_period_start.value == "relevel_date" else classified_on
    return protection_end(new_level, start, kind, ruleset)
