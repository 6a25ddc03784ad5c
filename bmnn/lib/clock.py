"""The one place bmnn asks for the time, so tests can move it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def now() -> dt.datetime:
    """Aware current time in UTC."""
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date in Vietnam (acts are dated in local time)."""
    return now().astimezone(VN_TZ).date()
