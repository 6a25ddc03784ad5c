"""Printing (a ledgered act: who printed what, in how many copies) and importing form definitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.forms import rules
from bmnn.forms.catalogue.library import all_definitions, read_definition_text
from bmnn.forms.catalogue.schema import FormDefinition
from bmnn.forms.catalogue.select import check_catalogue
from bmnn.forms.document import Document
from bmnn.forms.models import ImportedDefinition
from bmnn.forms.render.docx import render_docx
from bmnn.forms.render.pdf import render_pdf
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation


def print_document(
    *, actor: Any, document: Document, fmt: str, out: str | Path | BinaryIO, copies: int = 1,
    subject: Any = None, subject_repr: str = "",
) -> None:  # fmt: skip
    """Render ``document`` to ``out`` and ledger the printout.

    Rendering happens before the ledger transaction: a 50,000-row book must not hold the ledger's
    write lock while it is drawn. If recording fails the caller gets the exception and must not hand
    the file out (the views and the CLI write to a temporary file first)."""
    violations = rules.check_print(rules.PrintRequest(fmt=fmt, copies=copies))
    if violations:
        raise RuleViolation(violations)
    rows = {"n": 0}
    if document.table is not None:
        document.table.rows = _counting(document.table.rows, rows)
    if fmt == "pdf":
        render_pdf(document, out)
    else:
        render_docx(document, out)
    _record_printout(actor=actor, document=document, fmt=fmt, copies=copies, rows=rows["n"],
                     subject=subject, subject_repr=subject_repr or document.title)  # fmt: skip


def _counting(rows: Any, counter: dict[str, int]) -> Any:
    for row in rows:
        counter["n"] += 1
        yield row


@transaction.atomic
def _record_printout(*, actor: Any, document: Document, fmt: str, copies: int, rows: int, subject: Any,
                     subject_repr: str) -> None:  # fmt: skip
    payload = {"form": document.form_key, "format": fmt, "copies": copies, "level": document.level or "none"}
    if document.table is not None:
        payload["rows"] = rows
    record(event="forms.printed", actor=actor, subject=subject, subject_repr=subject_repr, payload=payload)


def preview_definition(text: str, *, file_name: str = "") -> tuple[FormDefinition | None, list[Violation]]:
    """What importing would give, with every reason it would be refused; changes nothing."""
    definition, violations = read_definition_text(text, origin=file_name or "tệp nhập")
    if definition is not None:
        violations = check_catalogue([*all_definitions(), definition])
    return (definition if not violations else None), violations


@transaction.atomic
def import_definition(*, actor: Any, text: str, file_name: str = "") -> ImportedDefinition:
    violations = rules.check_import(getattr(actor, "role", ""))
    definition, found = preview_definition(text, file_name=file_name)
    violations += found
    if violations or definition is None:
        raise RuleViolation(violations)
    row = ImportedDefinition.objects.create(
        form_id=definition.id, version=definition.version, content=text, file_name=file_name[:255],
        imported_by=actor, imported_at=clock.now(),
    )  # fmt: skip
    record(
        event="forms.definition_imported", actor=actor, subject=row, subject_repr=f"Biểu mẫu {definition.key}",
        payload={"form": definition.key, "effective_from": definition.effective_from.isoformat(),
                 "supersedes": definition.supersedes, "basis": definition.basis},
    )  # fmt: skip
    return row
