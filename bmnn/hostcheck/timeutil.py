"""Timestamp decoding for every format the collectors meet.

All times are kept as aware UTC datetimes; local time is derived from the inspected host's own
time zone (not the inspector's) because the biên bản must match what the user saw on the machine.
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_ISO_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?")
_BSD_RE = re.compile(r"^([A-Z][a-z]{2})\s+(\d{1,2}) (\d{2}):(\d{2}):(\d{2})")


_FIXED_RE = re.compile(r"UTC([+-])(\d{2}):(\d{2})$")


def get_zone(name: str) -> tzinfo:
    """The host's zone (IANA name, or "UTC+07:00" for a Windows bias), UTC when unknown."""
    fixed = _FIXED_RE.search(name)
    if fixed:
        minutes = int(fixed.group(2)) * 60 + int(fixed.group(3))
        return timezone(timedelta(minutes=minutes if fixed.group(1) == "+" else -minutes))
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def as_time(data: object) -> datetime | None:
    """A registry FILETIME in whatever shape the back end returns (datetime, int or 8 bytes)."""
    if isinstance(data, datetime):
        return (data if data.tzinfo else data.replace(tzinfo=UTC)).astimezone(UTC)
    if isinstance(data, int):
        return filetime(data)
    if isinstance(data, bytes | bytearray):
        return filetime_bytes(bytes(data))
    return None


def filetime(value: int) -> datetime | None:
    if value <= 0 or value >= 0x7FFFFFFFFFFFFFFF:
        return None
    return _FILETIME_EPOCH + timedelta(microseconds=value // 10)


def filetime_bytes(data: bytes) -> datetime | None:
    if len(data) < 8:
        return None
    return filetime(struct.unpack("<Q", data[:8])[0])


def systemtime_bytes(data: bytes, zone: tzinfo) -> datetime | None:
    """Windows SYSTEMTIME (NetworkList DateCreated/DateLastConnected), recorded in local time."""
    if len(data) < 16:
        return None
    year, month, _dow, day, hour, minute, second, _ms = struct.unpack("<8H", data[:16])
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone).astimezone(UTC)
    except ValueError:
        return None


def unix(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC) if seconds > 0 else None
    except (OverflowError, OSError, ValueError):
        return None


def webkit(micros: int) -> datetime | None:
    """Chromium stores microseconds since 1601-01-01 UTC."""
    return filetime(micros * 10) if micros > 0 else None


def parse_iso(text: str, zone: tzinfo) -> datetime | None:
    match = _ISO_RE.match(text.strip())
    if not match:
        return None
    stamp, offset = match.group(1).replace(" ", "T"), match.group(2) or ""
    try:
        parsed = datetime.fromisoformat(stamp + ("+00:00" if offset == "Z" else offset))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(UTC)


def parse_bsd(text: str, year: int, zone: tzinfo) -> datetime | None:
    """Traditional syslog stamp without a year ("Nov 24 21:12:24"): the caller supplies the year."""
    match = _BSD_RE.match(text)
    if not match:
        return None
    month = _MONTHS.get(match.group(1))
    if month is None:
        return None
    day, hour, minute, second = (int(g) for g in match.groups()[1:])
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone).astimezone(UTC)
    except ValueError:
        return None


def iso_utc(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def iso_local(value: datetime | None, zone: tzinfo) -> str | None:
    return value.astimezone(zone).isoformat(timespec="seconds") if value else None
