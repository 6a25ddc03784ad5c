"""Pure rules about people who work with state secrets. No Django.

- Điều 3, Điều 7 NĐ 26/2020/NĐ-CP: người làm công tác bảo vệ BMNN, chuyên trách or kiêm nhiệm; the
  assignment is in writing (khoản 3 Điều 16 TT 104/2021/TT-BCA).
- Điều 26 Luật 29/2018/QH14: a custodian who stops managing BMNN hands it over and signs a commitment;
  khoản 4 Điều 25: the head recalls BMNN from staff who leave, move, retire or die.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.rules import Violation

BASIS_DESIGNATION = "Điều 7 NĐ 26/2020/NĐ-CP; khoản 3 Điều 16 TT 104/2021/TT-BCA"
BASIS_COMMITMENT = "Điểm d khoản 2 Điều 26 Luật 29/2018/QH14"
BASIS_DEPARTURE = "Khoản 4 Điều 25, điểm d khoản 2 Điều 26 Luật 29/2018/QH14"
BASIS_KEY_POST = "Quy chế bảo vệ BMNN của cơ quan (thẩm tra vị trí trọng yếu, cơ mật)"
SCAN_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


def check_designation(
    *, number: str, scope: str, mode: str, signed_on: dt.date | None, today: dt.date
) -> list[Violation]:
    problems = []
    if not number.strip():
        problems.append(
            Violation(
                "number_missing",
                "Số quyết định: bắt buộc — việc phân công phải bằng văn bản.",
                BASIS_DESIGNATION,
            )
        )
    if not scope.strip():
        problems.append(Violation("scope_missing", "Phạm vi nhiệm vụ: bắt buộc.", BASIS_DESIGNATION))
    if mode not in ("full_time", "part_time"):
        problems.append(
            Violation("mode_invalid", "Hình thức: chỉ chuyên trách hoặc kiêm nhiệm.", BASIS_DESIGNATION)
        )
    if signed_on is None or signed_on > today:
        problems.append(
            Violation("date_invalid", "Ngày quyết định: bắt buộc, không được sau hôm nay.", BASIS_DESIGNATION)
        )
    return problems


@dataclass(frozen=True)
class ScanFile:
    name: str
    size: int


def check_commitment(
    *, signed_on: dt.date | None, scope: str, scan: ScanFile | None, max_bytes: int, today: dt.date
) -> list[Violation]:
    problems = []
    if signed_on is None or signed_on > today:
        problems.append(
            Violation("date_invalid", "Ngày ký: bắt buộc, không được sau hôm nay.", BASIS_COMMITMENT)
        )
    if not scope.strip():
        problems.append(Violation("scope_missing", "Nội dung, phạm vi cam kết: bắt buộc.", BASIS_COMMITMENT))
    if scan is not None:
        if scan.size > max_bytes:
            problems.append(
                Violation(
                    "scan_too_large",
                    f"Bản quét: {scan.size // 1024} KB, vượt giới hạn {max_bytes // (1024 * 1024)} MB.",
                    BASIS_COMMITMENT,
                )
            )
        if not scan.name.lower().endswith(SCAN_EXTENSIONS):
            problems.append(
                Violation("scan_type", "Bản quét: chỉ nhận tệp PDF, JPG, PNG, TIFF.", BASIS_COMMITMENT)
            )
    return problems


def check_departure(
    *, already_departed: bool, commitment_scope: str, leaves_on: dt.date | None
) -> list[Violation]:
    problems = []
    if already_departed:
        problems.append(
            Violation(
                "already_departed", "Cán bộ này đã được lập thủ tục thôi quản lý BMNN.", BASIS_DEPARTURE
            )
        )
    if not commitment_scope.strip():
        problems.append(
            Violation(
                "commitment_missing",
                "Cam kết: người thôi quản lý BMNN phải ký cam kết bảo vệ BMNN đã quản lý — ghi nội dung cam kết.",
                BASIS_DEPARTURE,
            )
        )
    if leaves_on is None:
        problems.append(Violation("date_missing", "Ngày thôi: bắt buộc.", BASIS_DEPARTURE))
    return problems


def check_decision(*, status: str, approve: bool, note: str) -> list[Violation]:
    problems = []
    if status != "pending":
        problems.append(
            Violation(
                "already_decided", "Khai báo này đã được quyết định.", "Quy chế bảo vệ BMNN của cơ quan"
            )
        )
    if not approve and not note.strip():
        problems.append(
            Violation(
                "reason_missing",
                "Ý kiến: phải nêu lý do khi không phê duyệt.",
                "Quy chế bảo vệ BMNN của cơ quan",
            )
        )
    return problems


def check_membership_end(*, started_on: dt.date, ended_on: dt.date, already_ended: bool) -> list[Violation]:
    problems = []
    if already_ended:
        problems.append(
            Violation(
                "already_ended",
                "Thành viên này đã thôi trước đó.",
                "Quyết định thành lập Ban Chỉ đạo/Tổ bảo mật",
            )
        )
    if ended_on < started_on:
        problems.append(
            Violation(
                "end_before_start",
                "Đến ngày: không được trước ngày bắt đầu.",
                "Quyết định thành lập Ban Chỉ đạo/Tổ bảo mật",
            )
        )
    return problems


def coverage_percent(trained: int, total: int) -> int:
    """Share of active staff trained this year, rounded down (0 when there are no staff)."""
    return 0 if total <= 0 else trained * 100 // total


def key_post_review_overdue(*, is_key_post: bool, review_due: dt.date | None, today: dt.date) -> bool:
    """A key post with no review date, or one in the past, is overdue."""
    return is_key_post and (review_due is None or review_due < today)
