"""Legal references in plan text: "Nghị định số 26/2020/NĐ-CP ngày 28/02/2020".

Shapes seen in the seed plans (domain.md §9): with or without "số", symbols split
across lines ("02/CT-\\nTTg"), stray spaces, article-level references ("khoản 1 và
khoản 2 Điều 8 Nghị định số 26/2020/NĐ-CP"), bare numbers ("Chỉ thị số 05 của
Thủ tướng Chính phủ") and named texts without number ("Luật bảo vệ BMNN").
The symbol layout follows NĐ 30/2020/NĐ-CP: số/năm/viết tắt loại-cơ quan ban hành;
Party texts use "18-NQ/TW".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from bmnn.plans.importing.dates import ANY_DATE, date_from_match
from bmnn.plans.importing.model import LegalRef

# Vietnamese kind words → stable codes. Longest first so "Nghị quyết liên tịch" wins.
KINDS: dict[str, str] = {
    "bộ luật": "code",
    "luật": "law",
    "pháp lệnh": "ordinance",
    "nghị quyết liên tịch": "joint_resolution",
    "nghị quyết": "resolution",
    "nghị định": "decree",
    "thông tư liên tịch": "joint_circular",
    "thông tư": "circular",
    "chỉ thị": "directive",
    "quyết định": "decision",
    "kế hoạch": "plan",
    "công văn": "official_letter",
    "hướng dẫn": "guidance",
    "thông báo": "notice",
    "kết luận": "conclusion",
}
# Abbreviations only count when a full symbol follows ("NĐ 26/2020/NĐ-CP").
ABBREVIATIONS: dict[str, str] = {
    "nđ": "nghị định",
    "nd": "nghị định",
    "tt": "thông tư",
    "qđ": "quyết định",
    "qd": "quyết định",
    "ct": "chỉ thị",
    "nq": "nghị quyết",
    "kh": "kế hoạch",
}
# Symbol tokens written without the letter Đ are restored (Đ/D variants of one symbol).
TOKEN_FIXES = {
    "ND": "NĐ",
    "QD": "QĐ",
    "TTG": "TTg",
    "HDND": "HĐND",
    "BKHDT": "BKHĐT",
    "BGDDT": "BGDĐT",
    "DU": "ĐU",
    "BCD": "BCĐ",
}

_KIND_WORDS = "|".join(sorted((k.replace(" ", r"\s+") for k in KINDS), key=len, reverse=True))
_ABBR_WORDS = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_SYMBOL_PART = r"[A-ZĐ][A-ZĐ0-9]*g?(?![\w])"
_STATE_SYMBOL = rf"\d{{1,5}}\s?/\s?(?:\d{{4}}\s?/\s?)?{_SYMBOL_PART}(?:\s?-\s?{_SYMBOL_PART}){{0,3}}"
_PARTY_SYMBOL = r"\d{1,4}\s?-\s?[A-ZĐ]{1,4}\s?/\s?[A-ZĐ]{1,4}(?![\w])"
_SYMBOL = rf"(?-i:{_PARTY_SYMBOL}|{_STATE_SYMBOL})"
_BARE = r"\d{1,5}(?=\s*(?:,|;|\.|\)|$|của|ngày|về|năm|được|đã|(?-i:\s[A-ZĐ])))"
_ARTICLE = (
    r"(?:(?:điểm|khoản)\s+[0-9a-zđ]{1,3}(?:\s*(?:,|và)\s*(?:(?:điểm|khoản)\s+)?[0-9a-zđ]{1,3}(?![\w]))*\s+)*"
    r"Điều\s+\d{1,3}[a-z]?"
)
_NAMED_LAWS = (
    r"(?:Luật\s+(?:Bảo\s+vệ|bảo\s+vệ|BV)\s*(?:bí\s+mật\s+(?:Nhà|nhà)\s+nước|BMNN)"
    r"|Luật\s+BVBMNN|Bộ\s+luật\s+Hình\s+sự)"
)

REF_RE = re.compile(
    rf"(?:(?P<article>{_ARTICLE})\s*,?\s+(?:của\s+)?)?"
    rf"(?:(?P<named>{_NAMED_LAWS})(?:\s+(?:số\s+)?(?P<nnum>(?-i:{_STATE_SYMBOL})))?"
    rf"|(?P<kind>{_KIND_WORDS})(?:\s+số|\s+số:)?\s+(?:(?P<num>{_SYMBOL})|(?P<bare>{_BARE}))"
    rf"|(?P<abbr>{_ABBR_WORDS})\.?\s+(?:số\s+)?(?P<anum>(?-i:{_STATE_SYMBOL})))"
    rf"(?P<dated>\s*,?\s*(?:(?:ban\s+hành|ký)\s+)?ngày\s+{ANY_DATE})?"
    rf"(?P<issuer_part>\s+của\s+(?P<issuer>[^;,.()]{{3,80}}?)(?=\s+(?:về|ban\s+hành|quy\s+định|hướng\s+dẫn|"
    rf"thực\s+hiện|triển\s+khai)\b|[;,.()]|$))?",
    re.IGNORECASE,
)
_ARTICLE_NO = re.compile(r"Điều\s+(\d{1,3})", re.IGNORECASE)
_CLAUSE_NO = re.compile(r"khoản\s+(\d{1,3})((?:\s*(?:,|và)\s*\d{1,3}(?![\w]))*)", re.IGNORECASE)


def squeeze(text: str) -> str:
    """One space between words; PDF and TXT line breaks become spaces."""
    return " ".join(text.split())


def canonical_symbol(raw: str) -> str:
    """'26 / 2020 / ND - CP' → '26/2020/NĐ-CP'; keeps 'TTg' and Party '18-NQ/TW'."""
    compact = re.sub(r"\s+", "", raw)
    parts = re.split(r"([/-])", compact)
    fixed = []
    for part in parts:
        if part in "/-" or part.isdigit():
            fixed.append(part)
            continue
        upper = part.upper()
        fixed.append(TOKEN_FIXES.get(upper.replace("Đ", "D"), upper) if "Đ" not in upper else upper)
    return "".join(fixed)


def find_legal_refs(text: str) -> list[LegalRef]:
    """Every legal reference in ``text``, in order of appearance (duplicates kept)."""
    return list(_iter_refs(squeeze(text)))


def _iter_refs(text: str) -> Iterator[LegalRef]:
    for match in REF_RE.finditer(text):
        ref = _ref_from_match(match)
        if ref is not None:
            yield ref


def _ref_from_match(match: re.Match[str]) -> LegalRef | None:
    groups = match.groupdict()
    symbol = groups["num"] or groups["anum"] or groups["nnum"]
    kind_vi = _kind_vi(groups)
    if kind_vi is None:
        return None
    article = squeeze(groups["article"]) if groups["article"] else None
    return LegalRef(
        kind=KINDS[kind_vi],
        kind_vi=kind_vi[:1].upper() + kind_vi[1:],
        number=canonical_symbol(symbol) if symbol else groups["bare"],
        date=_ref_date(match),
        text=match.group(0).strip(),
        article=article,
        article_no=_article_no(article),
        clauses=_clauses(article),
        issuer=squeeze(groups["issuer"]) if groups["issuer"] else None,
        title=_canonical_title(groups["named"]),
        number_complete=symbol is not None or (groups["named"] is not None and groups["nnum"] is not None),
    )


def _canonical_title(named: str | None) -> str | None:
    """One title for "Luật bảo vệ BMNN", "Luật BVBMNN", "Luật Bảo vệ bí mật nhà nước"."""
    if not named:
        return None
    if squeeze(named).lower().startswith("bộ luật"):
        return "Bộ luật Hình sự"
    return "Luật Bảo vệ bí mật nhà nước"


def _kind_vi(groups: dict[str, str | None]) -> str | None:
    if groups["named"]:
        return "bộ luật" if squeeze(groups["named"]).lower().startswith("bộ luật") else "luật"
    if groups["kind"]:
        return squeeze(groups["kind"]).lower()
    if groups["abbr"]:
        return ABBREVIATIONS[groups["abbr"].lower()]
    return None


def _ref_date(match: re.Match[str]) -> date | None:
    if not match.group("dated"):
        return None
    return date_from_match(match)


def _article_no(article: str | None) -> int | None:
    if not article:
        return None
    found = _ARTICLE_NO.search(article)
    return int(found.group(1)) if found else None


def _clauses(article: str | None) -> tuple[int, ...]:
    if not article:
        return ()
    numbers: list[int] = []
    for found in _CLAUSE_NO.finditer(article):
        numbers.append(int(found.group(1)))
        numbers.extend(int(n) for n in re.findall(r"\d{1,3}", found.group(2)))
    return tuple(numbers)
