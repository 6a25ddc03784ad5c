"""The parsed plan: a tree of frozen dataclasses with a JSON form.

The JSON contract (issue #6) is ``{"number", "issued_on", "issuer", "title",
"signer", "legal_refs", "deadlines", "sections", "recipients"}``; everything
else is an extension. Nothing read from the document is dropped: text that was
not understood is kept on the node it belongs to and listed in ``unparsed``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_Date = date  # inside Deadline, the field named "date" shadows the type


class DeadlineKind:
    """How a deadline was written; bare strings would drift between modules."""

    ON_DATE = "on_date"  # "ngày 15/10/2021"
    BEFORE = "before"  # "trước ngày 15/10/2021", "chậm nhất ngày …"
    PERIOD = "period"  # "trong quý II năm 2022", "trong tháng 6/2022", "trong năm 2022"
    RECURRING = "recurring"  # "hằng năm", "định kỳ"
    CONTINUOUS = "continuous"  # "thường xuyên"
    EVENT = "event"  # "ngay sau khi …", "khi phát hiện …", "đột xuất"
    UNKNOWN = "unknown"  # a "Thời gian thực hiện:" value not understood, kept as text


@dataclass(frozen=True)
class Deadline:
    kind: str
    text: str
    date: _Date | None = None  # due date when determinable (end of a period)
    start: _Date | None = None  # (the alias: inside this class "date" names the field above)
    end: _Date | None = None
    recurrence: str | None = None  # "yearly" | "periodic" | None
    year_inferred: bool = False  # "trước ngày 03/11": year taken from the plan


@dataclass(frozen=True)
class LegalRef:
    kind: str  # "decree", "directive", … (see refs.KINDS)
    kind_vi: str
    number: str | None  # as in the symbol: "26/2020/NĐ-CP"; None for "Luật Bảo vệ BMNN"
    date: date | None
    text: str
    article: str | None = None  # "khoản 1 và khoản 2 Điều 8"
    article_no: int | None = None
    clauses: tuple[int, ...] = ()
    issuer: str | None = None
    title: str | None = None  # named texts without number ("Luật Bảo vệ bí mật nhà nước")
    number_complete: bool = True  # False for "Chỉ thị số 05" (no symbol written)


@dataclass(frozen=True)
class ReportObligation:
    text: str
    recipient: str | None
    deadline: Deadline | None
    trigger: str | None  # "periodic" | "ad_hoc" | None


@dataclass(frozen=True)
class Task:
    path: str  # "II.5.1" or "II.1.-2" for the 2nd bullet of II.1
    marker: str  # "5.1." / "-" / "+" / "*"
    text: str
    lead_units: tuple[str, ...] = ()
    supporting_units: tuple[str, ...] = ()
    deadline: Deadline | None = None
    deadlines: tuple[Deadline, ...] = ()
    reports: tuple[ReportObligation, ...] = ()
    children: tuple[Task, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # ("Đơn vị thực hiện", "…") lines kept verbatim

    def walk(self) -> list[Task]:
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes


@dataclass(frozen=True)
class Section:
    numeral: str  # "II"
    title: str
    intro: tuple[str, ...] = ()  # paragraphs before the first task
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True)
class Unparsed:
    text: str
    where: str  # "header", "after_sections", "II.1", …


@dataclass(frozen=True)
class ParsedPlan:
    number: str | None
    issued_on: date | None
    issuer: str | None
    governing_body: str | None
    place: str | None
    title: str | None
    legal_basis: tuple[str, ...]
    legal_refs: tuple[LegalRef, ...]
    sections: tuple[Section, ...]
    recipients: tuple[str, ...]
    signer: str | None
    signer_title: str | None
    plan_year: int | None = None
    unparsed: tuple[Unparsed, ...] = ()
    warnings: tuple[str, ...] = ()
    source_format: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def tasks(self) -> list[Task]:
        return [node for section in self.sections for task in section.tasks for node in task.walk()]

    def deadlines(self) -> list[tuple[Task, Deadline]]:
        return [(task, found) for task in self.tasks() for found in task.deadlines]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict following the issue #6 contract (dates as ISO strings)."""
        data: dict[str, Any] = {
            name.name: jsonify(getattr(self, name.name))
            for name in dataclasses.fields(self)
            if name.name != "extra"
        }
        data["deadlines"] = [
            {**jsonify(found), "task": task.path, "task_text": task.text[:200]}
            for task, found in self.deadlines()
        ]
        data.update(jsonify(self.extra))
        return data


def jsonify(value: Any) -> Any:
    """Dataclasses → dicts, dates → ISO strings, tuples → lists, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonify(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonify(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonify(item) for key, item in value.items()}
    return value
