"""Register pages: who may read and write, the paper-like book page, placeholders above clearance,
cancelled rows, the search page and the export permission."""

import datetime as dt

import pytest
from django.test import Client
from openpyxl import load_workbook

from bmnn.accounts.models import User
from bmnn.audit.models import LedgerEntry
from bmnn.registers import services
from bmnn.registers.export import safe_cell
from bmnn.registers.models import IncomingEntry, OutgoingEntry


def login(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def book(org, make_item):
    officer = org["users"]["officer"]
    for level, number in (
        ("secret", "15/ĐA-SXD"),
        ("top_secret", "16/ĐA-SXD"),
        ("confidential", "17/ĐA-SXD"),
    ):
        services.register_outgoing(
            actor=officer,
            data=services.OutgoingInput(
                item_id=make_item(level=level, number=number, holder="officer").pk,
                date=dt.date(2026, 4, 3),
                recipients=["Ủy ban nhân dân tỉnh"],
            ),
        )
    services.cancel_entry(actor=officer, entry=OutgoingEntry.objects.get(seq=3), reason="Ghi nhầm nơi nhận")
    return OutgoingEntry.objects.get(seq=1).book


@pytest.mark.parametrize(
    ("username", "status", "sees_secret", "sees_top"),
    [
        ("clerk", 200, True, False),
        ("officer", 200, True, True),
        ("head", 200, True, True),
        ("inspector", 200, True, False),
        ("lowclerk", 200, False, False),
        ("staff", 403, False, False),
        ("admin", 403, False, False),
    ],
)
def test_the_register_page_shows_rows_within_clearance_and_numbers_only_above(
    book, username, status, sees_secret, sees_top
):
    response = login(username).get(f"/registers/books/{book.pk}/")
    assert response.status_code == status
    if status != 200:
        return
    html = response.content.decode()
    assert ("15/ĐA-SXD" in html) is sees_secret
    assert ("16/ĐA-SXD" in html) is sees_top
    assert 'data-seq="2"' in html  # every number is accounted for, even when its content is hidden
    assert "Số, ký hiệu" in html and "Nơi nhận và ký nhận" in html


def test_a_cancelled_row_shows_da_huy_with_reason_and_actor(book):
    html = login("clerk").get(f"/registers/books/{book.pk}/").content.decode()
    assert "ĐÃ HỦY" in html and "Ghi nhầm nơi nhận" in html and 'class="cancelled"' in html


def test_filtering_the_register_hides_rows_above_clearance_entirely(book):
    html = login("clerk").get(f"/registers/books/{book.pk}/?cancelled=no").content.decode()
    assert 'data-seq="2"' not in html and 'data-seq="1"' in html


@pytest.mark.parametrize(
    ("username", "status"), [("officer", 200), ("clerk", 404), ("staff", 404), ("admin", 404)]
)
def test_an_entry_page_is_404_to_anyone_not_cleared_for_it(book, username, status):
    top = OutgoingEntry.objects.get(seq=2)
    assert login(username).get(f"/registers/outgoing/{top.pk}/").status_code == status


def test_a_clerk_registers_an_incoming_document_through_the_form(org):
    client = login("clerk")
    response = client.post(
        "/registers/incoming/new/",
        {
            "arrival_date": "2026-04-05",
            "issuing_body": "Bộ Nội vụ",
            "number": "97/KH-BNV",
            "doc_date": "2026-04-02",
            "document_type": "Kế hoạch",
            "level": "secret",
            "summary": "Đào tạo",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert IncomingEntry.objects.get().seq == 1


def test_a_refused_incoming_registration_shows_every_reason(org):
    client = login("clerk")
    response = client.post(
        "/registers/incoming/new/",
        {
            "arrival_date": "2026-04-01",
            "issuing_body": "Bộ Nội vụ",
            "number": "1/X",
            "doc_date": "2026-04-02",
            "level": "secret",
            "tampering": "on",
        },
    )
    html = response.content.decode()
    assert "Ngày đến (01/04/2026) trước ngày văn bản" in html and "phải ghi nội dung báo cáo" in html
    assert not IncomingEntry.objects.exists()


@pytest.mark.parametrize("username", ["staff", "inspector", "admin"])
def test_only_keepers_open_the_registering_forms(org, username):
    assert login(username).get("/registers/outgoing/new/").status_code == 403


@pytest.mark.parametrize(
    ("username", "finds"), [("clerk", True), ("inspector", True), ("lowclerk", False), ("admin", False)]
)
def test_the_search_page_finds_without_accents_within_clearance(book, username, finds):
    html = login(username).get("/registers/search/?q=uy ban nhan dan&level=secret").content.decode()
    assert ("15/ĐA-SXD" in html) is finds
    assert "16/ĐA-SXD" not in html


def test_export_is_off_by_default(book):
    assert login("officer").get("/registers/search/export/?q=uy").status_code == 403


def test_an_allowed_export_is_ledgered_and_guarded_against_formulas(book, settings):
    settings.BMNN_REGISTER_EXPORT_ROLES = ["security_officer"]
    response = login("officer").get("/registers/search/export/?q=uy ban")
    assert response.status_code == 200
    rows = list(load_workbook(__import__("io").BytesIO(response.content)).active.values)
    assert len(rows) == 4
    assert LedgerEntry.objects.filter(event="registers.search_exported").count() == 1


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+84", "'+84"),
        ("-x", "'-x"),
        ("@a", "'@a"),
        ("Bình thường", "Bình thường"),
        (5, 5),
    ],
)
def test_cells_that_would_run_as_formulas_get_a_leading_apostrophe(raw, safe):
    assert safe_cell(raw) == safe


def test_a_consented_2018_top_secret_summary_reaches_only_the_register_page_and_never_search_export_or_ledger(
    org, make_item, settings
):
    from bmnn.registry.models import SecretItem

    settings.BMNN_REGISTER_EXPORT_ROLES = ["security_officer"]
    officer = org["users"]["officer"]
    item = make_item(level="top_secret", holder="officer", number="9/TM-X", date=dt.date(2025, 12, 1))
    SecretItem.objects.filter(pk=item.pk).update(summary_consent=True)
    services.register_outgoing(
        actor=officer,
        data=services.OutgoingInput(
            item_id=item.pk,
            date=dt.date(2025, 12, 5),
            recipients=["Bộ Quốc phòng"],
            summary="Phương án phòng thủ",
        ),
    )
    client = login("officer")
    entry = OutgoingEntry.objects.get()
    assert "Phương án phòng thủ" in client.get(f"/registers/books/{entry.book_id}/").content.decode()
    assert "Phương án phòng thủ" not in client.get("/registers/search/?q=9/TM-X").content.decode()
    assert client.get("/registers/search/?q=phuong an phong thu").content.decode().count("9/TM-X") == 0
    workbook = client.get("/registers/search/export/?q=9/TM-X").content
    rows = list(load_workbook(__import__("io").BytesIO(workbook)).active.values)
    assert len(rows) == 2 and "Phương án" not in str(rows)
    assert not LedgerEntry.objects.filter(payload__contains="Phương án phòng thủ").exists()


def test_an_inspectors_register_reads_and_any_top_secret_row_read_are_ledgered(book):
    login("inspector").get(f"/registers/books/{book.pk}/")
    login("clerk").get(f"/registers/books/{book.pk}/")
    top = OutgoingEntry.objects.get(seq=2)
    login("officer").get(f"/registers/outgoing/{top.pk}/")
    views = LedgerEntry.objects.filter(event="registers.viewed")
    assert sorted(v.actor.username for v in views) == ["inspector", "officer"]


def test_search_pages_are_the_same_whichever_path_answers(org, monkeypatch):
    """On PostgreSQL a page is first looked for among the newest rows, then through the index."""
    from bmnn.registers import search

    clerk = org["users"]["clerk"]
    for i in range(7):
        data = services.IncomingInput(
            arrival_date=dt.date(2026, 4, 1 + i),
            issuing_body="Bộ Nội vụ" if i % 2 else "Bộ Tài chính",
            number=f"{i}/KH",
            level="secret",
            summary="Kế hoạch đào tạo",
        )
        services.register_incoming(actor=clerk, data=data)
    monkeypatch.setattr(search, "PAGE", 2)
    cases = [
        (search.Params(q="dao tao", kind="incoming"), 7),
        (search.Params(q="dao tao", body="bo noi vu", kind="incoming"), 3),
        (
            search.Params(
                q="ke hoach", kind="incoming", date_from=dt.date(2026, 4, 2), date_to=dt.date(2026, 4, 6)
            ),
            5,
        ),
    ]
    for params, expected in cases:
        pages = []
        for probe in (3, 10_000):
            monkeypatch.setattr(search, "PROBE", probe)
            pages.append([[h.id for h in search.search(clerk, params, page=n)[0]] for n in (1, 2, 3, 4)])
        assert pages[0] == pages[1]
        assert sum(len(p) for p in pages[0]) == expected
