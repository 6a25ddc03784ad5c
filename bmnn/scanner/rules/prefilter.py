"""The cheap first pass: where in a text may a marking be? Speed matters here and nowhere else.

Every pattern is one pass over the whole text, and in CPython a pass costs about the same whatever the
pattern (~0.5 ns per byte for a literal-prefixed regex, plus ~10 ns each time the leading literal
occurs), while an alternation without a shared literal prefix is many times slower. So the passes are
few and literal-led, and they run over a *skeleton* of the UTF-8 bytes instead of ``text.lower()``:

    skeleton = UTF-8 bytes, ASCII lower-cased except "M", every continuation byte (80-BF) made 0x80

One byte per byte (a single ``bytes.translate``, no deletion), so skeleton offsets *are* UTF-8 offsets:
a big plain-text file is searched without ever being decoded, and only its candidate lines are (see
``rules.base``). A Vietnamese capital and its small letter share their UTF-8 lead byte (Ậ/ậ are E1 BA
AC/AD), so with the continuation bytes levelled the skeleton is case-blind for them too. It also forgets
which vowel carried which mark ("mật", "mất", "mặt" look alike): the pass only finds candidate lines, and
the rules then confirm them on the real text. Capital "M" keeps its case: the stamp pass looks for a
capital "MẬT" (a case-blind "mật" would flood the rules with every "bí mật").

The letters b, l and the lead byte of đ become one byte (0x00) in the skeleton, so their patterns run as
one pass: four passes in all (b/l/đ, capital M, g, t). Merging more letters was measured slower (t and g
are so frequent that the alternation's cost at each of them outweighs a pass).

Every pattern matches a superset of what the rules it serves can *confirm* (``test_prefilter`` scans the
fixtures, the generated corpus and random marking soup once with this prefilter and once reading every
line, and requires the same findings). Three patterns are narrower than the rules' keywords, because the
rules confirm less: "Lưu:" only with TuM/TM/M among its items or alone on one of the next lines (every
ordinary document ends with "Lưu: VT"); a capital "MẬT" only with blanks or zero-width characters between
M and Ậ (normalisation joins nothing else); and the envelope-letter pass (a line holding only A, B or C;
it stops at every newline) runs only once an envelope phrase was seen, as the envelope rule requires one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bmnn.scanner.rules.levels import ENVELOPE_CONTEXT

_C = 0x80  # every UTF-8 continuation byte in the skeleton
_X = 0x00  # b, l and the lead byte C4 of đ: their patterns share one pass (see below)


def _table() -> bytes:
    table = bytearray(range(256))
    for b in range(0x41, 0x5B):
        table[b] = b + 0x20
    table[ord("M")] = ord("M")  # capital M keeps its case: the stamp pass needs it (see the docstring)
    for b in b"bBlL":
        table[b] = _X
    table[0xC4] = _X
    for b in range(0x80, 0xC0):
        table[b] = _C
    return bytes(table)


_TABLE = _table()


def skeleton(utf8: bytes) -> bytes:
    return utf8.translate(_TABLE)


# Blanks between words, as the skeleton shows them: ASCII whitespace (and the separators \x1c-\x1f that
# str.isspace() counts), the NBSP block (C2 ..), the U+2000 block (E2 .. ..: en/em spaces, zero-width
# characters), the ideographic space (E3 .. ..) and the BOM used as a zero-width no-break space (EF ..).
# The continuation bytes of those are 0x80; a 0x80 can only follow a lead byte in valid UTF-8.
_B = rb"[\s\x1c-\x1f\xc2\xe2\xe3\xef\x80]"
_S = _B + rb"*"
# One blank character, written to start with a character set: an alternative that starts with a group
# cannot be skipped at a glance by the regex engine, and these sit right after a frequent letter.
_B1 = rb"[\s\x1c-\x1f\xc2\xe2\xe3\xef]\x80{0,2}"
_S1 = rb"(?:" + _B1 + rb")?"  # at most one


def _spaced(rest: bytes) -> bytes:
    """A blank then ``rest`` (a letter-spaced word): the common ASCII space as its own alternative, so
    that "t " (any word ending in t) is dismissed as cheaply as before letter spacing was looked for."""
    return rb" " + rest + rb"|[\t\n\x0b\x0c\r\x1c-\x1f\xc2\xe2\xe3\xef]\x80{0,2}" + rest


_ANY = rb"\x80*"  # the rest of a character whose lead byte was just matched
_XR = rb"\x00"


def sk(phrase: str, blanks: bytes = _S) -> bytes:
    """Skeleton regex of a phrase: each character its lead byte and 0x80s, words joined by ``blanks``."""
    words = []
    for word in phrase.lower().split():
        out = b""
        for ch in word:
            enc = ch.encode("utf-8")
            if ch in "bl" or enc[0] == 0xC4:
                out += _XR + b"\\x80" * (len(enc) - 1)
            elif ch == "m":
                out += b"[mM]"
            else:
                out += re.escape(enc[:1]) + b"\\x80" * (len(enc) - 1)
        words.append(out)
    return blanks.join(words)


def _after(phrase: str, letters: int = 1) -> bytes:
    """``sk(phrase)`` without its first ``letters`` letters, which the pass has matched already."""
    pattern, lead = sk(phrase), sk(phrase[:letters])
    assert pattern.startswith(lead), (phrase, pattern)
    return pattern[len(lead) :]


_MAT = sk("mật")
# Phrases that tell the file speaks of an envelope (after "b", "ì"): the gate of the envelope-letter pass.
# A superset of levels.ENVELOPE_CONTEXT, which is case-insensitive (so also the dotless ı that (?i)
# equates with i); a gate hit is confirmed with that very regex on its decoded line.
_ENVELOPE_PHRASES = (
    rb"(?P<env> " + sk("thư") + rb"| " + sk("đựng")
    + b"".join(rb"|(?<=" + sk(p, b" ") + rb")" for p in ("phong bì", "trong bì", "ngoài bì", "ngoàı bì"))
    + rb")"
)  # fmt: skip
# "Lưu:" counts only with TuM/TM/M in its items or alone on one of the next lines (levels.confirm_luu);
# the skeleton keeps those letters apart (t, u, and capital M). Without this, every "Lưu: VT" closing an
# ordinary document would be a candidate line.
_TOKEN = rb"(?:tu|t)?M"
_FRAME = rb"[\s\x1c-\x1f\xc2\xe1\xe2\xe3\xef\x80"
_LUU_TAIL = (
    rb"(?=[^\n]*?(?<![a-z0-9_M\x00])" + _TOKEN + rb"(?![a-z0-9_M\x00])|[^\n]*\n(?:[^\n]*\n){0,3}"
    + _FRAME + rb"(\[]*" + _TOKEN + _FRAME + rb")\].]*(?:\n|\Z))"
)  # fmt: skip
# A capital "MẬT" with blanks or zero-width characters between its letters: the rules confirm a stamp
# only once normalisation has joined such letters, so nothing else may stand between M and Ậ (anything
# but a letter or digit may stand between Ậ and T: cheap once an M has matched).
_W = rb"(?:[\s\x1c-\x1f]|[\xc2\xe1\xe2\xe3\xef]\x80+)"
_CAPITAL_MAT = rb"M(?:\xe1\x80\x80|" + _W + rb"+\xe1\x80\x80)(?:[^\w\x80]\x80*)*t"

# One pass per leading literal; the letters b, l and đ are one byte in the skeleton, so
# their patterns share a pass (an alternation costs a little at each occurrence, a pass costs a lot).
SKELETON_PATTERNS = (
    _XR + rb"(?:"
    # bóc bì (named addressee) · bì + envelope phrase (gate only)
    + rb"\xc3\x80(?:" + _after("bóc bì", 2) + rb"|" + _ENVELOPE_PHRASES + rb")"
    # bản số / bản sao số (copy number) · bản sao bí mật (secret copy)
    + rb"|\xe1\x80\x80n" + _S + rb"(?:" + sk("sao") + _S + rb")?(?:" + sk("số") + rb"|" + sk("bí") + rb")"
    # letter-spaced "B Ả N", "B Ả O" (thời hạn bảo vệ), "B Ó C", "L Ư U"
    + rb"|" + _spaced(rb"(?:\xe1" + _ANY + _B1 + rb"[no]|\xc3" + _ANY + _B1 + rb"c|\xc6" + _ANY + _B1 + rb"u)")
    # "Lưu:" followed by TuM/TM/M
    + rb"|" + _after("lưu") + _S + rb":" + _LUU_TAIL
    # "Độ mật: …"
    + rb"|" + _after("độ") + _S + _MAT + _S + rb":)",
    # stamps in capitals: "MẬT", "M Ậ T", "M\u200bẬT"
    _CAPITAL_MAT,
    # gia hạn (extension) · giải mật (declassified) · letter-spaced "G I A"
    rb"g(?:ia" + _S + sk("hạn") + rb"|i" + sk("ải") + _S + _MAT + rb"|" + _spaced(rb"i" + _B1 + rb"a" + _B1) + rb")",
    # thời hạn bảo vệ (protection period) · tài liệu thu hồi (recall) · tuyệt mật, tối mật in any case
    # · letter-spaced "T À I" (tài liệu thu hồi)
    rb"t(?:" + sk("hời hạn bảo vệ") + rb"|" + sk("ài liệu thu hồi") + rb"|" + sk("uyệt") + _S1 + _MAT
    + rb"|" + sk("ối") + _S1 + _MAT + rb"|" + _spaced(rb"\xc3" + _ANY + _B1 + rb"i") + rb")",
)  # fmt: skip
# Envelope letter alone on its line (a/b/c after lower-casing: a superset). Gated, see the docstring.
ENVELOPE_PATTERN = rb"\n[ \t\"'(\[]*[ac\x00][ \t\r\"')\].]*(?:\n|$)"
_BOC = b"\x00\xc3\x80c"


@dataclass(frozen=True)
class Prefilter:
    skel: tuple[re.Pattern[bytes], ...]
    envelope: re.Pattern[bytes]

    @classmethod
    def build(cls) -> Prefilter:
        return cls(tuple(re.compile(p) for p in SKELETON_PATTERNS), re.compile(ENVELOPE_PATTERN))

    def byte_hits(self, utf8: bytes) -> list[int]:
        """Sorted offsets in ``utf8`` (valid UTF-8) where a candidate line may start to match."""
        return self._hits(utf8, skeleton(utf8))

    def hits(self, text: str) -> list[int]:
        """Sorted offsets in ``text`` (character offsets) of candidate matches."""
        utf8 = text.encode("utf-8", "surrogatepass")
        skel = skeleton(utf8)
        out: list[int] = []
        chars = pos = 0
        for hit in self._hits(utf8, skel):
            # A character is its lead byte plus its 0x80s: characters before = bytes - continuations.
            chars += (hit - pos) - skel.count(_C, pos, hit)
            pos = hit
            out.append(chars)
        return out

    def _hits(self, utf8: bytes, skel: bytes) -> list[int]:
        found: set[int] = set()
        gate = False
        for p in self.skel:
            for m in p.finditer(skel):
                if m.lastgroup == "env":
                    gate = gate or _envelope_spoken_of(utf8, m.start())
                    continue
                found.add(m.start())
                if not gate and skel.startswith(_BOC, m.start()):  # "bóc bì" is also an envelope phrase
                    gate = _envelope_spoken_of(utf8, m.start())
        if gate:
            found.update(m.start() + 1 for m in self.envelope.finditer(skel))  # the line after "\n"
            if self.envelope.match(b"\n" + skel[:300]):
                found.add(0)  # a "\n"-led pattern at the very start of the text
        return sorted(h for h in found if h < len(utf8))


def _envelope_spoken_of(utf8: bytes, at: int) -> bool:
    start = utf8.rfind(b"\n", 0, at) + 1
    end = utf8.find(b"\n", at)
    line = utf8[start : end if end >= 0 else len(utf8)].decode("utf-8", "surrogatepass")
    return bool(ENVELOPE_CONTEXT.search(line))


PREFILTER = Prefilter.build()
