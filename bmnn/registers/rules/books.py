"""Pure rules of register books: opening, who keeps them, locking and reopening, registering a row and
cancelling one. Internal-control rules of bmnn unless an article is cited (see the package docstring)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.rules import Violation

REGISTER_BASIS = "Điều 15, 16 Nghị định 26/2020/NĐ-CP; Mẫu 12, 14, 15, 16 Thông tư 24/2020/TT-BCA"
CONTROL_BASIS = "Quy chế sổ đăng ký của bmnn: số thứ tự do hệ thống cấp, không sửa, không dùng lại"
# Roles who keep the registers (văn thư, cán bộ bảo mật). Not fixed by law; agencies assign it.
REGISTER_KEEPER_ROLES = frozenset({"clerk", "security_officer"})
# Who may approve reopening a locked book: the agency's leadership, never the requester.
UNLOCK_APPROVER_ROLES = frozenset({"head", "deputy"})


@dataclass(frozen=True)
class BookOpening:
    year: int
    opened_on: dt.date
    start_seq: int | None
    books_this_year: int
    previous_locked: bool
    last_seq_given: int


def check_book_opening(req: BookOpening) -> list[Violation]:
    """A first book of a year may continue a paper register from a given number; later books of the
    same year continue the year's sequence, so they take no start number and follow a locked book."""
    out: list[Violation] = []
    if req.opened_on.year != req.year:
        out.append(Violation("book_year_mismatch", f"Ngày mở sổ phải thuộc năm {req.year}.", CONTROL_BASIS))
    if req.start_seq is not None:
        if req.books_this_year:
            out.append(
                Violation(
                    "book_start_not_first",
                    "Chỉ quyển đầu tiên của năm mới được bắt đầu từ một số cho trước (tiếp nối sổ giấy); "
                    "các quyển sau tiếp nối số thứ tự của năm.",
                    CONTROL_BASIS,
                )
            )
        elif req.start_seq < 1:
            out.append(Violation("book_start_invalid", "Số bắt đầu phải từ 1 trở lên.", CONTROL_BASIS))
    if req.books_this_year and not req.previous_locked:
        out.append(
            Violation(
                "book_previous_open",
                "Quyển trước của năm chưa khóa: khóa quyển trước rồi mới mở quyển mới.",
                CONTROL_BASIS,
            )
        )
    return out


def keeper_violations(role: str, doing: str) -> list[Violation]:
    """Books and rows are kept by văn thư / cán bộ bảo mật only (who keeps them is the agency's
    assignment; this is the default)."""
    if role in REGISTER_KEEPER_ROLES:
        return []
    return [
        Violation("register_not_keeper", f"Chỉ văn thư hoặc cán bộ bảo mật được {doing}.", REGISTER_BASIS)
    ]


def check_lock(*, role: str, locked: bool) -> list[Violation]:
    """Khóa sổ: by a keeper, once."""
    out = keeper_violations(role, "mở, khóa sổ đăng ký")
    if locked:
        out.append(Violation("book_already_locked", "Quyển sổ đã khóa.", CONTROL_BASIS))
    return out


def check_unlock_request(*, role: str, locked: bool, reason: str) -> list[Violation]:
    """Asking to reopen a book: a keeper, a locked book, a written reason."""
    out = keeper_violations(role, "mở, khóa sổ đăng ký")
    if not locked:
        out.append(Violation("book_not_locked", "Quyển sổ chưa khóa.", CONTROL_BASIS))
    if not reason.strip():
        out.append(Violation("unlock_reason_missing", "Lý do mở khóa sổ: bắt buộc.", CONTROL_BASIS))
    return out


@dataclass(frozen=True)
class UnlockApproval:
    requested_by: int
    approver: int
    approver_role: str
    reason: str
    already_decided: bool


def check_unlock(req: UnlockApproval) -> list[Violation]:
    """Reopening a locked book is a four-eyes act: a reason, and a second person from the leadership."""
    out: list[Violation] = []
    if req.already_decided:
        out.append(Violation("unlock_decided", "Đề nghị mở khóa này đã được xử lý.", CONTROL_BASIS))
    if not req.reason.strip():
        out.append(Violation("unlock_reason_missing", "Lý do mở khóa sổ: bắt buộc.", CONTROL_BASIS))
    if req.approver == req.requested_by:
        out.append(
            Violation(
                "unlock_same_person",
                "Người phê duyệt mở khóa phải là người khác với người đề nghị.",
                CONTROL_BASIS,
            )
        )
    if req.approver_role not in UNLOCK_APPROVER_ROLES:
        out.append(
            Violation(
                "unlock_no_authority",
                "Chỉ lãnh đạo cơ quan (người đứng đầu hoặc cấp phó) được phê duyệt mở khóa sổ.",
                CONTROL_BASIS,
            )
        )
    return out


@dataclass(frozen=True)
class Registration:
    book_locked: bool
    on: dt.date
    today: dt.date
    actor_role: str


def check_registration(req: Registration) -> list[Violation]:
    """Common to every register: kept by văn thư / cán bộ bảo mật, in an open book, not in the future."""
    out = keeper_violations(req.actor_role, "vào sổ đăng ký bí mật nhà nước")
    if req.book_locked:
        out.append(
            Violation(
                "book_locked",
                "Quyển sổ đã khóa: không thể vào sổ. Mở quyển mới hoặc đề nghị mở khóa.",
                CONTROL_BASIS,
            )
        )
    if req.on > req.today:
        out.append(Violation("date_in_future", "Ngày vào sổ không được sau ngày hôm nay.", CONTROL_BASIS))
    return out


@dataclass(frozen=True)
class Cancellation:
    reason: str
    already_cancelled: bool
    actor_role: str


def check_cancellation(req: Cancellation) -> list[Violation]:
    """A register row is never erased: cancelling keeps its number and shows "ĐÃ HỦY" with the reason."""
    out: list[Violation] = []
    if req.already_cancelled:
        out.append(Violation("entry_already_cancelled", "Dòng sổ này đã hủy.", CONTROL_BASIS))
    if not req.reason.strip():
        out.append(Violation("cancel_reason_missing", "Lý do hủy: bắt buộc.", CONTROL_BASIS))
    return out + keeper_violations(req.actor_role, "hủy dòng sổ")
