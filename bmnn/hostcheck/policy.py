"""Inspection policy: which regime applies and what the agency has approved.

The law leaves the details to each agency (which LAN is "independent", which USB is "safe",
how fresh antivirus must be), so they are data with a default, and the policy's hash goes into
the report so a reader knows exactly which settings produced the verdicts.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REGIMES = ("2018", "2025")
VERDICT_CHOICES = ("FAIL", "WARN")

# Legal bases quoted in verdicts. 2018 Điều 5 khoản 5 is read in the text [H]; the 2025 wording
# of the ban and the exact khoản are known only from summaries [M/L], so the citation stays general.
BASIS_2018_NETWORK = (
    "Khoản 5 Điều 5 Luật Bảo vệ bí mật nhà nước 29/2018/QH14 (cấm soạn thảo, lưu giữ BMNN trên máy "
    "tính đã hoặc đang kết nối mạng Internet, mạng máy tính, mạng viễn thông)"
)
BASIS_2025_NETWORK = (
    "Điều 5 Luật Bảo vệ bí mật nhà nước 117/2025/QH15 (cấm soạn thảo, lưu giữ BMNN trên thiết bị đang "
    "kết nối mạng; cho phép mạng LAN độc lập theo Điều 2) — khoản cụ thể chưa đối chiếu văn bản gốc"
)
BASIS_USB = (
    "Khoản 2 Điều 5 Luật 29/2018/QH14 / Điều 5 Luật 117/2025/QH15 (cấm sao, chụp, lưu giữ trái phép) "
    "và quy chế của cơ quan: chỉ dùng USB an toàn được cấp phát"
)
BASIS_AV = "Quy chế bảo vệ BMNN của cơ quan: máy soạn thảo phải có phần mềm diệt virus được cập nhật"
BASIS_OS = "Quy chế bảo vệ BMNN của cơ quan: hệ điều hành có bản quyền, được cập nhật"
BASIS_CLEANUP = (
    "Dấu hiệu xóa dấu vết: không tự nó là vi phạm nhưng làm mất khả năng chứng minh máy chưa từng "
    "kết nối mạng — cần xác minh (khoản 5 Điều 5 Luật 29/2018/QH14)"
)


class PolicyError(ValueError):
    """The policy file is unusable; the message is Vietnamese and shown to the user."""


@dataclass(frozen=True)
class ApprovedLan:
    ssids: tuple[str, ...] = ()
    gateway_macs: tuple[str, ...] = ()
    subnets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Policy:
    regime: str = "2018"
    approved_lan: ApprovedLan = field(default_factory=ApprovedLan)
    approved_usb_serials: tuple[str, ...] = ()
    max_av_signature_age_days: int = 7
    max_os_update_age_days: int = 90
    # 2025 summaries do not say whether *past* non-approved connections still bar a machine [L];
    # the strict reading is the default, an agency may lower it to WARN.
    unapproved_history_2025: str = "FAIL"
    cleanup_verdict: str = "WARN"
    require_antivirus: bool = True
    note_vi: str = ""

    def network_basis(self) -> str:
        return BASIS_2018_NETWORK if self.regime == "2018" else BASIS_2025_NETWORK


def normalize_mac(value: str) -> str:
    hexdigits = "".join(ch for ch in value.lower() if ch in "0123456789abcdef")
    if len(hexdigits) != 12:
        return value.strip().lower()
    return ":".join(hexdigits[i : i + 2] for i in range(0, 12, 2))


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PolicyError(f"Chính sách: '{key}' phải là danh sách chuỗi.")
    return tuple(value)


def _approved_lan(data: dict[str, Any]) -> ApprovedLan:
    subnets = _strings(data, "subnets")
    for subnet in subnets:
        try:
            ipaddress.ip_network(subnet, strict=False)
        except ValueError as exc:
            raise PolicyError(f"Chính sách: dải mạng không hợp lệ '{subnet}'.") from exc
    macs = tuple(sorted(normalize_mac(m) for m in _strings(data, "gateway_macs")))
    return ApprovedLan(ssids=tuple(sorted(_strings(data, "ssids"))), gateway_macs=macs, subnets=subnets)


def policy_from_dict(data: dict[str, Any]) -> Policy:
    regime = str(data.get("regime", "2018"))
    if regime not in REGIMES:
        raise PolicyError(f"Chính sách: chế độ pháp lý '{regime}' không hợp lệ (2018 hoặc 2025).")
    for key in ("unapproved_history_2025", "cleanup_verdict"):
        if str(data.get(key, "FAIL" if key.startswith("unapproved") else "WARN")) not in VERDICT_CHOICES:
            raise PolicyError(f"Chính sách: '{key}' chỉ nhận FAIL hoặc WARN.")
    lan = data.get("approved_lan", {})
    if not isinstance(lan, dict):
        raise PolicyError("Chính sách: 'approved_lan' phải là đối tượng.")
    return Policy(
        regime=regime,
        approved_lan=_approved_lan(lan),
        approved_usb_serials=tuple(sorted(s.upper() for s in _strings(data, "approved_usb_serials"))),
        max_av_signature_age_days=int(data.get("max_av_signature_age_days", 7)),
        max_os_update_age_days=int(data.get("max_os_update_age_days", 90)),
        unapproved_history_2025=str(data.get("unapproved_history_2025", "FAIL")),
        cleanup_verdict=str(data.get("cleanup_verdict", "WARN")),
        require_antivirus=bool(data.get("require_antivirus", True)),
        note_vi=str(data.get("note_vi", "")),
    )


def load_policy(path: Path | None) -> Policy:
    if path is None:
        return Policy()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PolicyError(f"Không đọc được tệp chính sách {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise PolicyError("Tệp chính sách phải là một đối tượng JSON.")
    return policy_from_dict(data)


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    data = asdict(policy)
    data["approved_lan"] = {k: list(v) for k, v in data["approved_lan"].items()}
    data["approved_usb_serials"] = list(policy.approved_usb_serials)
    return data


def policy_hash(policy: Policy) -> str:
    canonical = json.dumps(policy_to_dict(policy), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def is_approved_network(policy: Policy, *, ssid: str = "", gateway_mac: str = "", ip: str = "") -> bool:
    """True when any identifier matches the agency's approved independent LAN."""
    lan = policy.approved_lan
    if ssid and ssid in lan.ssids:
        return True
    if gateway_mac and normalize_mac(gateway_mac) in lan.gateway_macs:
        return True
    if ip:
        try:
            address = ipaddress.ip_address(ip.split("/")[0].split("%")[0])
        except ValueError:
            return False
        return any(address in ipaddress.ip_network(net, strict=False) for net in lan.subnets)
    return False
