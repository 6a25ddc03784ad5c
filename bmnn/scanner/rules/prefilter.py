"""The cheap first pass: where in a text may a marking be? Speed matters here and nowhere else.

Every pattern is one pass over the whole text, and in CPython a pass costs about the same whatever the
pattern (~0.3 ns per character for a literal-prefixed regex), while an alternation without a shared
literal prefix is many times slower. So the passes are few and literal-led, and the case-insensitive
ones run over a *skeleton* instead of ``text.lower()``:

    skeleton = UTF-8 bytes, ASCII lower-cased, every continuation byte deleted

One byte per character, so skeleton offsets *are* text offsets; a Vietnamese capital and its small
letter share their UTF-8 lead byte (Ậ/ậ are E1 BA AC/AD), so the skeleton is case-blind for them too.
It also forgets which vowel carried which mark ("mật", "mất", "mặt" look alike): the pass only finds
candidate lines, and the rules then confirm them on the real text. Every pattern here matches a superset
of the keywords of the rules it serves (checked by the corpus evaluation and ``test_rules``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_LOWER_ASCII = bytes(b + 0x20 if 0x41 <= b <= 0x5A else b for b in range(256))
_CONTINUATION = bytes(range(0x80, 0xC0))
# Blanks as the skeleton shows them: ASCII whitespace, and the lead bytes of NBSP (C2), of the U+2000
# block (en/em spaces, zero-width characters: E2) and of the ideographic space (E3). A superset.
_S = rb"[\s\xc2\xe2\xe3]*"
_S1 = rb"[\s\xc2\xe2\xe3]?"


def skeleton(text: str, utf8: bytes | None = None) -> bytes:
    """``utf8`` may be passed when the caller already holds ``text`` encoded (a plain-text file)."""
    data = utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")
    skel = data.translate(_LOWER_ASCII, _CONTINUATION)
    if len(skel) != len(text):  # utf8 was not exactly ``text``: never trust misaligned offsets
        skel = text.encode("utf-8", "surrogatepass").translate(_LOWER_ASCII, _CONTINUATION)
    return skel


def sk(phrase: str) -> bytes:
    """Skeleton of a pattern phrase, regex-escaped, blanks made flexible."""
    words = [re.escape(skeleton(w.lower())) for w in phrase.split()]
    return _S.join(words)


# Case-sensitive, on the text itself: stamps in capitals ("MẬT", "M Ậ T" — letter-spaced stamps are
# printed in capitals —, "M.Ậ.T", "Mật"). A case-blind "mật" would flood the pass with every "bí mật".
TEXT_PATTERNS = (r"M\W{0,3}[Ậậ]\W{0,3}[Tt]",)

# Patterns sharing their first letter are merged into one pass (the pass costs the same either way).
SKELETON_PATTERNS = (
    # bóc bì (named addressee) · bản số / bản sao số (copy number) · bản sao bí mật (secret copy)
    # · letter-spaced "B Ả N", "B Ả O" (thời hạn bảo vệ), "B Ó C"
    rb"b(?:" + sk("óc bì") + rb"|" + sk("ản") + _S + rb"(?:" + sk("sao") + _S + rb")?(?:" + sk("số") + rb"|"
    + sk("bí") + rb")| \xe1 [no]| \xc3 c)",
    # gia hạn (extension) · giải mật (declassified) · letter-spaced "G I A"
    rb"g(?:ia" + _S + sk("hạn") + rb"|i" + sk("ải") + _S + sk("mật") + rb"| i a )",
    # thời hạn bảo vệ (protection period) · tài liệu thu hồi (recall) · tuyệt mật, tối mật in any case
    # · letter-spaced "T À I" (tài liệu thu hồi)
    rb"t(?:" + sk("hời hạn bảo vệ") + rb"|" + sk("ài liệu thu hồi") + rb"|" + sk("uyệt") + _S1 + sk("mật")
    + rb"|" + sk("ối") + _S1 + sk("mật") + rb"| \xc3 i)",
    # "Lưu:" followed by TuM/TM/M · letter-spaced "L Ư U"
    rb"l(?:" + sk("ưu") + _S + rb":| \xc6 u)",
    sk("độ") + _S + sk("mật") + _S + rb":",  # "Độ mật: …"
    # Envelope letter alone on its line (a/b/c after lower-casing: a superset).
    rb"\n[ \t\"'(\[]*[abc][ \t\r\"')\].]*(?:\n|$)",
)  # fmt: skip


@dataclass(frozen=True)
class Prefilter:
    text: tuple[re.Pattern[str], ...]
    skel: tuple[re.Pattern[bytes], ...]

    @classmethod
    def build(
        cls, text: Iterable[str] = TEXT_PATTERNS, skel: Iterable[bytes] = SKELETON_PATTERNS
    ) -> Prefilter:
        return cls(tuple(re.compile(p) for p in text), tuple(re.compile(p) for p in skel))

    def hits(self, text: str, utf8: bytes | None = None) -> list[int]:
        found = {m.start() for p in self.text for m in p.finditer(text)}
        skel = skeleton(text, utf8)
        for p in self.skel:
            found.update(m.start() for m in p.finditer(skel))
            if p.pattern.startswith(b"\\n") and p.match(b"\n" + skel[:300]):
                found.add(0)  # a "\n"-led pattern at the very start of the text
        # "\n"-led patterns report the newline: move to the line itself.
        return sorted(h + 1 if text[h] == "\n" else h for h in found if h < len(text))


PREFILTER = Prefilter.build()
