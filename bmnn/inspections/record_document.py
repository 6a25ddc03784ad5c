"""The biên bản kiểm tra as a ``bmnn.forms`` Document, so DOCX and PDF come from the shared NĐ 30/2020
renderers (letterhead, fonts, margins, level marks) and printing is ledgered by the forms service.

The record carries counts, reference numbers and the team's notes only (see ``queries``), never a
document's content; its level mark is the highest level any of its rows is tagged with, which is
none today, so the printout is unmarked unless a row ever carries a level.
"""

from __future__ import annotations

from collections.abc import Iterator

from bmnn.forms.catalogue.schema import Column, Page
from bmnn.forms.document import Document, Letterhead, Row, Signature, Table, highest_level
from bmnn.inspections import queries
from bmnn.inspections.models import AnswerStatus, ChecklistAnswer, Finding, Inspection
from bmnn.lib import clock

# NĐ 30/2020 Phụ lục I: A4, top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm (165 mm printable).
A4 = Page(size="A4", orientation="portrait", top=20, bottom=20, left=30, right=15)
FORM_KEY = "inspections.record"
COLUMNS = (
    Column(1, "STT / Mã", "no", 16, "center"),
    Column(2, "Nội dung", "content", 69),
    Column(3, "Kết quả / Mức độ", "result", 30),
    Column(4, "Căn cứ, chứng cứ, ghi chú", "basis", 50),
)


def _date(value: object) -> str:
    return f"{value:%d/%m/%Y}" if value else "…"


def _general(inspection: Inspection) -> tuple[str, ...]:
    body = f" ({inspection.inspecting_body})" if inspection.inspecting_body else ""
    until = f" đến ngày {_date(inspection.ends_on)}" if inspection.ends_on else ""
    lines = [
        f"Hình thức kiểm tra: {inspection.get_mode_display()}{body}.",
        f"Đơn vị được kiểm tra: {inspection.inspected_unit or 'toàn cơ quan ' + inspection.agency.name}.",
        f"Thời gian kiểm tra: từ ngày {_date(inspection.starts_on)}{until}.",
        "Thành phần đoàn kiểm tra:",
        *(f"- {p.strip()}" for p in inspection.team.splitlines() if p.strip()),
        "Phạm vi, nội dung kiểm tra:",
        *(p.strip() for p in inspection.scope.splitlines() if p.strip()),
    ]
    version = f" (danh mục phiên bản {inspection.checklist_version})" if inspection.checklist_version else ""
    lines.append(
        f"Kết quả kiểm tra theo danh mục{version}, tồn tại, hạn chế và kết luận được ghi tại bảng dưới đây."
    )
    return tuple(lines)


def _answer_result(answer: ChecklistAnswer) -> str:
    """The answer as given, and what the automatic check said when it differs or was overridden."""
    text = answer.get_status_display()
    if answer.auto:
        auto = AnswerStatus(answer.auto_status).label if answer.auto_status in AnswerStatus.values else ""
        text += f" (tự động: {auto})" if auto and auto != text else " (tự động)"
    return text


def _answer_row(answer: ChecklistAnswer) -> Row:
    notes = [f"Căn cứ: {answer.basis}"] if answer.basis else []
    if answer.summary:
        notes.append(answer.summary)
    labels = [
        str(e.get("label", "")) for e in answer.evidence or () if isinstance(e, dict) and e.get("label")
    ]
    if labels:
        notes.append("Chứng cứ: " + "; ".join(labels))
    if answer.note:
        notes.append(f"Đoàn kiểm tra: {answer.note}")
    basis = ". ".join(n.strip().rstrip(".") for n in notes if n.strip())
    return Row({"no": answer.code, "content": answer.question, "result": _answer_result(answer),
                "basis": f"{basis}." if basis else ""})  # fmt: skip


def _finding_row(number: int, finding: Finding) -> Row:
    status = finding.get_status_display()
    if finding.remediation:
        status += f": {finding.remediation}"
    return Row({
        "no": str(number),
        "content": finding.description,
        "result": finding.get_severity_display(),
        "basis": f"Đơn vị chịu trách nhiệm: {finding.responsible_unit}. Hạn khắc phục: "
                 f"{_date(finding.due_on)}. Trạng thái: {status}.",
    })  # fmt: skip


def _heading(no: str, text: str) -> Row:
    return Row({"no": no, "content": text.upper()})


def _rows(inspection: Inspection) -> Iterator[Row]:
    yield _heading("I", "Kết quả kiểm tra theo danh mục")
    groups = queries.grouped_answers(inspection)
    if not groups:
        yield Row({"content": "Chưa lập danh mục kiểm tra."})
    for group, answers in groups:
        yield Row({"content": group})
        yield from (_answer_row(a) for a in answers)
    yield _heading("II", "Tồn tại, hạn chế và yêu cầu khắc phục")
    findings = list(inspection.findings.select_related("responsible_unit"))
    if not findings:
        yield Row({"content": "Không có."})
    yield from (_finding_row(n, f) for n, f in enumerate(findings, start=1))
    yield _heading("III", "Kết luận")
    yield Row({"content": inspection.conclusion or "(chưa kết luận)"})


def record_document(inspection: Inspection) -> Document:
    """Biên bản kiểm tra: NĐ 30/2020 header, general part, the table, signatures of both sides."""
    agency = inspection.agency
    rows = list(_rows(inspection))
    return Document(
        title="BIÊN BẢN KIỂM TRA",
        subtitle=f"Công tác bảo vệ bí mật nhà nước — {inspection.title}",
        page=A4,
        level=highest_level(r.level for r in rows),
        letterhead=Letterhead(
            agency=agency.name,
            governing_body=agency.governing_body,
            number="…/BB-KT",
            place=agency.place,
            date=clock.today(),
        ),
        body=_general(inspection),
        table=Table(columns=COLUMNS, rows=rows, expected_rows=len(rows)),
        signatures=(
            Signature("Thủ trưởng đơn vị được kiểm tra"),
            Signature("Trưởng đoàn kiểm tra"),
        ),
        form_key=FORM_KEY,
    )
