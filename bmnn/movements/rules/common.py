"""What the movement rules share: the regime by date and small checks."""

from __future__ import annotations

import datetime as dt

from bmnn.lib.rules import Violation

REGIME_2025_FROM = dt.date(2026, 3, 1)
LAW_2018 = "Luật 29/2018/QH14"
LAW_2025 = "Luật 117/2025/QH15"
DECREE_2018 = "Nghị định 26/2020/NĐ-CP"
DECREE_2025 = "Nghị định 63/2026/NĐ-CP"
# Statuses on which no movement is possible: a declassified item is no longer a secret (nothing to
# authorise), a destroyed or lost item no longer exists in the holding.
CLOSED_STATUSES = {
    "declassified": "đã giải mật",
    "destroyed": "đã tiêu hủy",
    "lost": "đã bị mất",
    "draft": "chưa xác định độ mật",
    "proposed": "đang chờ quyết định độ mật",
}


def cite(on: dt.date, article: str, *, decree_2018: str = "", decree_2025: str = "") -> str:
    """The article of the law in force on ``on`` (2018 regime before 01/03/2026, 2025 regime after)."""
    if on < REGIME_2025_FROM:
        text = f"{article} {LAW_2018}"
        return f"{text}; {decree_2018} {DECREE_2018}" if decree_2018 else text
    text = f"{article} {LAW_2025}"
    return f"{text}; {decree_2025} {DECREE_2025}" if decree_2025 else text


def required(value: str, code: str, label: str, basis: str) -> list[Violation]:
    if value.strip():
        return []
    return [Violation(code, f"Trường “{label}”: bắt buộc.", basis)]


def item_open(status: str, what: str, basis: str) -> list[Violation]:
    """A movement needs an item still held as a secret."""
    if status not in CLOSED_STATUSES:
        return []
    return [
        Violation(
            f"item_{status}",
            f"Không thể {what}: tài liệu {CLOSED_STATUSES[status]}.",
            basis,
        )
    ]


def not_future(on: dt.date, today: dt.date, code: str, label: str, basis: str) -> list[Violation]:
    if on <= today:
        return []
    return [Violation(code, f"Trường “{label}”: không được sau ngày hôm nay ({today:%d/%m/%Y}).", basis)]


def not_before(
    later: dt.date, earlier: dt.date | None, code: str, message: str, basis: str
) -> list[Violation]:
    if earlier is None or later >= earlier:
        return []
    return [Violation(code, message, basis)]
