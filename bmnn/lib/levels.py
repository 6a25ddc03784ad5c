"""Secrecy levels (độ mật) and their order — pure Python, usable by rules.py.

Luật 29/2018/QH14 Điều 8; Luật 117/2025/QH15: Tuyệt mật > Tối mật > Mật.
"""

from __future__ import annotations

RANK: dict[str, int] = {"none": 0, "confidential": 1, "secret": 2, "top_secret": 3}
LABELS: dict[str, str] = {
    "none": "Không",
    "confidential": "Mật",
    "secret": "Tối mật",
    "top_secret": "Tuyệt mật",
}
LEVELS: tuple[str, ...] = ("confidential", "secret", "top_secret")


def rank(level: str) -> int:
    try:
        return RANK[level]
    except KeyError:
        raise ValueError(f"Độ mật không hợp lệ: {level!r}") from None


def covers(clearance: str, level: str) -> bool:
    """True when a holder of ``clearance`` may access an item of ``level``."""
    return rank(clearance) >= rank(level)


def label(level: str) -> str:
    return LABELS.get(level, level)
