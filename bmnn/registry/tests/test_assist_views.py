"""The proposal form's "Gợi ý căn cứ" and live preview: suggestions, level, period, refusals; nothing stored."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from bmnn.audit.models import LedgerEntry
from bmnn.registry.models import SecretItem

pytestmark = pytest.mark.django_db

DRAFT = (
    "Đề án sáp nhập, hợp nhất một số bộ, cơ quan ngang bộ; nội dung đề án khi chưa được Quốc hội "
    "thông qua phải được bảo vệ."
)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_suggestions_rank_the_catalog_item_with_its_citation_level_and_highlighted_phrases(
    org, catalog_items
):
    client = client_for(org["users"]["drafter"])
    before = LedgerEntry.objects.count()
    page = client.post(
        reverse("registry:basis_suggest"), {"draft_text": DRAFT, "classified_on": "02/04/2026"}
    ).content.decode()
    assert "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg" in page
    assert f'data-pick-basis="{catalog_items["secret"].pk}"' in page
    assert "<mark>" in page and "Tối mật" in page
    assert "02/04/2046" in page  # 20 years for Tối mật from the chosen date, last day inclusive convention
    assert LedgerEntry.objects.count() == before and not SecretItem.objects.exists()


def test_an_ordinary_text_gets_an_explicit_no_match_with_the_article(org, catalog_items):
    client = client_for(org["users"]["drafter"])
    page = client.post(
        reverse("registry:basis_suggest"), {"draft_text": "Thư mời dự hội nghị tổng kết phong trào thể thao"}
    ).content.decode()
    assert "Không có mục nào phù hợp" in page and "Căn cứ:" in page


def test_the_summary_is_used_when_no_draft_is_pasted(org, catalog_items):
    client = client_for(org["users"]["drafter"])
    page = client.post(reverse("registry:basis_suggest"), {"summary": DRAFT}).content.decode()
    assert "2500/QĐ-TTg" in page


def test_the_draft_text_never_travels_in_a_url(org):
    client = client_for(org["users"]["drafter"])
    assert client.get(reverse("registry:basis_suggest"), {"draft_text": DRAFT}).status_code == 405


def test_preview_shows_the_highest_basis_level_and_the_period_it_implies(org, catalog_items):
    client = client_for(org["users"]["drafter"])
    page = client.post(
        reverse("registry:classification_preview"),
        {
            "basis": [catalog_items["secret"].pk, catalog_items["confidential"].pk],
            "classified_on": "02/04/2026",
            "kind": "paper_document",
        },
    ).content.decode()
    assert 'data-testid="preview-level">Tối mật<' in page
    assert "02/04/2046" in page
    assert "lập đề xuất" in page  # a chuyên viên has no authority: it becomes a proposal


def test_preview_explains_a_refusal_with_its_article(org, catalog_items):
    client = client_for(org["users"]["drafter"])
    page = client.post(
        reverse("registry:classification_preview"),
        {"basis": [catalog_items["top_secret"].pk], "classified_on": "02/04/2026", "summary": "Có trích yếu"},
    ).content.decode()
    assert "không được ghi trích yếu" in page and "Căn cứ:" in page
    page = client.post(
        reverse("registry:classification_preview"),
        {"basis": [catalog_items["confidential"].pk], "level": "secret", "classified_on": "02/04/2026"},
    ).content.decode()
    assert "cao hơn độ mật cao nhất" in page


def test_preview_without_basis_asks_for_one_without_a_refusal(org, catalog_items):
    page = client_for(org["users"]["drafter"]).post(reverse("registry:classification_preview"), {}).content
    assert "Chọn ít nhất một mục danh mục" in page.decode() and "Chưa ghi được" not in page.decode()


def test_preview_of_an_unknown_basis_item_is_refused(org, catalog_items):
    page = client_for(org["users"]["drafter"]).post(
        reverse("registry:classification_preview"), {"basis": ["999999"]}
    )
    assert "Không tìm thấy mục danh mục" in page.content.decode()


def test_an_empty_level_means_the_highest_level_of_the_basis(org, catalog_items):
    client = client_for(org["users"]["drafter"])
    response = client.post(
        reverse("registry:item_create"),
        {
            "kind": "paper_document",
            "document_type": "Đề án",
            "basis": [catalog_items["secret"].pk, catalog_items["confidential"].pk],
            "level": "",
            "copies": 2,
            "classified_on": "02/04/2026",
            "draft_text": DRAFT,
        },
    )
    assert response.status_code == 302
    item = SecretItem.objects.get()
    assert item.level == "secret" and item.classified_on == dt.date(2026, 4, 2)
    assert DRAFT not in str(list(LedgerEntry.objects.values_list("payload", flat=True)))


def test_the_form_page_offers_the_assistant(org, catalog_items):
    page = client_for(org["users"]["drafter"]).get(reverse("registry:item_create")).content.decode()
    assert "Gợi ý căn cứ" in page and "registry/basis.js" in page and "<script>" not in page
