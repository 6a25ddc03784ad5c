import datetime as dt

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.catalog import services
from bmnn.catalog.importing import parse_text
from bmnn.catalog.models import Catalog, CatalogItem, CatalogSource
from bmnn.catalog.rules import ItemInput
from bmnn.lib.rules import RuleViolation

pytestmark = pytest.mark.django_db

DECISION_TEXT = """QUYẾT ĐỊNH
Số: 77/QĐ-TTg
Ban hành Danh mục bí mật nhà nước lĩnh vực thử nghiệm
Điều 1. Bí mật nhà nước độ Tối mật gồm:
1. Đề án sắp xếp tổ chức bộ máy chưa công khai.
Điều 2. Bí mật nhà nước độ Mật gồm:
1. Kế hoạch thanh tra chưa công bố.
3. Danh sách cán bộ dự kiến điều động chưa công bố.
"""


def _codes(exc: pytest.ExceptionInfo[RuleViolation]) -> set[str]:
    return {v.code for v in exc.value.violations}


def test_creating_a_catalog_saves_its_items_and_writes_one_ledger_entry(officer):
    before = LedgerEntry.objects.count()
    catalog = services.create_catalog(
        actor=officer,
        decision=" 12/QĐ-UBND ",
        signed_on=dt.date(2026, 1, 5),
        agency=officer.agency,
        items=[ItemInput("secret", "1", "1.", "b)", "Cu\u031b\u0309a  khẩu")],  # NFD text
    )
    item = catalog.items.get()
    assert catalog.decision == "12/QĐ-UBND"
    assert (item.clause, item.point) == ("1", "b")
    assert item.text == "Cửa khẩu"  # stored NFC with spaces squeezed
    assert item.citation == "Điểm b khoản 1 Điều 1 Quyết định 12/QĐ-UBND"
    assert LedgerEntry.objects.count() == before + 1
    assert LedgerEntry.objects.last().event == "catalog.catalog_created"


def test_a_catalog_with_bad_items_is_refused_listing_every_problem_and_saves_nothing(officer):
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.create_catalog(
            actor=officer,
            decision="",
            signed_on=None,
            items=[
                ItemInput("very_secret", "1", "", "", "a"),
                ItemInput("secret", "", "", "", ""),
                ItemInput("secret", "2", "1", "", "x"),
                ItemInput("secret", "2", "1", "", "y"),
            ],
        )
    assert _codes(exc) == {
        "decision_missing",
        "level_invalid",
        "article_missing",
        "text_missing",
        "citation_duplicate",
    }
    assert not Catalog.objects.exists()
    assert LedgerEntry.objects.count() == before


def test_the_same_decision_cannot_be_entered_twice_for_an_agency(catalog, officer):
    with pytest.raises(RuleViolation) as exc:
        services.create_catalog(
            actor=officer,
            decision="2500/QĐ-TTg",
            signed_on=None,
            agency=officer.agency,
            items=[ItemInput("secret", "1", "", "", "x")],
        )
    assert _codes(exc) == {"decision_exists"}


def test_staff_may_not_change_catalogs(staff):
    with pytest.raises(RuleViolation) as exc:
        services.create_catalog(
            actor=staff, decision="1/QĐ", signed_on=None, items=[ItemInput("secret", "1", "", "", "x")]
        )
    assert _codes(exc) == {"not_catalog_manager"}
    assert not Catalog.objects.exists()


def test_an_import_with_problems_is_refused_until_the_preview_is_confirmed(officer):
    parsed = parse_text(DECISION_TEXT)
    assert parsed.problems and parsed.items
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.import_catalog(actor=officer, parsed=parsed, filename="qd.txt", confirmed=False)
    assert all(v.code.startswith("import_") for v in exc.value.violations)
    assert not Catalog.objects.exists() and LedgerEntry.objects.count() == before

    catalog = services.import_catalog(
        actor=officer, parsed=parsed, filename="qd.txt", confirmed=True, agency=officer.agency
    )
    assert catalog.decision == "77/QĐ-TTg"
    assert catalog.items.count() == len(parsed.items)
    assert LedgerEntry.objects.count() == before + 1
    assert LedgerEntry.objects.last().event == "catalog.imported"


def test_an_import_without_a_decision_number_is_refused(officer):
    parsed = parse_text("Điều 1. Bí mật nhà nước độ Mật gồm:\n1. Kế hoạch thanh tra chưa công bố.\n")
    with pytest.raises(RuleViolation) as exc:
        services.import_catalog(actor=officer, parsed=parsed, filename="a.txt", confirmed=True)
    assert "decision_missing" in _codes(exc)
    assert not Catalog.objects.exists()


def test_loading_the_starter_catalog_twice_creates_it_once(officer):
    before = LedgerEntry.objects.count()
    created = services.load_starter_catalog(actor=officer)
    assert {c.decision for c in created} == {"2500/QĐ-TTg", "19/QĐ-TTg", "137/QĐ-TTg"}
    assert all(c.source == CatalogSource.STARTER and c.agency is None for c in created)
    assert "KHÔNG phải văn bản gốc" in created[0].source_note
    count = CatalogItem.objects.count()
    assert count == 18
    assert services.load_starter_catalog(actor=officer) == []
    assert CatalogItem.objects.count() == count
    assert LedgerEntry.objects.count() == before + 1


def test_closing_an_item_keeps_it_with_its_reason_and_writes_one_entry(catalog, officer):
    item = catalog.items.get(article="2")
    before = LedgerEntry.objects.count()
    services.close_item(actor=officer, item=item, on=dt.date(2026, 3, 1), reason="Quyết định mới thay thế")
    item.refresh_from_db()
    assert item.valid_to == dt.date(2026, 3, 1) and item.closed_reason == "Quyết định mới thay thế"
    assert item.valid_on(dt.date(2026, 2, 28)) and not item.valid_on(dt.date(2026, 3, 1))
    assert LedgerEntry.objects.count() == before + 1
    assert LedgerEntry.objects.last().event == "catalog.item_closed"


def test_closing_needs_a_reason_a_date_after_the_start_and_an_open_item(catalog, officer):
    item = catalog.items.get(article="2")
    with pytest.raises(RuleViolation) as exc:
        services.close_item(actor=officer, item=item, on=dt.date(2025, 11, 17), reason="  ")
    assert _codes(exc) == {"reason_missing", "close_before_start"}
    services.close_item(actor=officer, item=item, on=dt.date(2026, 1, 1), reason="Thay thế")
    with pytest.raises(RuleViolation) as exc:
        services.close_item(actor=officer, item=item, on=dt.date(2026, 2, 1), reason="Lần hai")
    assert _codes(exc) == {"item_already_closed"}
    item.refresh_from_db()
    assert item.valid_to == dt.date(2026, 1, 1)
