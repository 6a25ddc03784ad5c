"""Line-based reading of a catalog decision: header, then "Điều N." articles, "1." clauses, "a)" points.

Shared by the plain-text and docx readers (both hand over numbered lines). Layout as the Prime
Minister's Danh mục decisions print it (domain.md §8). Whatever is not understood becomes an
``ImportProblem``; nothing is dropped without a trace.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bmnn.catalog.importing import vocab
from bmnn.catalog.importing.model import ImportProblem, ParsedCatalog, ParsedItem
from bmnn.lib.vntext import fold, nfc

Line = tuple[int, str]

_ARTICLE = re.compile(r"^\s*(?:điều|dieu)\s+(\d+[a-z]?)\s*[.:]?\s*(.*)$", re.IGNORECASE)
_CLAUSE = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*(.*)$")
_NESTED = re.compile(r"^\s*\d{1,2}\.\d{1,2}\b")
_POINT = re.compile(r"^\s*([a-zđ])\s*\)\s*(.*)$")
_LEAD_IN = re.compile(r"^.*?\bgồm\s*:\s*", re.IGNORECASE)
# Signature block and distribution list that close a decision (NĐ 30/2020/NĐ-CP layout).
_END_MARKERS = ("noi nhan", "kt. thu tuong", "kt thu tuong", "thu tuong", "pho thu tuong", "./.")
POINT_ORDER = "abcdđeghiklmnopqrstuvxy"


@dataclass
class _Node:
    number: str
    line: int
    parts: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean(" ".join(self.parts))


@dataclass
class _Article(_Node):
    level: str | None = None


def clean(text: str) -> str:
    """NFC, one space between words, no trailing list punctuation (";", ".", "./.")."""
    text = " ".join(nfc(text).split())
    while text and text[-1] in ";.,:/ ":
        text = text[:-1]
    return text


def problem(line: Line, code: str, message_vi: str) -> ImportProblem:
    return ImportProblem(line=line[0], text=line[1].strip(), code=code, message_vi=message_vi)


def parse_lines(lines: Sequence[Line]) -> ParsedCatalog:
    """Parse numbered lines of a decision into a ``ParsedCatalog``."""
    lines = [(number, nfc(text)) for number, text in lines]
    start = next((i for i, ln in enumerate(lines) if _ARTICLE.match(ln[1])), len(lines))
    decision, date, title = _read_header(lines[:start])
    problems: list[ImportProblem] = [
        problem(ln, "before_first_article", "Dòng đánh số khoản/điểm nằm trước Điều đầu tiên; không nhập.")
        for ln in lines[:start]
        if _CLAUSE.match(ln[1]) or _POINT.match(ln[1])
    ]
    articles = _read_body(lines[start:], problems)
    items = _items(articles, problems)
    if not any(a.level for a in articles):
        items = []
        problems.insert(0, unknown_layout(lines[0] if lines else (1, "")))
    sector = vocab.sector_in(title) if title else None
    return ParsedCatalog(decision, date, sector, title, tuple(items), tuple(problems))


def unknown_layout(line: Line) -> ImportProblem:
    return problem(
        line,
        "unknown_layout",
        "Không nhận ra bố cục danh mục: không có Điều nào dạng “Điều 1. Bí mật nhà nước độ Tối mật gồm:”. "
        "Không nhập mục nào; hãy kiểm tra tệp hoặc nhập bằng mẫu Excel.",
    )


def _read_header(lines: Sequence[Line]) -> tuple[str | None, datetime.date | None, str | None]:
    decision: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    for index, (_, text) in enumerate(lines):
        decision = decision or vocab.decision_in(text)
        date = date or vocab.date_in(text)
        if title is None and fold(text).strip() == "quyet dinh":
            title = _title_after(lines[index + 1 :])
    return decision, date, title


def _title_after(lines: Sequence[Line]) -> str | None:
    parts: list[str] = []
    for _, text in lines:
        stripped = text.strip()
        if not stripped:
            if parts:
                break
            continue
        if stripped.startswith("(") or fold(stripped).startswith(("can cu", "thu tuong")):
            break
        parts.append(stripped)
    return clean(" ".join(parts)) or None


def _read_body(lines: Sequence[Line], problems: list[ImportProblem]) -> list[_Article]:
    articles: list[_Article] = []
    current: _Node | None = None
    for index, line in enumerate(lines):
        text = line[1].strip()
        if not text:
            continue
        if fold(text).startswith(_END_MARKERS):
            _trailing(lines[index:], problems)
            break
        current = _feed(articles, current, line, problems)
    return articles


def _feed(
    articles: list[_Article], current: _Node | None, line: Line, problems: list[ImportProblem]
) -> _Node:
    text = line[1].strip()
    if match := _ARTICLE.match(text):
        article = _Article(number=match.group(1), line=line[0], level=vocab.level_in_heading(text))
        rest = _LEAD_IN.sub("", match.group(2)) if article.level else match.group(2)
        article.parts.append(rest)
        articles.append(article)
        return article
    article = articles[-1]
    if _NESTED.match(text):
        message = "Đánh số nhiều cấp (1.1.) chưa hỗ trợ; nội dung được ghép vào mục phía trên."
        problems.append(problem(line, "nested_numbering", message))
    elif match := _CLAUSE.match(text):
        clause = _Node(number=match.group(1), line=line[0], parts=[match.group(2)])
        article.children.append(clause)
        return clause
    elif match := _POINT.match(text):
        return _add_point(article, line, match.group(1), match.group(2))
    assert current is not None
    current.parts.append(text)
    return current


def _add_point(article: _Article, line: Line, letter: str, text: str) -> _Node:
    if not article.children:
        # Points straight under the article: an unnumbered clause holds them.
        article.children.append(_Node(number="", line=line[0]))
    point = _Node(number=letter, line=line[0], parts=[text])
    article.children[-1].children.append(point)
    return point


def _trailing(lines: Sequence[Line], problems: list[ImportProblem]) -> None:
    kept = [ln for ln in lines if ln[1].strip()]
    message = f"Phần cuối văn bản (nơi nhận, chữ ký: {len(kept)} dòng) không phải mục danh mục; không nhập."
    problems.append(problem(kept[0], "closing_block", message))


def _items(articles: Sequence[_Article], problems: list[ImportProblem]) -> list[ParsedItem]:
    items: list[ParsedItem] = []
    for article in articles:
        line = (article.line, f"Điều {article.number}. {article.text}")
        if article.level is None:
            message = f"Điều {article.number} không nêu độ mật (Tuyệt mật/Tối mật/Mật); không nhập thành mục."
            problems.append(problem(line, "article_without_level", message))
            continue
        _check_numbering(article, problems)
        if not article.children:
            if article.text:
                items.append(ParsedItem(article.level, article.number, "", "", article.text, article.line))
            else:
                message = f"Điều {article.number} không có nội dung mục nào."
                problems.append(problem(line, "empty_article", message))
        for clause in article.children:
            items.extend(_clause_items(article, clause, problems))
    return items


def _clause_items(article: _Article, clause: _Node, problems: list[ImportProblem]) -> list[ParsedItem]:
    assert article.level is not None
    lead = article.text
    if not clause.children:
        if not clause.text:
            problems.append(problem((clause.line, clause.number), "empty_clause", "Khoản không có nội dung."))
            return []
        return [ParsedItem(article.level, article.number, clause.number, "", clause.text, clause.line, lead)]
    context = "; ".join(part for part in (lead, clause.text) if part)
    out = []
    for point in clause.children:
        if not point.text:
            where = (point.line, point.number + ")")
            problems.append(problem(where, "empty_point", "Điểm không có nội dung."))
            continue
        numbers = (article.number, clause.number, point.number)
        out.append(ParsedItem(article.level, *numbers, point.text, point.line, context))
    return out


def _check_numbering(article: _Article, problems: list[ImportProblem]) -> None:
    numbered = [c for c in article.children if c.number]
    for expected, clause in enumerate(numbered, start=1):
        if clause.number != str(expected):
            message = f"Điều {article.number}: khoản {clause.number} sai thứ tự (lẽ ra là khoản {expected})."
            problems.append(problem((clause.line, clause.number + "."), "numbering", message))
        for letter, point in zip(POINT_ORDER, clause.children, strict=False):
            if point.number != letter:
                message = f"Điều {article.number} khoản {clause.number}: điểm {point.number} sai thứ tự."
                problems.append(problem((point.line, point.number + ")"), "numbering", message))
