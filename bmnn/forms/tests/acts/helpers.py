"""Fetching printouts through the pages and making acts through the movements services."""

import datetime as dt
import io

import docx

from bmnn.audit.models import LedgerEntry
from bmnn.forms.catalogue import library, select
from bmnn.forms.catalogue.schema import placeholders
from bmnn.forms.tests.test_render import keep_first_page_png, pdf_pages
from bmnn.movements import services

D = dt.date(2026, 5, 4)


def flat(text: str) -> str:
    return " ".join(text.split())


def fetch(client, url: str, tmp_path, name: str) -> tuple[str, str]:
    """(PDF text, DOCX text) of one printout, each downloaded through the page; keeps the PNG."""
    texts = []
    for fmt in ("pdf", "docx"):
        response = client.get(f"{url}?format={fmt}")
        assert response.status_code == 200, (url, response.status_code)
        body = b"".join(response.streaming_content)
        path = tmp_path / f"{name}.{fmt}"
        path.write_bytes(body)
        if fmt == "pdf":
            texts.append(flat(" ".join(pdf_pages(path))))
            keep_first_page_png(path, f"act-{name}")
        else:
            word = docx.Document(io.BytesIO(body))
            cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
            header = [p.text for p in word.sections[0].header.paragraphs]
            texts.append(flat(" ".join(header + [p.text for p in word.paragraphs] + cells)))
    return texts[0], texts[1]


def body_fields(form_id: str, on: dt.date) -> set[str]:
    definition = select.select(library.shipped(), form_id, on)
    spec = definition.document
    return {n for text in (*spec.body, spec.title, spec.subtitle) for n in placeholders(text)}


def assert_fields(texts: tuple[str, str], form_id: str, values: dict[str, str], on: dt.date) -> None:
    for text in texts:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        for name in body_fields(form_id, on):
            if values.get(name):
                assert flat(values[name]) in text, (form_id, name, values[name])


def printed_events(before: int) -> list[str]:
    """Ledger events since ``before``, leaving out the test client's own log-in."""
    rows = LedgerEntry.objects.filter(seq__gt=before).exclude(event="accounts.login")
    return list(rows.values_list("event", flat=True))


def copies_of(org, item, kind="sao_y", quantity=2):
    return services.record_copy(
        actor=org["users"]["clerk"], item=item, kind=kind, quantity=quantity, recipients=["Phòng A", "Phòng B"],
        authoriser=org["users"]["head"], permission_ref="Phiếu 3/PĐ ngày 04/05/2026", authorised_on=D,
        performed_on=D,
    )  # fmt: skip


def destroyed_case(org, items, copies):
    u = org["users"]
    case = services.propose_destruction(
        actor=u["head"], items=items, copies=copies, reason="Hết giá trị", on=D
    )
    services.form_council(actor=u["head"], case=case, council_ref="QĐ 5/QĐ-SNV", chair="Nguyễn Văn Chủ",
                          members=["Trần Thị Văn Thư", "Lê Văn Bảo Mật"], on=D)  # fmt: skip
    services.record_minutes(
        actor=u["head"], case=case, minutes_ref="BB 1/BB-HĐ", opinion="Đề nghị tiêu hủy", on=D
    )
    services.decide_destruction(actor=u["head"], case=case, approve=True, decision_ref="QĐ 6/QĐ-SNV", on=D)
    services.record_destruction(actor=u["head"], case=case, method="Nghiền hủy", persons=["Trần Thị Văn Thư"],
                                record_ref="BB 2/BB-TH", on=D)  # fmt: skip
    case.refresh_from_db()
    return case


def take_out(org, item, approve: bool | None):
    u = org["users"]
    data = services.TakeOutInput(scope="in_country", purpose="Họp thẩm định đề án", place="Hà Nội", period_from=D,
                                 period_to=D + dt.timedelta(days=3), protective_measures="Cặp có khóa")  # fmt: skip
    permit = services.request_take_out(actor=u["clerk"], item=item, item_copy=None, data=data)
    if approve is not None:
        services.decide_take_out(actor=u["head"], permit=permit, approve=approve, on=D, decision_ref="GP 9/GP-SNV",
                                 refusal_reason="" if approve else "Không cần thiết")  # fmt: skip
    permit.refresh_from_db()
    return permit
