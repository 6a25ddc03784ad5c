"""Documents of the movements acts, printed through the pages from real data made by the movements
services: every field and every listed item and copy number is in both formats, a Tuyệt mật trích
yếu never is, each printout is ledgered, and an act on an item the user may not see is a 404."""

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.forms.sources import act_values
from bmnn.forms.tests.acts.helpers import (
    D,
    assert_fields,
    copies_of,
    destroyed_case,
    fetch,
    printed_events,
    take_out,
)
from bmnn.movements import services

pytestmark = pytest.mark.django_db
TS_SUMMARY = "Phương án nhân sự tuyệt mật không được in"


@pytest.mark.parametrize("form_id", act_values.DESTRUCTION_FORMS)
def test_a_destruction_document_lists_every_item_and_copy_number_and_every_council_member(
    org, make_item, login, tmp_path, form_id
):
    item = make_item("secret")
    copies = copies_of(org, item)
    case = destroyed_case(org, [item], copies)
    client = login(org["users"]["head"])
    before = LedgerEntry.objects.count()
    texts = fetch(client, f"/forms/acts/destruction/{case.pk}/{form_id}/", tmp_path, form_id)
    values = act_values.case_print(case, form_id).values
    assert_fields(texts, form_id, values, D)
    for text in texts:
        for expected in (
            "12/ĐA-SNV",
            "Đề án sáp nhập",
            "Bản gốc",
            "Bản sao số 1/2",
            "Bản sao số 2/2",
            "TỐI MẬT",
        ):
            assert expected in text, expected
    number = {"doc.destruction_council": "QĐ 5/QĐ-SNV", "doc.destruction_minutes": "BB 1/BB-HĐ",
              "doc.destruction_record": "BB 2/BB-TH"}[form_id]  # fmt: skip
    assert f"Số: {number}" in texts[0] and f"Số: {number}" in texts[1]
    if form_id != "doc.destruction_council":  # signed by every member of the council
        for text in texts:
            assert "CHỦ TỊCH HỘI ĐỒNG" in text and text.count("THÀNH VIÊN") == 2
            assert all(name in text for name in ("Nguyễn Văn Chủ", "Trần Thị Văn Thư", "Lê Văn Bảo Mật"))
    assert printed_events(before) == ["forms.printed", "forms.printed"]
    assert json.loads(LedgerEntry.objects.order_by("-seq").first().payload)["level"] == "secret"


def test_a_destruction_file_with_a_top_secret_item_is_marked_and_hidden_from_who_may_not_see_it(
    org, make_item, login, tmp_path
):
    u = org["users"]
    secret, top = make_item("secret"), make_item("top_secret", number="7/PA-SNV")
    case = services.propose_destruction(
        actor=u["head"], items=[secret, top], copies=[], reason="Hết giá trị", on=D
    )
    services.form_council(actor=u["head"], case=case, council_ref="QĐ 5", chair="Chủ tịch", members=["A", "B"],
                          on=D)  # fmt: skip
    pdf, word = fetch(
        login(u["head"]), f"/forms/acts/destruction/{case.pk}/doc.destruction_minutes/", tmp_path, "ts"
    )
    for text in (pdf, word):
        assert "7/PA-SNV" in text and "TUYỆT MẬT" in text and "Đề án sáp nhập" in text
    for who in ("clerk", "stranger"):  # clerk: clearance Tối mật; stranger: another unit
        client = login(u[who])
        before = LedgerEntry.objects.count()
        assert client.get(f"/forms/acts/destruction/{case.pk}/doc.destruction_minutes/").status_code == 404
        assert printed_events(before) == []


def _memory_item(level: str) -> SimpleNamespace:
    """An item as a 2018 record could hold it (the database refuses a Tuyệt mật summary since 2025)."""
    agency = SimpleNamespace(name="Sở", governing_body="UBND", place="Thử")
    return SimpleNamespace(level=level, number="7/PA", date=D, document_type="Phương án", summary=TS_SUMMARY,
                           issuing_body="Sở", agency=agency)  # fmt: skip


@pytest.mark.parametrize(
    ("level", "printed"), [("top_secret", False), ("secret", True), ("confidential", True)]
)
def test_an_act_document_never_carries_a_top_secret_summary(level, printed):
    values = act_values.item_fields(_memory_item(level))
    assert (values["summary"] == TS_SUMMARY) is printed
    assert (values["summary"] == act_values.TS_SUMMARY_NOTE) is (not printed)


def test_a_destruction_record_is_not_printed_before_the_decision(org, make_item, login):
    u = org["users"]
    case = services.propose_destruction(
        actor=u["head"], items=[make_item("secret")], copies=[], reason="X", on=D
    )
    client = login(u["head"])
    assert client.get(f"/forms/acts/destruction/{case.pk}/doc.destruction_record/").status_code == 404
    assert (
        client.get(f"/forms/acts/destruction/{case.pk}/doc.destruction_council/?format=pdf").status_code
        == 200
    )
    assert client.get(f"/forms/acts/destruction/{case.pk}/doc.recall_notice/").status_code == 404
    assert client.get(f"/forms/acts/no-such-act/{case.pk}/doc.destruction_council/").status_code == 404


@pytest.mark.parametrize("form_id", ["doc.copy_record", "doc.copy_extract"])
def test_a_copy_record_and_an_extract_carry_the_copy_numbers_and_the_authoriser(
    org, make_item, login, tmp_path, form_id
):
    item = make_item("secret")
    copies = copies_of(org, item, kind="trich_sao")
    entry = copies[0].entry
    before = LedgerEntry.objects.count()
    texts = fetch(
        login(org["users"]["clerk"]), f"/forms/acts/copy-entry/{entry.pk}/{form_id}/", tmp_path, form_id
    )
    values = act_values.copy_print(entry, form_id).values
    assert_fields(texts, form_id, values, D)
    for text in texts:
        assert "1/2, 2/2" in text and entry.authoriser_repr in text and "Phiếu 3/PĐ ngày 04/05/2026" in text
        assert "NGƯỜI SAO, CHỤP" in text and "NGƯỜI CHO PHÉP" in text
    assert printed_events(before) == ["forms.printed", "forms.printed"]
    assert (
        login(org["users"]["stranger"]).get(f"/forms/acts/copy-entry/{entry.pk}/{form_id}/").status_code
        == 404
    )


def test_an_extract_form_is_refused_for_a_plain_copy(org, make_item, login):
    entry = copies_of(org, make_item("secret"))[0].entry
    client = login(org["users"]["clerk"])
    assert client.get(f"/forms/acts/copy-entry/{entry.pk}/doc.copy_extract/").status_code == 404
    assert client.get(f"/forms/acts/copy-entry/{entry.pk}/doc.copy_record/?format=pdf").status_code == 200


def test_the_stamp_sheet_of_a_copy_shows_its_number_and_authoriser(org, make_item, login, tmp_path):
    item = make_item("secret")
    copy = copies_of(org, item)[1]
    before = LedgerEntry.objects.count()
    pdf, word = fetch(
        login(org["users"]["clerk"]), f"/forms/copies/{copy.pk}/stamps/", tmp_path, "copy-stamps"
    )
    assert "BẢN SAO SỐ 2/2" in pdf and "BẢN SAO BÍ MẬT NHÀ NƯỚC" in pdf and "TỐI MẬT" in pdf
    assert copy.entry.authoriser_repr in pdf and "2026-05-04" in pdf
    assert "BẢN SAO SỐ 2/2" in word
    assert printed_events(before) == ["forms.printed", "forms.printed"]
    assert login(org["users"]["stranger"]).get(f"/forms/copies/{copy.pk}/stamps/").status_code == 404


@pytest.mark.parametrize("form_id", ["doc.take_out_request", "doc.take_out_permit"])
def test_a_take_out_request_and_its_permit_carry_purpose_place_time_and_measures(
    org, make_item, login, tmp_path, form_id
):
    permit = take_out(org, make_item("secret"), approve=True)
    texts = fetch(
        login(org["users"]["clerk"]), f"/forms/acts/take-out/{permit.pk}/{form_id}/", tmp_path, form_id
    )
    values = act_values.take_out_print(permit, form_id).values
    assert_fields(texts, form_id, values, D)
    for text in texts:
        assert all(
            x in text for x in ("Họp thẩm định đề án", "Hà Nội", "04/05/2026", "07/05/2026", "Cặp có khóa")
        )
        assert "12/ĐA-SNV ngày 02/04/2026 (bản gốc)" in text
    if form_id == "doc.take_out_permit":
        assert "Số: GP 9/GP-SNV" in texts[0]


@pytest.mark.parametrize("approve", [None, False])
def test_no_permit_is_printed_for_a_pending_or_refused_take_out(org, make_item, login, approve):
    permit = take_out(org, make_item("secret"), approve=approve)
    client = login(org["users"]["clerk"])
    assert client.get(f"/forms/acts/take-out/{permit.pk}/doc.take_out_permit/").status_code == 404
    assert client.get(f"/forms/acts/take-out/{permit.pk}/doc.take_out_request/").status_code == 200


def test_a_provision_request_is_headed_by_the_requesting_body_and_lists_its_commitment(
    org, make_item, login, tmp_path
):
    data = services.ProvisionInput(recipient_kind="vn_body", recipient_name="Sở Tư pháp tỉnh Thử",
                                   representative="Phạm Văn Đại Diện", purpose="Thẩm định dự thảo",
                                   commitment="Bảo vệ theo quy định", request_ref="CV 15/STP")  # fmt: skip
    req = services.register_provision_request(
        actor=org["users"]["clerk"], item=make_item("secret"), data=data
    )
    url = f"/forms/acts/provision/{req.pk}/doc.provision_request/"
    texts = fetch(login(org["users"]["clerk"]), url, tmp_path, "provision")
    assert_fields(texts, "doc.provision_request", act_values.provision_print(req, "").values, D)
    for text in texts:
        assert (
            "SỞ TƯ PHÁP TỈNH THỬ" in text and "Số: CV 15/STP" in text and "PHẠM VĂN ĐẠI DIỆN" in text.upper()
        )
    assert login(org["users"]["stranger"]).get(url).status_code == 404


def test_a_recall_notice_names_the_holder_the_deadline_and_carries_the_recall_stamp(
    org, make_item, login, tmp_path
):
    item = make_item("secret")
    copy = copies_of(org, item)[0]
    recall = services.issue_recall(actor=org["users"]["clerk"], item=item, item_copy=copy, holder=None,
                                   holder_name="Phòng A", reason="Sai độ mật", on=D,
                                   deadline=D + dt.timedelta(days=10))  # fmt: skip
    url = f"/forms/acts/recall/{recall.pk}/doc.recall_notice/"
    texts = fetch(login(org["users"]["clerk"]), url, tmp_path, "recall")
    assert_fields(texts, "doc.recall_notice", act_values.recall_print(recall, "").values, D)
    for text in texts:
        assert "(Bản sao số 1/2)" in text and "14/05/2026" in text and "TÀI LIỆU THU HỒI" in text
    assert login(org["users"]["stranger"]).get(url).status_code == 404


def test_the_act_pages_offer_pdf_and_docx_links(org, make_item, login):
    item = make_item("secret")
    copy = copies_of(org, item)[0]
    case = destroyed_case(org, [item], [])
    client = login(org["users"]["head"])
    page = client.get(f"/movements/destructions/{case.pk}/").content.decode()
    for form_id in act_values.DESTRUCTION_FORMS:
        assert f"/forms/acts/destruction/{case.pk}/{form_id}/?format=pdf" in page
    page = client.get(f"/movements/copies/{copy.pk}/").content.decode()
    assert f"/forms/copies/{copy.pk}/stamps/?format=docx" in page
    assert f"/forms/acts/copy-entry/{copy.entry_id}/doc.copy_record/?format=pdf" in page
    assert (
        f"/forms/copies/{copy.pk}/stamps/?format=pdf"
        in client.get(f"/movements/items/{item.pk}/").content.decode()
    )
