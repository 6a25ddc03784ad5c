"""The optional table and signer list of a document definition: unknown fields are still refused."""

import copy
import json

import pytest

from bmnn.forms.catalogue import library
from bmnn.forms.catalogue.validate import parse_definition

DOCS = library.DEFINITIONS_DIR / "documents"
MINUTES = json.loads((DOCS / "destruction-minutes.json").read_text("utf-8"))
RECALL = json.loads((DOCS / "recall-notice.json").read_text("utf-8"))
COLUMN = {"order": 1, "label": "STT", "field": "seq", "width_mm": 10}


def with_document(raw: dict, **updates: object) -> dict:
    out = copy.deepcopy(raw)
    out["document"].update(updates)
    return out


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        (MINUTES, set()),
        (with_document(MINUTES, columns=[COLUMN]), set()),
        (with_document(RECALL), set()),  # a document without a table
        (with_document(MINUTES, columns=[{**COLUMN, "field": "trich_yeu"}]), {"unknown_field"}),
        (with_document(MINUTES, columns=[{**COLUMN, "colour": "red"}]), {"unknown_key"}),
        (with_document(MINUTES, columns=[{**COLUMN, "width_mm": 200}]), {"columns_too_wide"}),
        (with_document(MINUTES, columns=[COLUMN, {**COLUMN, "field": "number"}]), {"duplicate_order"}),
        (with_document(MINUTES, columns=[]), {"bad_columns"}),
        (with_document(MINUTES, columns="seq"), {"bad_columns"}),
        (with_document(RECALL, columns=[COLUMN]), {"no_table_source"}),  # a recall has no list
        (with_document(MINUTES, signature={"signers_field": "everyone"}), {"unknown_field"}),
        (with_document(RECALL, signature={"signers_field": "council"}), {"unknown_field"}),
        (with_document(MINUTES, signature={"signers": "council"}), {"unknown_key"}),
        ({**MINUTES, "columns": [COLUMN]}, {"columns_not_register"}),  # a table sits inside “document”
    ],
)
def test_a_document_table_and_signer_list_name_only_fields_of_their_source(raw, codes):
    definition, violations = parse_definition(raw)
    assert {v.code for v in violations} == codes
    assert (definition is None) == bool(codes)
    assert all(v.message_vi for v in violations)


def test_the_minutes_table_and_signers_are_read_from_the_file():
    definition, _ = parse_definition(MINUTES)
    assert definition is not None and definition.document is not None
    assert [c.field for c in definition.document.columns][:2] == ["seq", "number"]
    assert "copy_number" in {c.field for c in definition.document.columns}
    assert definition.document.signers_field == "council"
