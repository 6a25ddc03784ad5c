"""Pure checks on a Danh mục catalog before it is saved (no Django, no clock).

A classification must cite decision + level + Điều/khoản/điểm (Điều 9 Luật 29/2018/QH14; Luật
117/2025/QH15 forbids classifying what the Danh mục does not list), so every item needs a level, an
article and a text, and no two items of one decision may share a citation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.citation import format_citation
from bmnn.lib.rules import Violation
from bmnn.lib.vntext import nfc

LEVELS = ("confidential", "secret", "top_secret")
BASIS_CITATION = "Điều 9 Luật 29/2018/QH14; Luật 117/2025/QH15 (danh mục BMNN làm căn cứ xác định độ mật)"
BASIS_INPUT = "Kiểm tra dữ liệu đầu vào"
MAX_DECISION = 100
MAX_REF = 10


@dataclass(frozen=True)
class ItemInput:
    level: str
    article: str
    clause: str = ""
    point: str = ""
    text: str = ""
    context: str = ""

    def normalised(self) -> ItemInput:
        return ItemInput(
            level=self.level.strip(),
            article=_ref(self.article),
            clause=_ref(self.clause),
            point=_ref(self.point),
            text=" ".join(nfc(self.text).split()),
            context=" ".join(nfc(self.context).split()),
        )

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.article, self.clause, self.point)

    @property
    def citation(self) -> str:
        return format_citation(self.article, self.clause, self.point)


def _ref(value: str) -> str:
    """ "Điều 2." / " b) " → "2" / "b": the number or letter as it is cited."""
    return nfc(value).strip().rstrip(".)").strip()


def check_catalog(*, decision: str, signed_on: dt.date | None, items: list[ItemInput]) -> list[Violation]:
    """Every problem of a catalog at once, so the form and the API can list them all."""
    found: list[Violation] = []
    decision = nfc(decision).strip()
    if not decision:
        found.append(
            Violation("decision_missing", "Chưa nhập số quyết định ban hành danh mục.", BASIS_CITATION)
        )
    elif len(decision) > MAX_DECISION:
        found.append(Violation("decision_too_long", "Số quyết định quá dài (tối đa 100 ký tự).", BASIS_INPUT))
    if not items:
        found.append(Violation("items_missing", "Danh mục phải có ít nhất một mục.", BASIS_CITATION))
    seen: dict[tuple[str, str, str], int] = {}
    for number, item in enumerate(items, start=1):
        found.extend(check_item(item, number))
        if item.article and item.key in seen:
            found.append(
                Violation(
                    "citation_duplicate",
                    f"Mục {number}: trùng trích dẫn “{item.citation}” với mục {seen[item.key]}.",
                    BASIS_CITATION,
                )
            )
        seen.setdefault(item.key, number)
    return found


def check_item(item: ItemInput, number: int) -> list[Violation]:
    found: list[Violation] = []
    if item.level not in LEVELS:
        message = (
            f"Mục {number}: độ mật “{item.level}” không hợp lệ; chỉ nhận confidential, secret, top_secret."
        )
        found.append(Violation("level_invalid", message, BASIS_CITATION))
    if not item.article:
        found.append(Violation("article_missing", f"Mục {number}: thiếu số Điều.", BASIS_CITATION))
    for label, value in (("Điều", item.article), ("Khoản", item.clause), ("Điểm", item.point)):
        if len(value) > MAX_REF:
            message = f"Mục {number}: {label} “{value[:20]}” quá dài (tối đa {MAX_REF} ký tự)."
            found.append(Violation("reference_too_long", message, BASIS_INPUT))
    if not item.text:
        found.append(Violation("text_missing", f"Mục {number}: thiếu nội dung.", BASIS_CITATION))
    return found
