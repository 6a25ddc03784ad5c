"""The báo cáo đột xuất to Công an about a lộ/mất as a ``bmnn.forms`` Document (DOCX and PDF from the
shared NĐ 30/2020 renderers; printing ledgered by the forms service).

Items are named by kind, number, date and level only — never by trích yếu, so a Tuyệt mật summary
(allowed under 2018 with the classifier's consent) can never reach the printout. The header and
footer carry the highest level involved: the incident's own level or any item's level at report.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from bmnn.forms.catalogue.schema import Column, Page
from bmnn.forms.document import Document, Letterhead, Row, Signature, Table, highest_level
from bmnn.incidents.models import Incident, IncidentItem
from bmnn.incidents.services.reporting import police_recipient
from bmnn.lib import clock, levels

# NĐ 30/2020 Phụ lục I: A4, top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm (165 mm printable).
A4 = Page(size="A4", orientation="portrait", top=20, bottom=20, left=30, right=15)
FORM_KEY = "incidents.police_report"
BASIS = "điểm b khoản 1 Điều 8 Nghị định số 26/2020/NĐ-CP"
COLUMNS = (
    Column(1, "STT", "no", 14, "center"),
    Column(2, "Tên loại, số, ký hiệu", "number", 75),
    Column(3, "Ngày văn bản", "date", 30, "center"),
    Column(4, "Độ mật", "level_label", 26, "center"),
    Column(5, "Số mục", "ref", 20, "center"),
)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]


def _body(incident: Incident, count: int) -> tuple[str, ...]:
    found = timezone.localtime(incident.discovered_at)
    occurred = f"; ngày xảy ra: {incident.occurred_on:%d/%m/%Y}" if incident.occurred_on else ""
    steps = [f"- {s.on:%d/%m/%Y}: {s.description}" for s in incident.steps.all()]
    lines = [
        f"Kính gửi: {incident.police_recipient or police_recipient()}.",
        f"Thực hiện {BASIS}, {incident.agency.name} báo cáo về vụ "
        f"{incident.get_kind_display().lower()} như sau:",
        f"1. Thời điểm phát hiện: {found:%H:%M} ngày {found:%d/%m/%Y}{occurred}.",
        "2. Diễn biến (sự việc xảy ra):",
        *_paragraphs(incident.description),
        "3. Cách phát hiện:",
        *_paragraphs(incident.how_found),
        "4. Người liên quan:",
        *(_paragraphs(incident.persons) or ["Chưa xác định."]),
        "5. Biện pháp đã thực hiện:",
        *(steps or ["- Đã báo cáo người đứng đầu; đang xác minh."]),
    ]
    if incident.causes.strip():
        lines += ["6. Nguyên nhân:", *_paragraphs(incident.causes)]
    lines.append(
        f"{7 if incident.causes.strip() else 6}. Tài liệu, vật chứa bí mật nhà nước liên quan "
        f"({count}; độ mật cao nhất: {levels.label(incident.level)}):"
    )
    return tuple(lines)


def _rows(links: Iterable[IncidentItem]) -> list[Row]:
    rows = []
    for n, link in enumerate(links, start=1):
        item = link.item
        label = " ".join(p for p in (item.document_type, item.number) if p) or "(không số)"
        rows.append(Row({
            "no": str(n), "number": label, "date": f"{item.date:%d/%m/%Y}" if item.date else "—",
            "level_label": levels.label(link.level_at_report), "ref": f"#{item.pk}",
        }, level=link.level_at_report))  # fmt: skip
    return rows or [Row({"number": "Không xác định được tài liệu, vật cụ thể."})]


def police_report_document(incident: Incident) -> Document:
    """Báo cáo đột xuất: header, what/when/how found, persons, measures, items table, the head signs."""
    links = list(incident.item_links.select_related("item").order_by("pk"))
    rows = _rows(links)
    agency = incident.agency
    return Document(
        title="BÁO CÁO ĐỘT XUẤT",
        subtitle=f"Về vụ {incident.get_kind_display().lower()}",
        page=A4,
        level=highest_level([incident.level, *(r.level for r in rows)]),
        letterhead=Letterhead(
            agency=agency.name,
            governing_body=agency.governing_body,
            number="…/BC-…",
            place=agency.place,
            date=clock.today(),
        ),
        body=_body(incident, len(links)),
        table=Table(columns=COLUMNS, rows=rows, expected_rows=len(rows)),
        signatures=(Signature("Người đứng đầu cơ quan"),),
        recipients=("Như trên;", "Lưu: VT."),
        form_key=FORM_KEY,
    )
