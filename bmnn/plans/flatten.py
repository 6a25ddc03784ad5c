"""The parsed plan's task tree as one ordered list: the review screen and the save service agree on it.

Tasks are identified by their position in this list (not by their path), so a document that repeats a
number still maps every task to exactly one row of the review form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FlatTask:
    index: int
    section_index: int
    parent_index: int | None
    number: str  # the path without the section numeral: "5.1", "1.-2"
    data: dict[str, Any]

    @property
    def depth(self) -> int:
        return self.number.count(".")


def task_number(path: str, numeral: str) -> str:
    prefix = f"{numeral}."
    return path[len(prefix) :] if numeral and path.startswith(prefix) else path


def flatten_tasks(parsed: dict[str, Any]) -> list[FlatTask]:
    flat: list[FlatTask] = []

    def visit(task: dict[str, Any], section_index: int, numeral: str, parent: int | None) -> None:
        index = len(flat)
        number = task_number(str(task.get("path") or ""), numeral)
        flat.append(FlatTask(index, section_index, parent, number, task))
        for child in task.get("children") or ():
            visit(child, section_index, numeral, index)

    for section_index, section in enumerate(parsed.get("sections") or ()):
        for task in section.get("tasks") or ():
            visit(task, section_index, str(section.get("numeral") or ""), None)
    return flat


def lead_text(task: dict[str, Any]) -> str:
    return "; ".join(task.get("lead_units") or ())


def deadline_of(task: dict[str, Any]) -> dict[str, Any]:
    return dict(task.get("deadline") or {})
