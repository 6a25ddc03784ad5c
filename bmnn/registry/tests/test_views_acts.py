"""Pages for re-level, correction, grants and repetitive documents: forms shown, acts done, refusals explained."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from bmnn.registry import services
from bmnn.registry.models import ItemGrant, SecretItem, StandingAuthorisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(org, catalog_items):
    return services.create_item(
        actor=org["users"]["head"],
        data=services.ItemInput(
            kind="paper_document",
            level="confidential",
            basis_ids=[catalog_items["confidential"].pk],
            classified_on=dt.date(2026, 4, 2),
            document_type="Báo cáo",
            number="7/BC",
            copies=1,
        ),
    )


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_head_sees_relevel_correction_and_grant_forms(org, item):
    page = as_user(org["users"]["head"]).get(reverse("registry:item_detail", args=[item.pk])).content.decode()
    assert "Điều chỉnh độ mật" in page and "Thu hồi / đính chính" in page and "Cấp quyền tiếp cận" in page


def test_relevel_through_the_page_and_a_refusal_shows_its_article(org, item, catalog_items):
    client = as_user(org["users"]["head"])
    url = reverse("registry:item_relevel", args=[item.pk])
    bad = client.post(
        url,
        {"new_level": "top_secret", "basis": [catalog_items["secret"].pk], "on": "03/04/2026"},
        follow=True,
    ).content.decode()
    assert "Căn cứ:" in bad and "cao hơn" in bad
    client.post(url, {"new_level": "secret", "basis": [catalog_items["secret"].pk], "on": "03/04/2026"})
    item.refresh_from_db()
    assert item.level == "secret"


def test_correction_through_the_page_appears_in_the_history(org, item):
    client = as_user(org["users"]["head"])
    client.post(
        reverse("registry:item_correct", args=[item.pk]),
        {"kind": "recall", "document_ref": "06/TH-SNV", "reason": "Không thuộc danh mục", "on": "03/04/2026"},
    )
    page = client.get(reverse("registry:item_detail", args=[item.pk])).content.decode()
    assert "Thu hồi (xác định không đúng)" in page and "06/TH-SNV" in page


def test_grant_and_revoke_through_the_page_keep_history(org, item):
    client = as_user(org["users"]["head"])
    stranger = org["users"]["stranger"]
    client.post(reverse("registry:item_grant", args=[item.pk]), {"user": stranger.pk, "reason": "Thẩm định"})
    assert as_user(stranger).get(reverse("registry:item_detail", args=[item.pk])).status_code == 200
    grant = ItemGrant.objects.get()
    client.post(reverse("registry:item_grant_revoke", args=[item.pk, grant.pk]), {"reason": "Xong"})
    assert as_user(stranger).get(reverse("registry:item_detail", args=[item.pk])).status_code == 404
    page = client.get(reverse("registry:item_detail", args=[item.pk])).content.decode()
    assert "Đã thu hồi" in page and "Xong" in page


def test_a_staff_member_cannot_grant(org, item):
    client = as_user(org["users"]["drafter"])
    client.post(
        reverse("registry:item_grant", args=[item.pk]), {"user": org["users"]["stranger"].pk, "reason": "x"}
    )
    assert not ItemGrant.objects.exists()


def test_repetitive_documents_pages(org, catalog_items):
    head = as_user(org["users"]["head"])
    head.post(
        reverse("registry:standing_list"),
        {
            "document_type": "Báo cáo tuần",
            "basis": catalog_items["confidential"].pk,
            "level": "confidential",
            "decision_ref": "01/QĐ-SNV",
            "on": "02/04/2026",
        },
    )
    auth = StandingAuthorisation.objects.get()
    drafter = as_user(org["users"]["drafter"])
    assert "Báo cáo tuần" in drafter.get(reverse("registry:standing_list")).content.decode()
    response = drafter.post(
        reverse("registry:standing_mark", args=[auth.pk]),
        {"document_type": "Báo cáo tuần", "number": "3/BC", "copies": 1, "on": "09/04/2026"},
    )
    assert response.status_code == 302 and SecretItem.objects.get().status == "classified"
    refused = drafter.post(
        reverse("registry:standing_mark", args=[auth.pk]),
        {"document_type": "Tờ trình", "copies": 1, "on": "09/04/2026"},
    ).content.decode()
    assert "phải lập đề xuất độ mật" in refused and "Thông tư 115/2026/TT-BQP" in refused
    low = as_user(org["users"]["low"])
    assert low.get(reverse("registry:standing_mark", args=[auth.pk])).status_code == 200  # Mật: cleared
    top = services.authorise_repetitive_kind(
        actor=org["users"]["head"],
        document_type="Báo cáo mật",
        level="secret",
        basis_id=catalog_items["secret"].pk,
        on=dt.date(2026, 4, 2),
        decision_ref="02/QĐ",
    )
    assert low.get(reverse("registry:standing_mark", args=[top.pk])).status_code == 404
    assert "Báo cáo mật" not in low.get(reverse("registry:standing_list")).content.decode()
