"""Thống kê BMNN: the period is checked with every reason at once, only report readers print it,
counts above the printer's clearance are withheld, and the printout is ledgered."""

import datetime as dt
import io

import docx
import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.forms.document import Row
from bmnn.forms.sources.statistics import check_period, count_rows
from bmnn.forms.tests.acts.helpers import copies_of, flat, printed_events
from bmnn.forms.tests.test_render import keep_first_page_png, pdf_pages
from bmnn.lib import clock

TODAY = dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "codes"),
    [
        ("01/01/2026", "30/06/2026", []),
        ("2026-01-01", "2026-06-30", []),  # as a date input sends it
        ("30/06/2026", "30/06/2026", []),
        ("", "30/06/2026", ["period_missing"]),
        ("", "", ["period_missing", "period_missing"]),
        ("31/02/2026", "30/06/2026", ["period_bad_date"]),
        ("hôm qua", "30/06/2026", ["period_bad_date"]),
        ("01/01/2026", "01/07/2026", ["period_future"]),
        ("01/06/2026", "01/05/2026", ["period_reversed"]),
        ("01/07/2026", "01/05/2026", ["period_future", "period_reversed"]),
    ],
)
def test_a_statistics_period_is_checked_with_every_reason_at_once(raw_from, raw_to, codes):
    start, end, violations = check_period(raw_from, raw_to, TODAY)
    assert [v.code for v in violations] == codes
    assert all(v.message_vi.startswith(("Từ ngày:", "Đến ngày:")) for v in violations)
    if not codes:
        assert start is not None and end is not None and start <= end


def test_withheld_levels_print_a_dash_and_stay_out_of_the_total():
    rows = count_rows({"movements.copy_recorded": {"top_secret": 2, "secret": 3}}, ("secret", "confidential"))
    assert rows == [Row({"act": "Ghi nhận sao, chụp", "top_secret": "—", "secret": "3", "confidential": "0",
                         "total": "3"})]  # fmt: skip
    assert count_rows({}, ("secret",))[0].cells["act"].startswith("Không có hoạt động")


@pytest.mark.django_db
def test_the_head_prints_counts_by_act_and_level_and_the_printout_is_ledgered(
    org, make_item, login, tmp_path
):
    copies_of(org, make_item("secret"))
    today = clock.today()
    client = login(org["users"]["head"])
    before = LedgerEntry.objects.count()
    url = f"/forms/statistics/?from=01/01/{today.year}&to={today:%d/%m/%Y}"
    pdf, word = _get_both(client, url, tmp_path)
    for text in (pdf, word):
        assert "THỐNG KÊ BÍ MẬT NHÀ NƯỚC" in text and f"Từ ngày 01/01/{today.year}" in text
        assert "Ghi nhận sao, chụp" in text and "Số liệu gồm đủ các độ mật." in text
    assert "Ghi nhận sao, chụp 0 1 0 1" in word  # Tuyệt mật, Tối mật, Mật, Cộng
    assert printed_events(before) == ["forms.printed", "forms.printed"]


def _get_both(client, url: str, tmp_path) -> tuple[str, str]:
    texts = []
    for fmt in ("pdf", "docx"):
        response = client.get(f"{url}&format={fmt}")
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        if fmt == "pdf":
            (tmp_path / "s.pdf").write_bytes(body)
            texts.append(flat(" ".join(pdf_pages(tmp_path / "s.pdf"))))
            keep_first_page_png(tmp_path / "s.pdf", "statistics")
        else:
            word = docx.Document(io.BytesIO(body))
            cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
            texts.append(flat(" ".join([p.text for p in word.paragraphs] + cells)))
    return texts[0], texts[1]


@pytest.mark.django_db
def test_a_deputy_cleared_for_toi_mat_sees_the_tuyet_mat_counts_withheld(org, make_item, login, tmp_path):
    today = clock.today()
    pdf, _ = _get_both(login(org["users"]["deputy"]), f"/forms/statistics/?from=01/01/{today.year}&to="
                       f"{today:%d/%m/%Y}", tmp_path)  # fmt: skip
    assert "Số liệu độ Tuyệt mật không hiển thị" in pdf


@pytest.mark.django_db
def test_a_bad_period_shows_every_reason_and_prints_nothing(org, login):
    client = login(org["users"]["head"])
    before = LedgerEntry.objects.count()
    page = client.get("/forms/statistics/?from=31/02/2026&to=&format=pdf")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Từ ngày: “31/02/2026” không phải ngày hợp lệ" in text and "Đến ngày: bắt buộc nhập ngày" in text
    assert printed_events(before) == []


@pytest.mark.django_db
def test_staff_may_not_read_statistics_and_the_catalogue_links_it_only_for_readers(org, login):
    assert login(org["users"]["drafter"]).get("/forms/statistics/").status_code == 403
    assert "statistics-link" not in login(org["users"]["drafter"]).get("/forms/").content.decode()
    client = login(org["users"]["head"])
    assert "statistics-link" in client.get("/forms/").content.decode()
    page = client.get("/forms/statistics/").content.decode()
    assert 'name="from"' in page and "/" in page.split('name="from" value="')[1][:10]
