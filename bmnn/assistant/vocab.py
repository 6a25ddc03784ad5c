"""Vietnamese vocabulary of catalog items: document genres and status qualifiers (domain.md §8).

Catalog items read "genre + topic + status qualifier", e.g. "Đề án (genre) thành lập mới, sáp nhập …
bộ (topic) khi chưa được Quốc hội thông qua (qualifier)". The qualifier is what makes the text secret
*now*: a draft that the Quốc hội has already passed, or a text already made public, is no longer within
the item (Luật 29/2018/QH14 Điều 2.1: BMNN is information "chưa công khai"). All keys are folded
(``bmnn.lib.vntext.fold``: no accents, đ→d).
"""

from __future__ import annotations

import re

# Genres as folded syllable pairs; generic ones count less as evidence.
GENRES: frozenset[tuple[str, str]] = frozenset(
    tuple(g.split())  # type: ignore[misc]
    for g in (
        "de an", "phuong an", "ke hoach", "bao cao", "to trinh", "van ban", "chuong trinh", "thuyet minh",
        "quyet dinh", "hop dong", "chien luoc", "quy hoach", "tai lieu", "thong tin", "chu truong",
    )
)  # fmt: skip
GENERIC_GENRES = frozenset({("van", "ban"), ("tai", "lieu"), ("thong", "tin")})

# Status qualifiers inside items, as folded token sequences (longest first).
QUALIFIERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(q.split())
    for q in (
        "khi chua duoc quoc hoi thong qua",
        "chua duoc quoc hoi thong qua",
        "chua duoc co quan nha nuoc co tham quyen cong bo cong khai",
        "chua duoc cong bo cong khai",
        "chua cong khai",
        "chua cong bo",
        "khong cong bo",
        "han che pho bien hoac khong pho bien",
        "han che pho bien",
        "khong pho bien",
    )
)

STOPWORDS = frozenset(
    (  # noqa: SIM905 — one readable line of words
        "bi boi cac cho chua co con cua cung da dang de den do doi duoc duoi gom hoac khi la lai ma "
        "mot nay neu nhu nhung o ra sau se tai theo thi tren trong truoc tu va vao ve viec voi "
    ).split()
)

# The text says the matter is already public or passed: outside a "chưa công khai" item.
PUBLIC_ASSERTION = re.compile(
    r"\bda duoc quoc hoi(?: khoa \w+)?(?: bieu quyet)? thong qua"
    r"|\bquoc hoi(?: khoa \w+)? da(?: bieu quyet)? thong qua"
    r"|\bda(?: duoc)? (?:cong khai|cong bo|dang tai|niem yet|thong bao cong khai|pho bien rong rai)"
    r"|\bcong bo (?:cong khai|rong rai) tren"
    r"|\bdang tai (?:cong khai )?tren"
    r"|\bhop bao (?:de )?cong bo"
    r"|\btren cong thong tin dien tu"
)
# The text says it is not yet public / not yet passed: supports a qualifier.
NONPUBLIC_ASSERTION = re.compile(
    r"\bchua (?:duoc )?(?:cong khai|cong bo|quoc hoi|thong qua|ban hanh)"
    r"|\bkhong (?:cong bo|pho bien|dang tai)|\bhan che pho bien|\bdu thao\b|\bluu hanh noi bo"
    r"|\btrinh quoc hoi|\bxin y kien"
)
