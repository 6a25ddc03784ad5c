"""Loading definitions: those shipped in ``bmnn/forms/definitions`` plus those an administrator imported."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from bmnn.forms.catalogue import select
from bmnn.forms.catalogue.schema import FormDefinition
from bmnn.forms.catalogue.validate import parse_definition
from bmnn.lib.rules import RuleViolation, Violation

DEFINITIONS_DIR = Path(__file__).resolve().parent.parent / "definitions"


class DefinitionMissing(LookupError):
    """No definition of this form is in force on the date asked."""


def read_definition_text(text: str, *, origin: str) -> tuple[FormDefinition | None, list[Violation]]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"Tệp không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}."
        return None, [Violation("bad_json", msg, "Quy chế biểu mẫu của bmnn (tệp định nghĩa biểu mẫu)")]
    return parse_definition(raw, origin=origin)


@lru_cache(maxsize=1)
def shipped() -> tuple[FormDefinition, ...]:
    """Shipped definitions; a broken shipped file is a programming error and stops loudly."""
    out: list[FormDefinition] = []
    for path in sorted(DEFINITIONS_DIR.rglob("*.json")):
        definition, violations = read_definition_text(path.read_text(encoding="utf-8"), origin=path.name)
        if definition is None:
            raise RuleViolation(violations)
        out.append(definition)
    problems = select.check_catalogue(out)
    if problems:
        raise RuleViolation(problems)
    return tuple(out)


def imported() -> list[FormDefinition]:
    from bmnn.forms.models import ImportedDefinition

    out = []
    for row in ImportedDefinition.objects.order_by("pk"):
        definition, _ = read_definition_text(row.content, origin=f"nhập #{row.pk}")
        if definition is not None:  # rows are validated on import; never fail a print on history
            out.append(definition)
    return out


def all_definitions() -> list[FormDefinition]:
    return [*shipped(), *imported()]


def definition_for(form_id: str, on: dt.date) -> FormDefinition:
    found = select.select(all_definitions(), form_id, on)
    if found is None:
        raise DefinitionMissing(f"Không có biểu mẫu “{form_id}” có hiệu lực ngày {on:%d/%m/%Y}.")
    return found
