"""Registered secret numbers and Danh mục resemblance, as the web and API feed them to the scanner."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bmnn.registry.models import ItemStatus
from bmnn.scanning import queries

pytestmark = pytest.mark.django_db

QUOTING = "CÔNG VĂN\nThực hiện Báo cáo số 27/BC-STH ngày 02/3/2026, Sở đề nghị các phòng triển khai.".encode()
OWN = "Số: 27/BC-STH\nBÁO CÁO\nTình hình triển khai".encode()


def scan(user, name, data):
    client = Client()
    client.force_login(user)
    response = client.post("/scan/", {"files": [SimpleUploadedFile(name, data)]})
    assert response.status_code == 200
    return response


def test_a_file_quoting_a_registered_secret_number_is_flagged(org, registered):
    response = scan(org["users"]["head"], "cv.txt", QUOTING)
    page = response.content.decode()
    assert 'data-verdict="suspect"' in page
    assert "Số, ký hiệu của một tài liệu BMNN đã đăng ký (độ mật: Tối mật)" in page


def test_a_file_carrying_a_registered_number_as_its_own_is_secret(org, registered):
    page = scan(org["users"]["head"], "bc.txt", OWN).content.decode()
    assert 'data-verdict="secret"' in page and "TỐI MẬT" in page


def test_the_level_of_an_item_above_the_readers_clearance_is_not_told(org, registered):
    page = scan(org["users"]["staff"], "bc.txt", OWN).content.decode()  # staff: Mật clearance
    assert 'data-verdict="secret"' in page  # still stopped
    assert "Tối mật" not in page and "TỐI MẬT" not in page
    assert "một tài liệu BMNN đã đăng ký" in page


def test_only_classified_items_of_the_readers_agency_are_known(org, registered):
    registered.status = ItemStatus.DECLASSIFIED
    registered.save()
    assert queries.known_numbers_for(org["users"]["head"]) is None


def test_a_suspect_file_cites_the_best_matching_catalog_item(org, catalog):
    text = "TỜ TRÌNH\nĐề án sáp nhập, hợp nhất các bộ, cơ quan ngang bộ khi chưa được Quốc hội thông qua.".encode()
    page = scan(org["users"]["staff"], "tt.txt", text).content.decode()
    assert 'data-verdict="suspect"' in page
    assert "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg" in page and 'data-testid="citation"' in page


def test_catalog_resemblance_never_blocks_on_its_own_and_ordinary_text_stays_clean(org, catalog):
    page = scan(org["users"]["staff"], "tb.txt", "Thông báo lịch tiếp công dân tháng 5.".encode()).content
    assert b'data-verdict="clean"' in page


def test_without_catalogs_the_scan_runs_without_the_assistant(org):
    assert queries.catalog_matcher_for(org["users"]["staff"]) is None
