"""The law's default authorities per agency level and position kind.

These seed a new agency's configuration; an administrator adapts them to the real
org chart (e.g. raise the head of a UBND tỉnh to Tuyệt mật for copying). Each row
cites its basis; [H] read in the legal text, [M] official portal, [L] inference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REGIME_2025_FROM = dt.date(2026, 3, 1)


@dataclass(frozen=True)
class DefaultGrant:
    kind: str
    act: str
    max_level: str
    basis: str
    valid_from: dt.date | None = None


_CLASSIFY_HEAD = "Khoản 2 Điều 10 Luật 29/2018/QH14 [H]; Điều 10 Luật 117/2025/QH15 [M]"
_CLASSIFY_DEPUTY = "Điều 10 Luật 117/2025/QH15, Điều 3 NĐ 63/2026/NĐ-CP (cấp phó xác định BMNN) [M]"
_COPY = "Điều 11 Luật 29/2018/QH14 [H]; Điều 11 Luật 117/2025/QH15 [M]"
_TAKE_OUT = "Khoản 1 Điều 14 Luật 29/2018/QH14; Điều 5 NĐ 26/2020/NĐ-CP [H]"
_PROVIDE = "Điều 15 Luật 29/2018/QH14 (người có thẩm quyền cho phép sao, chụp) [H]"
_DESTROY = "Khoản 2 Điều 23 Luật 29/2018/QH14 (người có thẩm quyền sao, chụp độ Tuyệt mật, Tối mật) [H]"
_PERIOD = "Điều 20, 21, 22 Luật 29/2018/QH14 (người đứng đầu cơ quan xác định BMNN) [H]"

# Highest level a head may authorise copying for, by agency level (Luật 2018 Điều 11.1–3;
# 2025 adds commune-level Tối mật authorisers [M]). Central = bộ, cơ quan ngang bộ [H].
_HEAD_COPY_MAX = {
    "central": "top_secret",
    "provincial": "secret",
    "commune": "secret",
    "unit": "confidential",
}


def default_grants(agency_level: str) -> list[DefaultGrant]:
    copy_max = _HEAD_COPY_MAX.get(agency_level, "confidential")
    grants = [
        DefaultGrant("head", "classify", "top_secret", _CLASSIFY_HEAD),
        DefaultGrant("deputy_head", "classify", "top_secret", _CLASSIFY_DEPUTY, REGIME_2025_FROM),
        DefaultGrant("head", "copy", copy_max, _COPY),
        DefaultGrant("head", "provide", copy_max, _PROVIDE),
        DefaultGrant("head", "take_out", "top_secret", _TAKE_OUT),
        DefaultGrant("head", "extend", "top_secret", _PERIOD),
        DefaultGrant("head", "relevel", "top_secret", _PERIOD),
        DefaultGrant("head", "declassify", "top_secret", _PERIOD),
        # Trưởng phòng of a provincial sở / commune UBND may authorise copying Mật (Điều 11.3).
        DefaultGrant("unit_head", "copy", "confidential", _COPY),
        DefaultGrant("unit_head", "provide", "confidential", _PROVIDE),
    ]
    if copy_max in {"secret", "top_secret"}:
        # Destruction is decided by the Tuyệt mật / Tối mật copy authorisers (Điều 23.2).
        grants.append(DefaultGrant("head", "destroy", copy_max, _DESTROY))
    if copy_max == "top_secret":
        grants.append(
            DefaultGrant("head", "take_abroad", "top_secret", "Khoản 2 Điều 14 Luật 29/2018/QH14 [H]")
        )
    return grants
