"""Plan document import (issue #6): pure Python, no Django.

``import_plan_file(path)`` reads a .docx/.odt/.pdf/.txt plan and returns a
``ParsedPlan``; unreadable files raise a ``PlanImportError`` subclass whose
``message_vi`` is shown to the user and nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bmnn.plans.importing.errors import PlanImportError
from bmnn.plans.importing.extract import extract_file
from bmnn.plans.importing.model import Deadline, DeadlineKind, LegalRef, ParsedPlan, Section, Task
from bmnn.plans.importing.parser import parse_plan_lines, parse_plan_text
from bmnn.plans.importing.refs import find_legal_refs

_OCR_WARNING = "Nội dung được nhận dạng từ ảnh quét (OCR), có thể sai chữ: cần đối chiếu với bản gốc."


def import_plan_file(path: Path | str) -> ParsedPlan:
    """Extract and parse one plan file. Raises ``PlanImportError`` on unreadable input."""
    extracted = extract_file(Path(path))
    plan = parse_plan_lines(extracted.lines, extracted.source_format)
    if extracted.ocr_used:
        plan = replace(plan, warnings=(*plan.warnings, _OCR_WARNING))
    return plan


__all__ = [
    "Deadline",
    "DeadlineKind",
    "LegalRef",
    "ParsedPlan",
    "PlanImportError",
    "Section",
    "Task",
    "find_legal_refs",
    "import_plan_file",
    "parse_plan_text",
]
