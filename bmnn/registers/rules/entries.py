"""Pure rules of the concrete registers: sổ đi, sổ đến (with receipts), sổ chuyển giao."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib import levels
from bmnn.lib.rules import Violation
from bmnn.registers.rules.books import CONTROL_BASIS

OUTGOING_BASIS = "Điều 15 NĐ 26/2020/NĐ-CP; Mẫu 14 TT 24/2020/TT-BCA; Điều 13 Luật 117/2025/QH15"
INCOMING_BASIS = "Điều 16 NĐ 26/2020/NĐ-CP; Mẫu 15 TT 24/2020/TT-BCA"
HANDOVER_BASIS = "Khoản 3 Điều 15 NĐ 26/2020/NĐ-CP; Mẫu 16 TT 24/2020/TT-BCA"


def _v(code: str, message: str, basis: str = CONTROL_BASIS) -> Violation:
    return Violation(code, message, basis)


def cleared_for(clearance: str, level: str) -> bool:
    """Whoever receives a document must be cleared for its level (Điều 11, 15 Luật 29/2018/QH14, the
    basis ``receiver_not_cleared`` cites); an unknown clearance counts as none and an unknown level is
    never covered."""
    return levels.RANK.get(clearance, 0) >= levels.RANK.get(level, len(levels.RANK))


def check_common_entry(
    *, client_seq_sent: bool, level: str, on: dt.date, last_date: dt.date | None, date_label: str
) -> list[Violation]:
    """Shared by every register: the number is the system's, the level is known, dates run in order
    (a paper register is written line after line, so a row never predates the row above it)."""
    out: list[Violation] = []
    if client_seq_sent:
        out.append(_v("seq_client_sent", "Số thứ tự do hệ thống cấp khi vào sổ: không được gửi kèm 'seq'."))
    if level not in levels.LEVELS:
        out.append(_v("level_invalid", f"Độ mật không hợp lệ: {level!r}.", "Điều 8 Luật 29/2018/QH14"))
    if last_date is not None and on < last_date:
        out.append(
            _v(
                "date_out_of_order",
                f"{date_label} ({on:%d/%m/%Y}) trước ngày của dòng đã vào sổ gần nhất "
                f"({last_date:%d/%m/%Y}): sổ ghi theo thứ tự thời gian.",
            )
        )
    return out


@dataclass(frozen=True)
class OutgoingFacts:
    on: dt.date
    doc_date: dt.date | None
    item_classified: bool
    recipients: int
    quantity: int


def check_outgoing(req: OutgoingFacts) -> list[Violation]:
    """Register before sending (Điều 15 NĐ 26/2020): a classified item, its recipients, its copies."""
    out: list[Violation] = []
    if not req.item_classified:
        out.append(
            _v("item_not_classified", "Chỉ vào sổ đi tài liệu đã được xác định độ mật.", OUTGOING_BASIS)
        )
    if req.doc_date is not None and req.on < req.doc_date:
        out.append(
            _v(
                "date_before_document",
                f"Ngày vào sổ đi ({req.on:%d/%m/%Y}) trước ngày văn bản ({req.doc_date:%d/%m/%Y}).",
                OUTGOING_BASIS,
            )
        )
    if req.recipients < 1:
        out.append(_v("recipients_missing", "Nơi nhận: phải có ít nhất một nơi nhận.", OUTGOING_BASIS))
    if req.quantity < 1:
        out.append(_v("quantity_invalid", "Số lượng bản phải từ 1 trở lên.", OUTGOING_BASIS))
    return out


@dataclass(frozen=True)
class IncomingFacts:
    arrival_date: dt.date
    doc_date: dt.date | None
    issuing_body: str
    number: str
    duplicate: bool
    sealed_for_addressee: bool
    has_summary: bool
    has_addressee: bool
    tampering: bool
    tampering_report: str


def check_incoming(req: IncomingFacts) -> list[Violation]:
    """Sổ đến (Điều 16 NĐ 26/2020): who sent what, when it arrived; a sealed envelope for a named
    person is registered from the outside only; signs of opening are reported to the head at once."""
    out: list[Violation] = []
    if not req.issuing_body.strip():
        out.append(_v("issuing_body_missing", "Cơ quan ban hành: bắt buộc.", INCOMING_BASIS))
    if req.doc_date is not None and req.arrival_date < req.doc_date:
        out.append(
            _v(
                "arrival_before_document",
                f"Ngày đến ({req.arrival_date:%d/%m/%Y}) trước ngày văn bản ({req.doc_date:%d/%m/%Y}).",
                INCOMING_BASIS,
            )
        )
    if req.duplicate:
        out.append(
            _v(
                "incoming_duplicate",
                f"Văn bản số {req.number} của {req.issuing_body} đã được vào sổ đến.",
                INCOMING_BASIS,
            )
        )
    if req.sealed_for_addressee and req.has_summary:
        out.append(
            _v(
                "sealed_has_summary",
                "Bì 'Chỉ người có tên mới được bóc bì' chỉ vào sổ theo bì ngoài, không bóc: không ghi trích yếu.",
                INCOMING_BASIS,
            )
        )
    if req.sealed_for_addressee and not req.has_addressee:
        out.append(
            _v(
                "addressee_missing",
                "Bì ghi tên người nhận: chọn người có tên để chuyển nguyên bì.",
                INCOMING_BASIS,
            )
        )
    if req.tampering and not req.tampering_report.strip():
        out.append(
            _v(
                "tampering_report_missing",
                "Có dấu hiệu bóc, mở bì: phải ghi nội dung báo cáo để trình người đứng đầu.",
                INCOMING_BASIS,
            )
        )
    return out


@dataclass(frozen=True)
class ReceiptFacts:
    entry_date: dt.date
    signed_on: dt.date
    signed_by: str
    already_signed: bool
    may_sign: bool


def check_receipt(req: ReceiptFacts) -> list[Violation]:
    """Every recipient signs for what they received (Mẫu 14, cột nơi nhận và ký nhận)."""
    out: list[Violation] = []
    if req.already_signed:
        out.append(_v("receipt_already_signed", "Nơi nhận này đã ký nhận."))
    if not req.may_sign:
        out.append(
            _v(
                "receipt_not_allowed",
                "Chỉ người nhận (trên hệ thống) hoặc văn thư ghi chữ ký giấy được ký nhận.",
            )
        )
    if req.signed_on < req.entry_date:
        out.append(
            _v(
                "receipt_before_document",
                f"Ngày ký nhận ({req.signed_on:%d/%m/%Y}) trước ngày vào sổ ({req.entry_date:%d/%m/%Y}).",
            )
        )
    if not req.signed_by.strip():
        out.append(_v("receipt_signer_missing", "Người ký nhận: bắt buộc."))
    return out


@dataclass(frozen=True)
class HandoverFacts:
    actor_may_hand_over: bool
    item_active: bool
    item_in_transit: bool
    same_person: bool
    receiver_active_same_agency: bool
    receiver_clearance: str
    level: str
    on: dt.date
    item_date: dt.date | None
    quantity: int = 1


def check_handover(req: HandoverFacts) -> list[Violation]:
    """A handover goes to someone allowed to hold the item and is signed by them (Mẫu 16)."""
    out: list[Violation] = []
    if not req.actor_may_hand_over:
        out.append(
            _v(
                "handover_not_holder",
                "Chỉ người đang quản lý tài liệu, văn thư hoặc cán bộ bảo mật được giao tài liệu.",
                HANDOVER_BASIS,
            )
        )
    if not req.item_active:
        out.append(
            _v("item_not_active", "Tài liệu đã tiêu hủy, bị mất hoặc chưa xác định độ mật.", HANDOVER_BASIS)
        )
    if req.item_in_transit:
        out.append(
            _v("item_in_transit", "Tài liệu đang được chuyển giao, chờ người nhận ký nhận.", HANDOVER_BASIS)
        )
    if req.same_person:
        out.append(_v("handover_same_person", "Người nhận trùng với người giao.", HANDOVER_BASIS))
    if not req.receiver_active_same_agency:
        out.append(_v("receiver_unknown", "Người nhận không thuộc cơ quan hoặc đã bị khóa.", HANDOVER_BASIS))
    elif not cleared_for(req.receiver_clearance, req.level):
        out.append(
            _v(
                "receiver_not_cleared",
                "Người nhận chưa được phép tiếp cận bí mật nhà nước ở độ mật của tài liệu.",
                "Điều 11, 15 Luật 29/2018/QH14",
            )
        )
    if req.item_date is not None and req.on < req.item_date:
        out.append(_v("date_before_document", "Ngày giao trước ngày của văn bản.", HANDOVER_BASIS))
    if req.quantity < 1:
        out.append(_v("quantity_invalid", "Số lượng phải từ 1 trở lên.", HANDOVER_BASIS))
    return out


@dataclass(frozen=True)
class HandoverConfirmation:
    already_confirmed: bool
    is_receiver: bool
    is_keeper: bool
    paper_signer: str
    handed_on: dt.date
    on: dt.date
    cancelled: bool


def check_handover_confirmation(req: HandoverConfirmation) -> list[Violation]:
    """The receiver signs with their own login, or a keeper records the receiver's paper signature."""
    out: list[Violation] = []
    if req.already_confirmed or req.cancelled:
        out.append(_v("handover_closed", "Dòng chuyển giao này đã được ký nhận hoặc đã hủy.", HANDOVER_BASIS))
    paper = bool(req.paper_signer.strip())
    if not req.is_receiver and not (req.is_keeper and paper):
        out.append(
            _v(
                "confirm_not_receiver",
                "Chỉ người nhận tự xác nhận bằng tài khoản của mình, hoặc văn thư ghi chữ ký giấy của người nhận.",
                HANDOVER_BASIS,
            )
        )
    if req.on < req.handed_on:
        out.append(
            _v(
                "receipt_before_document",
                f"Ngày ký nhận ({req.on:%d/%m/%Y}) trước ngày giao ({req.handed_on:%d/%m/%Y}).",
                HANDOVER_BASIS,
            )
        )
    return out
