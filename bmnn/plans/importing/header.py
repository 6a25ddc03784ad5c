"""Header, title and sign-off of an administrative document (layout of NĐ 30/2020/NĐ-CP).

Header: governing body and issuer (upper case, left), national motto (right),
"Số: 97/KH-UBND", "Hoằng Trung, ngày 21 tháng 4 năm 2022". Sign-off: "Nơi nhận:"
list, signer's title ("GIÁM ĐỐC", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") and name. Exports
glue these together ("- Lưu VP, CAX. Lê Văn Tý"), so they are read from patterns,
not from line positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bmnn.plans.importing.dates import LONG_DATE, SHORT_DATE, date_from_match
from bmnn.plans.importing.normalize import BULLET_RE, is_upper_heading
from bmnn.plans.importing.refs import _SYMBOL, canonical_symbol

_MOTTO = re.compile(r"cộng\s+h(?:òa|oà)\s+xã\s+hội|độc\s+lập\s*-\s*tự\s+do", re.IGNORECASE)
_NUMBER_RE = re.compile(rf"Số\s*:?\s*(?P<num>{_SYMBOL})", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(
    rf"(?P<place>[^\W\d][^,:;\d]{{1,40}}?)\s*,\s*ngày\s+(?:{LONG_DATE}|{SHORT_DATE})", re.IGNORECASE
)
_ADMIN_UNITS = ("TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "THỊ TRẤN", "THÀNH PHỐ", "QUẬN", "THỊ XÃ")
_DOC_KINDS = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "BÁO CÁO", "QUYẾT ĐỊNH", "HƯỚNG DẪN", "CÔNG VĂN")
_INFERRED_ISSUER = re.compile(
    r"(?P<issuer>(?:Sở|UBND|Ủy\s+ban\s+nhân\s+dân|Ban|Công\s+an|Phòng|Văn\s+phòng|Bộ|Cục|Trường|Bệnh\s+viện)"
    r"[^,;.:()]{1,60}?)\s+(?:xây\s+dựng|ban\s+hành)\s+[Kk]ế\s+hoạch"
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_A-ZĐ]*$")
_RECIPIENTS_LABEL = re.compile(r"^nơi\s+nhận\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    number: str | None
    issued_on: date | None
    place: str | None
    issuer: str | None
    governing_body: str | None
    leftovers: tuple[str, ...]


@dataclass(frozen=True)
class SignOff:
    recipients: tuple[str, ...]
    signer: str | None
    signer_title: str | None
    leftovers: tuple[str, ...]


def is_title_start(paragraph: str) -> bool:
    return any(paragraph.startswith(kind) for kind in _DOC_KINDS) and paragraph[:8].isupper()


def read_header(paragraphs: list[str]) -> Header:
    """Read the paragraphs before the title."""
    text = " ".join(paragraphs)
    number_match = _NUMBER_RE.search(text)
    # The place sits between the number and ", ngày": cut the number off first.
    date_match = _PLACE_DATE_RE.search(text[number_match.end() :] if number_match else text)
    names = [p for p in paragraphs if is_upper_heading(p) and not _MOTTO.search(p)]
    governing, issuer = _issuer_lines(names)
    used = set(names)
    leftovers = tuple(
        p
        for p in paragraphs
        if p not in used
        and not _MOTTO.search(p)
        and not _NUMBER_RE.search(p)
        and not _PLACE_DATE_RE.search(p)
    )
    return Header(
        number=canonical_symbol(number_match.group("num")) if number_match else None,
        issued_on=date_from_match(date_match) if date_match else None,
        place=date_match.group("place").strip() if date_match else None,
        issuer=issuer,
        governing_body=governing,
        leftovers=leftovers,
    )


def _issuer_lines(names: list[str]) -> tuple[str | None, str | None]:
    """'ỦY BAN NHÂN DÂN' + 'XÃ HOẰNG TRUNG' is one name; 'UBND TỈNH X' + 'SỞ Y TẾ' is body + issuer."""
    if not names:
        return None, None
    if len(names) >= 2 and names[1].startswith(_ADMIN_UNITS):
        joined = [f"{names[0]} {names[1]}", *names[2:]]
    else:
        joined = names
    if len(joined) == 1:
        return None, joined[0]
    return joined[0], " ".join(joined[1:])


def infer_issuer(preamble: str) -> str | None:
    """'Sở Y tế xây dựng kế hoạch…' when the document has no header block."""
    match = _INFERRED_ISSUER.search(preamble)
    return " ".join(match.group("issuer").split()) if match else None


def split_trailing_name(paragraph: str) -> tuple[str, str | None]:
    """'GIÁM ĐỐC Trịnh Hữu Hùng' → ('GIÁM ĐỐC', 'Trịnh Hữu Hùng'); names are 2–5 capitalised words."""
    words = paragraph.split()
    count = 0
    while count < min(5, len(words)) and _NAME_WORD.match(words[len(words) - 1 - count]):
        count += 1
    if count < 2:
        return paragraph, None
    return " ".join(words[: len(words) - count]), " ".join(words[len(words) - count :])


def read_sign_off(paragraphs: list[str]) -> SignOff:
    """Recipients ("Nơi nhận:" bullets), the signer's title and name."""
    items = list(paragraphs)
    signer = None
    if items:
        items[-1], signer = split_trailing_name(items[-1])
    recipients: list[str] = []
    titles: list[str] = []
    leftovers: list[str] = []
    for item in items:
        item = _RECIPIENTS_LABEL.sub("", item).strip()
        bullet = BULLET_RE.match(item)
        if bullet:
            recipients.append(bullet.group("rest").strip().rstrip(";,. ").strip())
        elif item and _is_title_text(item):
            titles.append(item)
        elif item:
            leftovers.append(item)
    return SignOff(
        recipients=tuple(recipients),
        signer=signer,
        signer_title=" ".join(titles) or None,
        leftovers=tuple(leftovers),
    )


def _is_title_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
