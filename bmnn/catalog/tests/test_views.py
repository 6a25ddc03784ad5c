import datetime as dt

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bmnn.audit.models import LedgerEntry
from bmnn.catalog import services
from bmnn.catalog.models import Catalog, CatalogItem
from bmnn.catalog.rules import ItemInput
from bmnn.lib.testing import make_agency, make_user

pytestmark = pytest.mark.django_db

GOOD_TEXT = """Số: 88/QĐ-TTg
Điều 1. Bí mật nhà nước độ Tối mật gồm:
1. Đề án sắp xếp tổ chức bộ máy chưa công khai.
Điều 2. Bí mật nhà nước độ Mật gồm:
1. Kế hoạch thanh tra chưa công bố.
"""
DOUBTFUL_TEXT = GOOD_TEXT + "3. Danh sách dự kiến điều động chưa công bố.\n"


def _login(client, user):
    client.force_login(user)
    return client


def _upload(client, text: str, name: str = "qd.txt", **extra):
    data = {"file": SimpleUploadedFile(name, text.encode("utf-8")), **extra}
    return client.post(reverse("catalog:import"), data)


def test_every_logged_in_user_may_browse_but_anonymous_users_are_sent_to_login(client, catalog, staff):
    assert client.get(reverse("catalog:list")).status_code == 302
    _login(client, staff)
    page = client.get(reverse("catalog:list")).content.decode()
    assert "2500/QĐ-TTg" in page
    detail = client.get(reverse("catalog:detail", args=[catalog.pk])).content.decode()
    assert "Điểm a khoản 1 Điều 2 Quyết định 2500/QĐ-TTg" in detail
    assert "Đóng mục" not in detail


def test_another_agencys_catalog_is_invisible(client, catalog):
    other = make_user(make_agency("Sở Khác"), "khac", role="security_officer", clearance="secret")
    _login(client, other)
    assert "2500/QĐ-TTg" not in client.get(reverse("catalog:list")).content.decode()
    assert client.get(reverse("catalog:detail", args=[catalog.pk])).status_code == 404
    assert client.get(reverse("catalog:search"), {"q": "sap nhap"}).context["items"] == []


def test_search_is_accent_insensitive(client, catalog, staff):
    _login(client, staff)
    response = client.get(reverse("catalog:search"), {"q": "de an sap nhap"})
    assert [i.article for i in response.context["items"]] == ["2"]
    assert "Đề án sáp nhập" in response.content.decode()
    partial = client.get(reverse("catalog:search"), {"q": "ĐỀ ÁN"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "Đề án sáp nhập" in partial.content.decode()
    assert client.get(reverse("catalog:search"), {"q": "de an tuyen dung"}).context["items"] == []


def test_staff_may_not_import_close_or_load_the_starter(client, catalog, staff):
    _login(client, staff)
    item = catalog.items.first()
    assert client.get(reverse("catalog:import")).status_code == 403
    assert _upload(client, GOOD_TEXT).status_code == 403
    assert client.post(reverse("catalog:item_close", args=[item.pk]), {}).status_code == 403
    assert client.post(reverse("catalog:load_starter")).status_code == 403


def test_import_preview_shows_every_problem_and_saves_nothing_until_confirmed(client, officer):
    _login(client, officer)
    before = LedgerEntry.objects.count()
    response = _upload(client, DOUBTFUL_TEXT)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="import-problems"' in page and "Danh sách dự kiến điều động" in page
    assert not Catalog.objects.exists()
    token = response.context["pending"].token
    refused = client.post(reverse("catalog:import_confirm"), {"token": token})
    assert refused.status_code == 200 and not Catalog.objects.exists()
    assert "Dòng 6" in refused.content.decode()
    saved = client.post(reverse("catalog:import_confirm"), {"token": token, "accept_problems": "on"})
    catalog = Catalog.objects.get()
    assert saved.status_code == 302 and saved["Location"] == reverse("catalog:detail", args=[catalog.pk])
    assert catalog.decision == "88/QĐ-TTg" and catalog.agency == officer.agency
    assert LedgerEntry.objects.count() == before + 1


def test_a_clean_file_is_saved_on_confirm_and_a_forged_token_is_refused(client, officer):
    _login(client, officer)
    response = _upload(client, GOOD_TEXT)
    assert "Không có dòng nào bị bỏ sót" in response.content.decode()
    forged = client.post(reverse("catalog:import_confirm"), {"token": "0" * 64})
    assert forged.status_code == 302 and forged["Location"] == reverse("catalog:import")
    assert not Catalog.objects.exists()
    token = response.context["pending"].token
    assert client.post(reverse("catalog:import_confirm"), {"token": token}).status_code == 302
    assert CatalogItem.objects.count() == 2


def test_an_unsupported_file_is_refused_by_the_form(client, officer):
    _login(client, officer)
    response = _upload(client, "x", name="qd.pdf")
    assert response.status_code == 200 and "Chỉ nhận tệp" in response.content.decode()


def test_export_gives_an_xlsx_the_importer_reads_back(client, catalog, staff):
    import io

    from bmnn.catalog.importing import parse_bytes

    _login(client, staff)
    response = client.get(reverse("catalog:export", args=[catalog.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    openpyxl.load_workbook(io.BytesIO(response.content))
    parsed = parse_bytes(response.content, "x.xlsx")
    assert parsed.decision == "2500/QĐ-TTg"
    assert {(i.article, i.clause, i.point) for i in parsed.items} == {("2", "1", "a"), ("3", "1", "")}


def test_an_officer_closes_an_item_with_a_reason(client, catalog, officer):
    _login(client, officer)
    item = catalog.items.get(article="2")
    url = reverse("catalog:item_close", args=[item.pk])
    empty = client.post(url, {"on": "01/03/2026", "reason": ""})
    assert empty.status_code == 200
    done = client.post(url, {"on": "01/03/2026", "reason": "Thay thế bởi quyết định mới"})
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.valid_to == dt.date(2026, 3, 1)
    twice = client.post(url, {"on": "02/03/2026", "reason": "Lần hai"})
    assert "đã đóng" in twice.content.decode()


def test_suggest_partial_lists_matching_items_or_says_none_fits(client, officer, staff):
    services.create_catalog(
        actor=officer,
        decision="9/QĐ-TTg",
        signed_on=dt.date(2025, 1, 1),
        items=[
            ItemInput(
                "secret", "1", "1", "", "Đề án sáp nhập, hợp nhất đơn vị hành chính cấp tỉnh chưa công khai"
            )
        ],
    )
    _login(client, staff)
    text = "Đề án sáp nhập, hợp nhất đơn vị hành chính cấp tỉnh; đề án chưa công khai, lưu hành nội bộ."
    assert client.get(reverse("catalog:suggest"), {"text": text}).status_code == 405  # never in a URL
    page = client.post(reverse("catalog:suggest"), {"text": text}).content.decode()
    assert "Khoản 1 Điều 1 Quyết định 9/QĐ-TTg" in page and "Tối mật" in page
    none = client.post(
        reverse("catalog:suggest"), {"text": "Thư mời dự hội nghị tổng kết phong trào thể thao"}
    )
    assert "Không tìm thấy mục phù hợp" in none.content.decode()


def test_an_officer_loads_the_starter_catalog_once(client, officer):
    _login(client, officer)
    assert client.post(reverse("catalog:load_starter")).status_code == 302
    assert Catalog.objects.count() == 3
    client.post(reverse("catalog:load_starter"))
    assert Catalog.objects.count() == 3


def test_an_officer_sees_the_import_and_close_actions(client, catalog, officer):
    _login(client, officer)
    assert "Nhập danh mục từ tệp" in client.get(reverse("catalog:list")).content.decode()
    assert "Đóng mục" in client.get(reverse("catalog:detail", args=[catalog.pk])).content.decode()
    page = client.get(reverse("catalog:import")).content.decode()
    assert 'enctype="multipart/form-data"' in page
