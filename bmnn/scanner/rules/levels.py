"""Level markings: the "Độ mật" stamp (TT 24/2020 Mẫu 02; NĐ 63/2026 annexes), "Độ mật: …" fields,
the TuM/TM/M abbreviation under "Lưu" (drafter's marking of repetitive documents), envelope letters
A/B/C (Tuyệt mật → A, Tối mật → B, Mật → C; TT 24/2020 Mẫu 03)."""

from __future__ import annotations

import re

from bmnn.scanner.model import Effect, Finding, Level
from bmnn.scanner.rules.base import STAMP_FRAME, Context, Rule, Segment
from bmnn.scanner.textnorm import canon

BASIS_STAMP = "Điều 3 và Mẫu 02 Thông tư 24/2020/TT-BCA; phụ lục Nghị định 63/2026/NĐ-CP"
LEVEL_WORDS = {
    canon("tuyệt mật"): Level.TOP_SECRET,
    canon("tối mật"): Level.SECRET,
    canon("mật"): Level.CONFIDENTIAL,
}
_LEVEL = r"(tuyệt ?mật|tối ?mật|mật)"
_URGENT = "|".join(map(canon, ["khẩn", "thượng khẩn", "hoả tốc", "hoả tốc hẹn giờ"]))
_STAMP = re.compile(
    rf"{STAMP_FRAME}(?P<field>(?:dấu )?độ mật ?:? ?)?{_LEVEL}"
    rf"(?: ?[-–,/;] ?(?:bản số ?:? ?\d+|{_URGENT}))?{STAMP_FRAME}\.?"
)
_FIELD = re.compile(rf"(?:^|[;,.(] ?|\s)độ mật ?: ?{_LEVEL}(?=$|[ ;,.)])")
_OTHER_LEVEL = re.compile(r"tuyệt ?mật|tối ?mật|[ ,/]mật\b")
_LUU = re.compile(r"^[-–+•* ]*lưu ?:")
_LUU_RAW = re.compile(r"[-–+•*\s]*(?i:lưu)\s*:")  # superset of _LUU on the raw text
_ABBREV = {"TuM": Level.TOP_SECRET, "TM": Level.SECRET, "M": Level.CONFIDENTIAL}
_ABBREV_LINE = re.compile(r"^[\s(\[]*(TuM|TM|M)[\s)\].]*$")
_ENVELOPE = re.compile(r"[\s\"'(\[]*([ABC])[\s\"')\].]*")
ENVELOPE_CONTEXT = re.compile(r"(?i)phong bì|bóc bì|bì thư|ngoài bì|trong bì|bì đựng|phong bì")
_ENVELOPE_LEVEL = {"A": Level.TOP_SECRET, "B": Level.SECRET, "C": Level.CONFIDENTIAL}


_LEVEL_BY_NOSPACE = {k.replace(" ", ""): v for k, v in LEVEL_WORDS.items()}


def _level(word: str) -> Level:
    return _LEVEL_BY_NOSPACE[word.replace(" ", "")]


def _joined_previous(seg: Segment, ctx: Context) -> str | None:
    """ "TỐI\\nMẬT": a stamp broken over two lines/paragraphs is read as one."""
    if seg.norm.text not in (canon("mật"), canon("MẬT")):
        return None
    prev = ctx.neighbour(seg, -1)
    if prev is None:
        return None
    word = canon(prev.strip(" \t*\"'“”()[]"))
    return (
        word
        if word in (canon("tối"), canon("tuyệt")) and prev.strip().isupper() == seg.raw.strip().isupper()
        else None
    )


_EDGE = re.compile(rf"^{_LEVEL}(?= )|(?<=[ \d.,;:)])(?<!bí )(?<!độ )(?<!giải ){_LEVEL}$")


def confirm_edge(seg: Segment, ctx: Context) -> list[Finding]:
    """A capitals stamp at the start/end of a mixed-case line: PDF text layers put a stamp printed to
    the right of "Số: …" on the same line, with the gap collapsed to one blank."""
    m = _EDGE.search(seg.norm.text)
    if not m:
        return []
    g = 1 if m.group(1) else 2
    if not seg.is_upper(*m.span(g)):
        return []
    rest = seg.source(0, m.start(g)) + seg.source(m.end(g), len(seg.norm.text))
    if not any(c.islower() for c in rest if c.isascii()):
        return []  # an all-capitals heading ("BẢO VỆ BÍ MẬT") is a title, not a stamp
    conf = 0.85 if seg.prominent else 0.6
    note = "chữ in hoa ở đầu/cuối dòng" + (", ở đầu trang" if seg.prominent else "")
    return [ctx.finding(LEVEL_STAMP, seg, m.span(g), Effect.SECRET, conf, _level(m.group(g)), note)]


def confirm_stamp(seg: Segment, ctx: Context) -> list[Finding]:
    m = _STAMP.fullmatch(seg.norm.text)
    if not m:
        return confirm_edge(seg, ctx)
    if m.group("field"):
        return []  # "Độ mật: …" is reported by the field rule
    word = m.group(2)
    first = seg.source(m.start(2), m.start(2) + 1)
    if not first.isupper():
        return []  # "mật." alone on a line is a sentence wrapped after "bí", not a stamp
    joined = _joined_previous(seg, ctx)
    if joined:
        word = f"{joined} {word}"
    level = _level(word)
    upper = seg.is_upper(m.start(2), m.end(2))
    rule = LEVEL_STAMP
    # Capitals at the top or in a margin/box is the stamp's form (TT 24/2020 Mẫu 02, 19).
    conf = {(True, True): 0.97, (True, False): 0.88, (False, True): 0.7, (False, False): 0.55}[
        (upper, seg.prominent)
    ]
    note = (
        "dòng chỉ có dấu độ mật"
        + (", chữ in hoa" if upper else "")
        + (", ở đầu trang/lề" if seg.prominent else "")
    )
    return [ctx.finding(rule, seg, m.span(2), Effect.SECRET, conf, level, note)]


def confirm_field(seg: Segment, ctx: Context) -> list[Finding]:
    whole = _STAMP.fullmatch(seg.norm.text)
    if whole and whole.group("field"):
        return [ctx.finding(LEVEL_FIELD, seg, whole.span(2), Effect.SECRET, 0.92, _level(whole.group(2)))]
    if whole:
        return []  # a bare stamp: the stamp rule reports it
    out = []
    for m in _FIELD.finditer(seg.norm.text):
        if _OTHER_LEVEL.search(seg.norm.text, m.end(1), m.end(1) + 16):
            continue  # "độ mật: tuyệt mật, tối mật, mật" lists the levels, it marks nothing
        out.append(ctx.finding(LEVEL_FIELD, seg, m.span(1), Effect.SECRET, 0.9, _level(m.group(1))))
    return out


def confirm_luu(seg: Segment, ctx: Context) -> list[Finding]:
    # On a plain line (no letter-spacing, no hidden characters) the raw pattern decides alone: it
    # matches exactly the lines whose normal form _LUU matches, and normalising every "Lưu:" line of a
    # big text would cost more than the rest of its scan.
    if not (_LUU_RAW.match(seg.raw) if not seg.disguised else _LUU.match(seg.norm.text)):
        return []
    following = ctx.neighbour(seg, +1)
    if following is not None:
        m = _ABBREV_LINE.match(following)
        if m:
            level = _ABBREV[m.group(1)]
            span = (0, len(seg.norm.text))
            return [
                ctx.finding(
                    LUU_ABBREV, seg, span, Effect.SECRET, 0.88, level, f"ký hiệu “{m.group(1)}” dưới dòng Lưu"
                )
            ]
    items = re.split(r"[,;]", seg.raw.split(":", 1)[-1])
    for item in items:
        token = item.strip().rstrip(".").strip("()")
        if token in _ABBREV:
            span = (0, len(seg.norm.text))
            note = f"ký hiệu “{token}” trong dòng Lưu (có thể là tên viết tắt đơn vị)"
            return [ctx.finding(LUU_ABBREV, seg, span, Effect.SUSPECT, 0.6, _ABBREV[token], note)]
    return []


def confirm_envelope(seg: Segment, ctx: Context) -> list[Finding]:
    m = _ENVELOPE.fullmatch(seg.raw)
    if not m:
        return []
    if "envelope" not in ctx._memo:
        ctx._memo["envelope"] = any(ENVELOPE_CONTEXT.search(c.text) for c in ctx.chunks)
    if not ctx._memo["envelope"]:
        return []
    letter = m.group(1)
    note = f"chữ “{letter}” đứng riêng trong văn bản có nói tới bì thư"
    return [
        ctx.finding(
            ENVELOPE_CODE, seg, (0, len(seg.norm.text)), Effect.SUSPECT, 0.6, _ENVELOPE_LEVEL[letter], note
        )
    ]


# Stamps are in capitals ("MẬT", "M Ậ T", TCVN3's "MậT") or, in ordinary case, alone on their line:
# prose that merely says "bí mật" never reaches the (slower) normalisation.
_STAMP_KEYWORDS = (
    r"M\W{0,3}[Ậậ]\W{0,3}T|(?im:(?:^|\t|  )[^\w\n]{0,6}(?:tuyệt\s?|tối\s?)?mật[^\w\n]{0,6}(?:$|\t|  ))"
)
LEVEL_STAMP = Rule(
    "level.stamp",
    "Dấu chỉ độ mật",
    _STAMP_KEYWORDS,
    confirm_stamp,
    BASIS_STAMP,
    prefilter=(r"M\W{0,3}[Ậậ]\W{0,3}T", r"Mật", r"Tối\s?mật", r"Tuyệt\s?mật"),
)
LEVEL_FIELD = Rule("level.field", "Ghi độ mật “Độ mật: …”", r"(?i:độ\s*mật\s*:)", confirm_field, BASIS_STAMP)
LUU_ABBREV = Rule(
    "level.luu_abbrev",
    "Ký hiệu độ mật (TuM/TM/M) dưới dòng “Lưu”",
    r"(?i:lưu\s*:)",
    confirm_luu,
    "Nghị định 26/2020/NĐ-CP Điều 2; Luật Bảo vệ bí mật nhà nước",
)
ENVELOPE_CODE = Rule(
    "envelope.code",
    "Ký hiệu bì A/B/C",
    r"^[ \t\"'(\[]*[ABC][ \t\r\"')\].]*$",
    confirm_envelope,
    "Mẫu 03 Thông tư 24/2020/TT-BCA",
    prefilter=(r"\n[ \t\"'(\[]*[ABC][ \t\r\"')\].]*(?:\n|$)",),
)
