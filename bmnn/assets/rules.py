"""Pure rules for devices that handle state secrets. No Django here.

Legal basis:
- khoản 5 Điều 5 Luật 29/2018/QH14: drafting/storing BMNN on a device that *has ever been or is*
  connected to the Internet or a network is prohibited (2018 regime).
- Luật 117/2025/QH15 (eff. 01/03/2026): an independent LAN (mạng LAN độc lập) is allowed; devices on the
  Internet remain forbidden.
- khoản 7 Điều 5 Luật 29/2018/QH14: repurposing a device before the BMNN on it is removed is prohibited.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bmnn.lib.rules import Violation

BASIS_NETWORK_2018 = "Khoản 5 Điều 5 Luật 29/2018/QH14"
BASIS_NETWORK_2025 = "Điều 5 Luật 117/2025/QH15 (cho phép mạng LAN độc lập, Điều 2)"
BASIS_WIPE = "Khoản 7 Điều 5 Luật 29/2018/QH14"
BASIS_SEAL = "Quy chế bảo vệ BMNN của cơ quan (tem an toàn an ninh thông tin)"
BASIS_REGISTER = "Quản lý tài sản, thiết bị dùng cho BMNN (Điều 5 Luật 29/2018/QH14)"
REGIME_2025_FROM = dt.date(2026, 3, 1)

_MAC_SEPARATORS = re.compile(r"[\s:.\-]")
_MAC_BODY = re.compile(r"[0-9a-f]{12}")


def normalise_mac(raw: str) -> str | None:
    """``AA-BB-CC-DD-EE-FF`` / ``aabb.ccdd.eeff`` / ``aa:bb:…`` → ``aa:bb:cc:dd:ee:ff``; None if not a MAC."""
    body = _MAC_SEPARATORS.sub("", raw.lower())
    if not _MAC_BODY.fullmatch(body):
        return None
    return ":".join(body[i : i + 2] for i in range(0, 12, 2))


def normalise_serial(raw: str) -> str:
    return raw.strip().upper()


def regime_on(on: dt.date) -> str:
    return "2025" if on >= REGIME_2025_FROM else "2018"


@dataclass(frozen=True)
class DeviceInput:
    kind: str
    asset_tag: str
    purpose: str
    network_status: str
    macs: tuple[str, ...] = ()
    serials: tuple[str, ...] = ()
    on: dt.date = dt.date(2026, 1, 1)
    taken_tags: frozenset[str] = frozenset()
    taken_macs: frozenset[str] = frozenset()
    taken_serials: frozenset[str] = frozenset()
    is_computer: bool = True


def check_network_for_purpose(purpose: str, network_status: str, on: dt.date) -> list[Violation]:
    """A drafting device must be standalone; an independent LAN only under the 2025 regime."""
    if purpose != "drafting":
        return []
    if network_status == "networked":
        basis = BASIS_NETWORK_2025 if regime_on(on) == "2025" else BASIS_NETWORK_2018
        return [
            Violation(
                "drafting_networked",
                "Tình trạng kết nối mạng: thiết bị soạn thảo, lưu giữ BMNN không được kết nối Internet "
                "hoặc mạng ngoài.",
                basis,
            )
        ]
    if network_status == "independent_lan" and regime_on(on) == "2018":
        return [
            Violation(
                "independent_lan_before_2025",
                "Tình trạng kết nối mạng: trước ngày 01/03/2026 (chế độ Luật 29/2018) thiết bị soạn thảo "
                "BMNN không được nối mạng, kể cả mạng LAN nội bộ.",
                BASIS_NETWORK_2018,
            )
        ]
    if network_status == "none":
        return [
            Violation(
                "network_undeclared",
                "Tình trạng kết nối mạng: phải khai báo với thiết bị dùng cho BMNN.",
                BASIS_NETWORK_2018,
            )
        ]
    return []


def check_register_device(data: DeviceInput) -> list[Violation]:
    """Every problem at once: tag, identifiers (normalised, unique), network status for the purpose."""
    problems: list[Violation] = []
    tag = data.asset_tag.strip()
    if not tag:
        problems.append(Violation("asset_tag_missing", "Mã tài sản: bắt buộc.", BASIS_REGISTER))
    elif tag.upper() in data.taken_tags:
        problems.append(
            Violation(
                "asset_tag_duplicate", f"Mã tài sản: “{tag}” đã được dùng cho thiết bị khác.", BASIS_REGISTER
            )
        )
    problems += _check_macs(data)
    seen_serials: set[str] = set()
    for raw in data.serials:
        serial = normalise_serial(raw)
        if serial in data.taken_serials or serial in seen_serials:
            problems.append(
                Violation(
                    "serial_duplicate", f"Số sê-ri: “{serial}” đã đăng ký cho thiết bị khác.", BASIS_REGISTER
                )
            )
        seen_serials.add(serial)
    if data.is_computer and data.purpose == "drafting" and not data.macs and not data.serials:
        problems.append(
            Violation(
                "identity_missing",
                "Địa chỉ MAC / số sê-ri: máy tính soạn thảo BMNN phải có ít nhất một định danh để đối chiếu "
                "báo cáo kiểm tra.",
                BASIS_REGISTER,
            )
        )
    return problems + check_network_for_purpose(data.purpose, data.network_status, data.on)


def _check_macs(data: DeviceInput) -> list[Violation]:
    problems: list[Violation] = []
    seen: set[str] = set()
    for raw in data.macs:
        mac = normalise_mac(raw)
        if mac is None:
            problems.append(
                Violation(
                    "mac_invalid", f"Địa chỉ MAC: “{raw}” không đúng dạng (12 chữ số hex).", BASIS_REGISTER
                )
            )
        elif mac in data.taken_macs or mac in seen:
            problems.append(
                Violation(
                    "mac_duplicate", f"Địa chỉ MAC: “{mac}” đã đăng ký cho thiết bị khác.", BASIS_REGISTER
                )
            )
        else:
            seen.add(mac)
    return problems


def check_seal(*, number: str, used_numbers: frozenset[str], device_in_use: bool) -> list[Violation]:
    """A seal number is used once, ever; a retired device gets no new seal."""
    problems: list[Violation] = []
    if not number.strip():
        problems.append(Violation("seal_missing", "Số tem: bắt buộc.", BASIS_SEAL))
    elif number.strip().upper() in used_numbers:
        problems.append(
            Violation(
                "seal_reused",
                f"Số tem: tem số “{number.strip()}” đã từng được sử dụng; mỗi số tem chỉ dùng một lần.",
                BASIS_SEAL,
            )
        )
    if not device_in_use:
        problems.append(Violation("device_retired", "Thiết bị đã thanh lý/chuyển mục đích.", BASIS_SEAL))
    return problems


def check_retire(*, purpose: str, has_unused_wipe: bool, device_in_use: bool) -> list[Violation]:
    """Repurposing or disposing of a drafting device needs a recorded wipe first."""
    problems: list[Violation] = []
    if not device_in_use:
        problems.append(
            Violation("already_retired", "Thiết bị đã thanh lý/chuyển mục đích trước đó.", BASIS_WIPE)
        )
    if purpose == "drafting" and not has_unused_wipe:
        problems.append(
            Violation(
                "wipe_missing",
                "Biên bản xóa dữ liệu: phải ghi nhận việc xóa dữ liệu BMNN trước khi chuyển mục đích "
                "sử dụng hoặc thanh lý.",
                BASIS_WIPE,
            )
        )
    return problems


@dataclass(frozen=True)
class ReportIdentity:
    hostname: str
    macs: tuple[str, ...]
    serials: tuple[str, ...]


@dataclass(frozen=True)
class DeviceIdentity:
    hostname: str
    macs: frozenset[str]
    serials: frozenset[str] = field(default_factory=frozenset)


def check_report_matches(report: ReportIdentity, device: DeviceIdentity) -> list[Violation]:
    """A host-check report belongs to the device only if no MAC conflicts and at least one MAC or
    serial matches (a hostname alone is trivially changed, so it never suffices)."""
    basis = "SCHEMA bmnn.hostcheck.report/1 (machine.macs, machine.hardware)"
    problems = [
        Violation(
            "report_mac_unknown",
            f"Báo cáo kiểm tra: địa chỉ MAC {mac} trong báo cáo không thuộc thiết bị này.",
            basis,
        )
        for mac in report.macs
        if mac not in device.macs
    ]
    matched = set(report.macs) & device.macs or set(report.serials) & device.serials
    if not problems and not matched:
        problems.append(
            Violation(
                "report_identity_mismatch",
                "Báo cáo kiểm tra: không có địa chỉ MAC hay số sê-ri nào trong báo cáo khớp với thiết bị "
                "đã đăng ký.",
                basis,
            )
        )
    return problems


def check_not_future(checked_on: dt.date, today: dt.date) -> list[Violation]:
    """A check cannot be dated after today (a wrong clock on the checked machine, or an edited date)."""
    if checked_on <= today:
        return []
    return [
        Violation(
            "report_in_future",
            f"Ngày kiểm tra: {checked_on:%d/%m/%Y} là ngày trong tương lai — kiểm tra lại đồng hồ máy được kiểm tra.",
            BASIS_REGISTER,
        )
    ]


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def check_is_overdue(last_checked: dt.date | None, today: dt.date, max_months: int) -> bool:
    """True when a drafting computer was never checked or its last check is older than the setting."""
    return last_checked is None or months_between(last_checked, today) >= max_months
