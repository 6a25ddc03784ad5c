"""Plan text → ParsedPlan: split the document into zones, then read each zone.

Zones, in order (NĐ 30/2020/NĐ-CP layout): header, title, preamble ("Căn cứ …"),
sections I., II., …, closing ("Trên đây là …"), sign-off ("Nơi nhận:", signer).
The body ends at the end mark "./." or at "Nơi nhận:". Every paragraph lands in a
zone; those no reader understood are listed in ``unparsed``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bmnn.plans.importing.header import infer_issuer, is_title_start, read_header, read_sign_off
from bmnn.plans.importing.model import LegalRef, ParsedPlan, Section, Unparsed
from bmnn.plans.importing.normalize import BULLET_RE, ROMAN_RE, reflow
from bmnn.plans.importing.refs import find_legal_refs
from bmnn.plans.importing.tree import build_sections

_YEAR_IN_TITLE = re.compile(r"năm\s+(\d{4})", re.IGNORECASE)
_END_MARK = re.compile(r"\./\.\s*$")
_RECIPIENTS = re.compile(r"^nơi\s+nhận", re.IGNORECASE)
_CLOSING = re.compile(r"^trên\s+đây\s+là", re.IGNORECASE)


def parse_plan_lines(lines: list[str], source_format: str | None = None) -> ParsedPlan:
    """Parse extracted lines (any format) into a plan."""
    return parse_paragraphs(reflow(lines), source_format)


def parse_plan_text(text: str, source_format: str | None = "txt") -> ParsedPlan:
    return parse_plan_lines(text.splitlines(), source_format)


def parse_paragraphs(paragraphs: list[str], source_format: str | None = None) -> ParsedPlan:
    title_at = next((i for i, p in enumerate(paragraphs) if is_title_start(p)), None)
    first_section = next((i for i, p in enumerate(paragraphs) if ROMAN_RE.match(p)), len(paragraphs))
    head = paragraphs[: title_at if title_at is not None else 0]
    header = read_header(head)
    title_end = _title_end(paragraphs, title_at, first_section)
    kind, title = _split_title(paragraphs[title_at:title_end]) if title_at is not None else (None, None)
    preamble = paragraphs[title_end:first_section]
    body_end, sign_start = _body_end(paragraphs, first_section)
    closing = [p for p in paragraphs[first_section:body_end] if _CLOSING.match(p)]
    body = [p for p in paragraphs[first_section:body_end] if not _CLOSING.match(p)]
    plan_year = _plan_year(title, header.issued_on)
    sections = build_sections(body, plan_year)
    sign_off = read_sign_off(paragraphs[sign_start:])
    issuer = header.issuer or infer_issuer(" ".join(preamble))
    unparsed = [Unparsed(text, "header") for text in header.leftovers]
    unparsed += [Unparsed(text, "sign_off") for text in sign_off.leftovers]
    unparsed += [Unparsed(text, "between_body_and_sign_off") for text in paragraphs[body_end:sign_start]]
    return ParsedPlan(
        number=header.number,
        issued_on=header.issued_on,
        issuer=issuer,
        governing_body=header.governing_body,
        place=header.place,
        title=title or None,
        legal_basis=tuple(preamble),
        legal_refs=collect_refs(preamble, sections),
        sections=sections,
        recipients=sign_off.recipients,
        signer=sign_off.signer,
        signer_title=sign_off.signer_title,
        plan_year=plan_year,
        unparsed=tuple(unparsed),
        warnings=_warnings(header.number, header.issued_on, issuer, header.issuer, sections),
        source_format=source_format,
        extra={"document_kind": kind, "closing": closing},
    )


def _title_end(paragraphs: list[str], title_at: int | None, first_section: int) -> int:
    """The subtitle runs from "KẾ HOẠCH" to "Căn cứ …" or the first section (at most 2 paragraphs)."""
    if title_at is None:
        return 0
    end = title_at + 1
    while end < min(first_section, title_at + 3) and not paragraphs[end].lower().startswith("căn cứ"):
        end += 1
    return end


def _split_title(parts: list[str]) -> tuple[str | None, str | None]:
    """'KẾ HOẠCH' + 'Thực hiện công tác …' (TXT) or 'KẾ HOẠCH Thực hiện …' (DOCX) → kind, title."""
    words = " ".join(parts).split()
    count = 0
    while count < len(words) and words[count].isupper() and words[count].isalpha():
        count += 1
    kind = " ".join(words[: max(count, 1)])
    return kind, " ".join(words[max(count, 1) :]) or None


def _body_end(paragraphs: list[str], first_section: int) -> tuple[int, int]:
    """(end of body, start of sign-off): body ends after "./." or before "Nơi nhận:"."""
    for index in range(first_section, len(paragraphs)):
        if _RECIPIENTS.match(paragraphs[index]):
            return index, index
        if _END_MARK.search(paragraphs[index]):
            return index + 1, index + 1
    return _trailing_recipients(paragraphs, first_section)


def _trailing_recipients(paragraphs: list[str], first_section: int) -> tuple[int, int]:
    """No end mark and no "Nơi nhận:": the sign-off starts at a final bullet run ending with "Lưu"."""
    lưu = [i for i in range(first_section, len(paragraphs)) if re.match(r"^-\s*Lưu\b", paragraphs[i])]
    if not lưu:
        return len(paragraphs), len(paragraphs)
    start = lưu[-1]
    while start - 1 > first_section and BULLET_RE.match(paragraphs[start - 1]):
        if not paragraphs[start - 1].rstrip().endswith(";"):
            break
        start -= 1
    return start, start


def _plan_year(title: str | None, issued_on: object) -> int | None:
    years = _YEAR_IN_TITLE.findall(title or "")
    if years:
        return int(years[-1])
    return getattr(issued_on, "year", None)


def collect_refs(preamble: list[str], sections: tuple[Section, ...]) -> tuple[LegalRef, ...]:
    """Distinct references in order of first appearance, from the preamble and every task."""
    texts = list(preamble)
    for section in sections:
        texts.append(section.title)
        texts.extend(section.intro)
        for task in section.tasks:
            for node in task.walk():
                texts.append(node.text)
                texts.extend(value for _, value in node.labels)
    seen: dict[tuple[object, ...], LegalRef] = {}
    for text in texts:
        for ref in find_legal_refs(text):
            key = (ref.kind, ref.number, ref.date, ref.article, ref.title and ref.title.lower())
            seen.setdefault(key, replace(ref))
    return tuple(seen.values())


def _warnings(
    number: str | None,
    issued_on: object,
    issuer: str | None,
    header_issuer: str | None,
    sections: tuple[Section, ...],
) -> tuple[str, ...]:
    warnings: list[str] = []
    if number is None:
        warnings.append("Không tìm thấy số, ký hiệu văn bản (dòng “Số: …”).")
    if issued_on is None:
        warnings.append("Không tìm thấy ngày ban hành văn bản.")
    if issuer and not header_issuer:
        warnings.append(f"Cơ quan ban hành “{issuer}” được suy ra từ nội dung, cần kiểm tra lại.")
    if not sections:
        warnings.append("Không nhận diện được các phần I., II., … của kế hoạch.")
    return tuple(warnings)
