"""Importing an old register from xlsx: mapping, every row checked, rejected rows with reasons,
accepted rows keep their number, the counter moves past them, one ledger entry for the batch."""

import datetime as dt
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from bmnn.accounts.models import User
from bmnn.audit.models import LedgerEntry
from bmnn.registers import importing, services
from bmnn.registers.models import IncomingEntry
from bmnn.registers.services.importing import import_register


def sheet_bytes(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "STT",
            "Ngày đến",
            "Cơ quan ban hành",
            "Số, ký hiệu",
            "Ngày tháng",
            "Tên loại",
            "Trích yếu",
            "Độ mật",
        ]
    )
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


ROWS = [
    [1, "05/01/2026", "Bộ Nội vụ", "1/BNV", "02/01/2026", "Công văn", "Tuyển dụng", "Mật"],
    [2, "06/01/2026", "Bộ Xây dựng", "2/BXD", "03/01/2026", "Kế hoạch", "Quy hoạch", "Tối mật"],
    [2, "07/01/2026", "Bộ Tài chính", "3/BTC", "03/01/2026", "Báo cáo", "", "Mật"],
    ["x", "31/02/2026", "Bộ A", "4/A", "", "", "", "Rất mật"],
    [5, "08/03/2026", "Bộ Công an", "5/BCA", "01/03/2026", "Công văn", "Nội dung tuyệt mật Z", "Tuyệt mật"],
    [9, "09/01/2025", "Bộ B", "9/B", "", "", "", "TM"],
    [40, "10/01/2026", "Bộ C", "40/C", "11/01/2026", "", "", "M"],
]


def test_the_mapping_is_guessed_from_the_header_words():
    sheet = importing.read_xlsx(sheet_bytes([]))
    mapping = importing.guess_mapping("incoming", sheet.headers)
    assert (mapping["seq"], mapping["arrival_date"], mapping["issuing_body"], mapping["level"]) == (
        0,
        1,
        2,
        7,
    )


def test_good_rows_are_imported_with_their_numbers_and_bad_rows_are_reported(org):
    clerk = org["users"]["officer"]
    sheet = importing.read_xlsx(sheet_bytes(ROWS))
    count, rejected = import_register(
        actor=clerk,
        kind="incoming",
        year=2026,
        sheet=sheet,
        mapping=importing.guess_mapping("incoming", sheet.headers),
    )
    assert count == 2
    assert sorted(IncomingEntry.objects.values_list("seq", flat=True)) == [1, 2]
    assert all(e.imported for e in IncomingEntry.objects.all())
    reasons = {r.line: " ".join(r.reasons) for r in rejected}
    assert set(reasons) == {4, 5, 6, 7, 8}
    assert "lặp lại" in reasons[4]
    assert "Số thứ tự 'x'" in reasons[5] and "dd/mm/yyyy" in reasons[5] and "Rất mật" in reasons[5]
    assert "Tuyệt mật" in reasons[6] and "Nội dung tuyệt mật Z" not in reasons[6]
    assert "không thuộc năm 2026" in reasons[7]
    assert "Ngày đến trước ngày văn bản" in reasons[8]
    payload = json.loads(LedgerEntry.objects.get(event="registers.entries_imported").payload)
    assert (payload["imported"], payload["rejected"], [r["seq"] for r in payload["rows"]]) == (2, 5, [1, 2])
    later = services.register_incoming(
        actor=clerk,
        data=services.IncomingInput(
            arrival_date=dt.date(2026, 4, 5), issuing_body="Bộ D", number="1/D", level="secret"
        ),
    )
    assert later.seq == 3


def test_a_second_import_cannot_reuse_numbers(org):
    clerk = org["users"]["officer"]
    sheet = importing.read_xlsx(sheet_bytes(ROWS[:1]))
    mapping = importing.guess_mapping("incoming", sheet.headers)
    import_register(actor=clerk, kind="incoming", year=2026, sheet=sheet, mapping=mapping)
    count, rejected = import_register(actor=clerk, kind="incoming", year=2026, sheet=sheet, mapping=mapping)
    assert count == 0 and "đã có trong sổ" in rejected[0].reasons[0]


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("Mật", "confidential"),
        ("TỐI MẬT", "secret"),
        ("TuM", "top_secret"),
        ("B", "secret"),
        ("mat.", "confidential"),
        ("rất mật", None),
    ],
)
def test_levels_are_read_as_written_on_paper(raw, level):
    assert importing.parse_level(raw) == level


def test_the_import_pages_preview_then_import(org):
    client = Client()
    client.force_login(User.objects.get(username="clerk"))
    upload = SimpleUploadedFile("so-den.xlsx", sheet_bytes(ROWS[:3]))
    response = client.post("/registers/import/", {"kind": "incoming", "year": 2026, "file": upload})
    assert response.status_code == 302
    preview = client.get("/registers/import/map/").content.decode()
    assert "1 dòng không nhập được" in preview and "lặp lại" in preview
    guessed = importing.guess_mapping("incoming", importing.read_xlsx(sheet_bytes([])).headers)
    data = {f"map_{t}": str(i) for t, i in guessed.items() if i is not None}
    done = client.post("/registers/import/map/", {**data, "action": "import"}).content.decode()
    assert "Đã nhập 2 dòng" in done
    assert IncomingEntry.objects.filter(imported=True).count() == 2
    client.force_login(User.objects.get(username="staff"))
    assert client.get("/registers/import/").status_code == 403
