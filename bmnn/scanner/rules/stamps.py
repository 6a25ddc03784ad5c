"""The other BMNN stamps (TT 24/2020 Mẫu 04, 05, 07, 08, 11; NĐ 63/2026 annexes): protection period,
extension, declassified, recall, "named addressee only", copy number, state-secret copy.

Each must stand alone on its line (stamp form); the same words inside a sentence — a law article, a
training slide — mark nothing.
"""

from __future__ import annotations

import re

from bmnn.scanner.model import Effect, Finding
from bmnn.scanner.rules.base import STAMP_FRAME, Context, Rule, Segment
from bmnn.scanner.textnorm import canon

_BMNN = rf"(?: {canon('bí mật nhà nước')}| bmnn)"
_TAIL = r"(?: ?[:\-–] ?.{0,80})?"


def _stamp(body: str) -> re.Pattern[str]:
    return re.compile(rf"{STAMP_FRAME}(?P<body>{body}){STAMP_FRAME}\.?")


_PERIOD = _stamp(rf"{canon('thời hạn bảo vệ')}{_BMNN}?(?: ?: ?| {canon('đến')} ).{{1,60}}")
_EXTENSION = _stamp(
    rf"{canon('gia hạn')}(?: {canon('thời hạn bảo vệ')}{_BMNN}?)?(?: ?: ?| {canon('đến')} ).{{1,60}}"
)
_DECLASS = _stamp(
    rf"(?:{canon('đã')} )?{canon('giải mật')}(?P<partial> {canon('một phần')})?(?:(?: ?[:,\-–] ?| (?:{canon('ngày')}|{canon('theo')}|{canon('từ')}) ).{{0,80}})?"
)
_RECALL = _stamp(rf"{canon('tài liệu thu hồi')}{_TAIL}")
_NAMED = _stamp(canon("chỉ người có tên mới được bóc bì"))
_COPY_NO = _stamp(rf"{canon('bản')} (?:{canon('sao')} )?{canon('số')} ?:? ?\d{{1,4}}(?: ?/ ?\d{{1,4}})?")
_SECRET_COPY = _stamp(rf"{canon('bản sao bí mật nhà nước')}{_TAIL}")
# Fixed-text stamps printed at the end of another line ("Số: …   CHỈ NGƯỜI CÓ TÊN…"): PDF text layers
# collapse the gap to one blank, so they are also looked for at the end of a mixed-case line.
_EDGES = {
    _RECALL: re.compile(rf"(?<= )(?P<body>{canon('tài liệu thu hồi')})$"),
    _NAMED: re.compile(rf"(?<= )(?P<body>{canon('chỉ người có tên mới được bóc bì')})$"),
    _SECRET_COPY: re.compile(rf"(?<= )(?P<body>{canon('bản sao bí mật nhà nước')})$"),
}


def _edge(seg: Segment, pattern: re.Pattern[str]) -> re.Match[str] | None:
    edge = _EDGES.get(pattern)
    m = edge.search(seg.norm.text) if edge else None
    if not m or not seg.is_upper(*m.span("body")):
        return None
    rest = seg.source(0, m.start("body"))
    return m if any(c.islower() for c in rest if c.isascii()) else None


def _simple(pattern: re.Pattern[str], upper_conf: float, other_conf: float, effect: Effect):  # type: ignore[no-untyped-def]
    def confirm(seg: Segment, ctx: Context) -> list[Finding]:
        m = pattern.fullmatch(seg.norm.text)
        if not m:
            m = _edge(seg, pattern)
            if not m:
                return []
            rule = _BY_PATTERN[pattern]
            conf = upper_conf - 0.03 if seg.prominent else 0.6
            return [ctx.finding(rule, seg, m.span("body"), effect, conf, None, "chữ in hoa ở cuối dòng")]
        upper = seg.is_upper(*m.span("body"))
        conf = upper_conf if upper else other_conf
        strength = conf if not seg.prominent else min(1.0, conf + 0.03)
        rule = _BY_PATTERN[pattern]
        note = "chữ in hoa" if upper else ""
        return [ctx.finding(rule, seg, m.span("body"), effect, strength, None, note)]

    return confirm


def confirm_declassified(seg: Segment, ctx: Context) -> list[Finding]:
    m = _DECLASS.fullmatch(seg.norm.text)
    if not m:
        return []
    upper = seg.is_upper(*m.span("body"))
    detailed = m.end("body") - m.start("body") > len(canon("giải mật")) + 4
    if not upper and not detailed:
        return []  # a bare "Giải mật" heading or list item is a topic, not the stamp
    if m.group("partial"):
        note = "giải mật một phần: phần còn lại vẫn là bí mật"
        return [ctx.finding(DECLASSIFIED, seg, m.span("body"), Effect.SUSPECT, 0.7, None, note)]
    return [ctx.finding(DECLASSIFIED, seg, m.span("body"), Effect.DECLASSIFIED, 0.9 if upper else 0.75)]


_BY_PATTERN: dict[re.Pattern[str], Rule] = {}


def _rule(
    rid: str, desc: str, kw: str, pattern: re.Pattern[str], up: float, other: float, eff: Effect
) -> Rule:
    rule = Rule(
        rid, desc, kw, _simple(pattern, up, other, eff), "Thông tư 24/2020/TT-BCA; Nghị định 63/2026/NĐ-CP"
    )
    _BY_PATTERN[pattern] = rule
    return rule


PERIOD = _rule(
    "stamp.protection_period",
    "Dấu thời hạn bảo vệ BMNN",
    r"(?i:thời\s*hạn\s*bảo\s*vệ)",
    _PERIOD,
    0.88,
    0.75,
    Effect.SECRET,
)
EXTENSION = _rule(
    "stamp.extension",
    "Dấu gia hạn thời hạn bảo vệ BMNN",
    r"(?i:gia\s*hạn)",
    _EXTENSION,
    0.85,
    0.65,
    Effect.SECRET,
)
RECALL = _rule(
    "stamp.recall",
    "Dấu “Tài liệu thu hồi”",
    r"(?i:tài\s*liệu\s*thu\s*hồi)",
    _RECALL,
    0.85,
    0.6,
    Effect.SECRET,
)
NAMED_ONLY = _rule(
    "stamp.named_only",
    "Dấu “Chỉ người có tên mới được bóc bì”",
    r"(?i:bóc\s*bì)",
    _NAMED,
    0.9,
    0.8,
    Effect.SECRET,
)
COPY_NUMBER = _rule(
    "stamp.copy_number",
    "Dấu số bản (“Bản số”)",
    r"(?i:bản\s*(?:sao\s*)?số)",
    _COPY_NO,
    0.65,
    0.5,
    Effect.SUSPECT,
)
SECRET_COPY = _rule(
    "stamp.state_secret_copy",
    "Dấu “Bản sao bí mật nhà nước”",
    r"(?i:bản\s*sao\s*bí)",
    _SECRET_COPY,
    0.92,
    0.85,
    Effect.SECRET,
)
DECLASSIFIED = Rule(
    "stamp.declassified",
    "Dấu “Giải mật”",
    r"(?i:giải\s*mật)",
    confirm_declassified,
    "Mẫu 05 Thông tư 24/2020/TT-BCA",
)
