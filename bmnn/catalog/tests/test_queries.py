import datetime as dt

import pytest

from bmnn.catalog import queries, services
from bmnn.catalog.rules import ItemInput

pytestmark = pytest.mark.django_db

PLAN = "Đề án sáp nhập, hợp nhất đơn vị hành chính cấp tỉnh; đề án chưa công khai."


@pytest.fixture
def shared(officer):
    return services.create_catalog(
        actor=officer,
        decision="9/QĐ-TTg",
        signed_on=dt.date(2025, 1, 1),
        items=[
            ItemInput(
                "secret", "1", "1", "", "Đề án sáp nhập, hợp nhất đơn vị hành chính cấp tỉnh chưa công khai"
            ),
            ItemInput("confidential", "2", "1", "", "Địa điểm kho lưu trữ đặc biệt"),
        ],
    )


def test_search_folds_accents_and_the_letter_d_and_ands_the_words(shared):
    assert [i.article for i in queries.search_items("DIA DIEM kho")] == ["2"]
    assert [i.article for i in queries.search_items("địa điểm")] == ["2"]
    assert list(queries.search_items("dia diem sap nhap")) == []


def test_without_a_user_only_shared_catalogs_are_searched(catalog, shared, staff):
    assert {i.catalog.decision for i in queries.search_items("de an")} == {"9/QĐ-TTg"}
    assert {i.catalog.decision for i in queries.search_items("de an", user=staff)} == {
        "9/QĐ-TTg",
        "2500/QĐ-TTg",
    }


def test_items_in_force_respect_the_signing_date_and_closing(shared, officer):
    assert queries.items_in_force(dt.date(2024, 12, 31)).count() == 0
    assert queries.items_in_force(dt.date(2025, 6, 1)).count() == 2
    item = shared.items.get(article="2")
    services.close_item(actor=officer, item=item, on=dt.date(2026, 1, 1), reason="Thay thế")
    assert queries.items_in_force(dt.date(2026, 1, 1)).count() == 1
    assert list(queries.search_items("kho luu tru", dt.date(2026, 1, 1))) == []
    assert len(queries.search_items("kho luu tru")) == 1  # closed items stay findable without a date


def test_suggestions_follow_catalog_changes(shared, officer):
    first = queries.suggest_for_text(PLAN, on=dt.date(2026, 6, 1))
    assert [s.item.article for s in first.suggestions] == ["1"] and first.level == "secret"
    services.close_item(
        actor=officer, item=shared.items.get(article="1"), on=dt.date(2026, 1, 1), reason="Bỏ"
    )
    after = queries.suggest_for_text(PLAN, on=dt.date(2026, 6, 1))
    assert after.no_match and after.suggestions == ()


def test_a_new_catalog_is_suggested_without_restarting(officer):
    text = "Phương án bố trí lực lượng bảo vệ mục tiêu trọng điểm chưa công khai."
    assert queries.suggest_for_text(text, on=dt.date(2026, 6, 1)).no_match
    services.create_catalog(
        actor=officer,
        decision="5/QĐ-TTg",
        signed_on=dt.date(2025, 1, 1),
        items=[
            ItemInput("top_secret", "1", "2", "", "Phương án bố trí lực lượng bảo vệ mục tiêu trọng điểm")
        ],
    )
    found = queries.suggest_for_text(text, on=dt.date(2026, 6, 1))
    assert [s.item.catalog.decision for s in found.suggestions] == ["5/QĐ-TTg"]
