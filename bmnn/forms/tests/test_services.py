import io
import json

import pytest
from django.http import Http404

from bmnn.audit.models import LedgerEntry
from bmnn.forms import services
from bmnn.forms.catalogue import library
from bmnn.forms.models import ImportedDefinition
from bmnn.forms.sources.items import item_document, stamp_sheet
from bmnn.forms.tests.sample import register_document
from bmnn.lib.rules import RuleViolation


def test_printing_is_one_ledger_entry_with_form_level_and_copies(people):
    before = LedgerEntry.objects.count()
    out = io.BytesIO()
    services.print_document(actor=people["head"], document=register_document("register.outgoing", 30),
                            fmt="pdf", out=out, copies=2)  # fmt: skip
    assert out.getvalue().startswith(b"%PDF")
    entries = list(LedgerEntry.objects.order_by("seq")[before:])
    assert [e.event for e in entries] == ["forms.printed"]
    assert json.loads(entries[0].payload) == {
        "form": "register.outgoing@2018.1", "format": "pdf", "copies": 2, "level": "top_secret", "rows": 30,
    }  # fmt: skip


def test_a_refused_print_writes_nothing(people):
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.print_document(actor=people["head"], document=register_document("register.outgoing", 3),
                                fmt="odt", out=io.BytesIO(), copies=0)  # fmt: skip
    assert {v.code for v in exc.value.violations} == {"bad_format", "bad_copies"}
    assert LedgerEntry.objects.count() == before


def test_an_item_form_is_built_from_the_item_and_its_level(people, item):
    doc = item_document(user=people["clerk"], item_id=item.pk, form_id="doc.proposal")
    assert doc.level == "secret" and doc.form_key.startswith("doc.proposal@")
    assert any("12/BC-SNV" in p for p in (doc.subtitle, *doc.body))
    sheet = stamp_sheet(user=people["clerk"], item_id=item.pk)
    assert ("TỐI MẬT",) in [s.lines for s in sheet.stamps]


def test_an_item_outside_need_to_know_is_absent(people, item):
    with pytest.raises(Http404):
        item_document(user=people["stranger"], item_id=item.pk, form_id="doc.proposal")
    with pytest.raises(Http404):
        stamp_sheet(user=people["stranger"], item_id=item.pk)


def _corrected(**extra: object) -> str:
    raw = json.loads((library.DEFINITIONS_DIR / "registers" / "outgoing-2025.json").read_text("utf-8"))
    raw.update(version="2025.2", effective_from="2026-06-01", supersedes="register.outgoing@2025.1", **extra)
    return json.dumps(raw, ensure_ascii=False)


def test_an_imported_correction_is_ledgered_and_used_from_its_date(people):
    import datetime as dt

    before = LedgerEntry.objects.count()
    row = services.import_definition(actor=people["officer"], text=_corrected(title="SỔ ĐI (ĐÍNH CHÍNH)"))
    assert row.version == "2025.2"
    assert LedgerEntry.objects.count() == before + 1
    assert library.definition_for("register.outgoing", dt.date(2026, 5, 31)).version == "2025.1"
    assert library.definition_for("register.outgoing", dt.date(2026, 6, 1)).title == "SỔ ĐI (ĐÍNH CHÍNH)"


def test_a_bad_import_is_refused_with_every_reason_and_nothing_saved(people):
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.import_definition(actor=people["clerk"], text=_corrected(basis="", extra_field=1))
    assert {v.code for v in exc.value.violations} >= {"not_importer", "missing_basis", "unknown_key"}
    assert not ImportedDefinition.objects.exists()
    assert LedgerEntry.objects.count() == before
