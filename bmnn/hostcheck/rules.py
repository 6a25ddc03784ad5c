"""Pure verdict rules: ``HostFacts`` + ``Policy`` (+ an injected reference time) → verdicts.

No I/O and no clock here. Absence of proof is never proof of absence: a check whose sources are
missing, unreadable or wiped is UNKNOWN or WARN, never PASS.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from .model import CheckVerdict, Evidence, HostFacts, Kind, SourceState, Status
from .policy import BASIS_AV, BASIS_CLEANUP, BASIS_OS, BASIS_USB, Policy, is_approved_network

CURRENT_KINDS = (Kind.INTERFACE_NOW, Kind.ADDRESS_NOW, Kind.ROUTE_NOW, Kind.WIFI_NOW)
HISTORY_KINDS = (
    Kind.NET_PROFILE,
    Kind.DHCP_LEASE,
    Kind.DHCP_LOG,
    Kind.WIFI_LOG,
    Kind.LINK_LOG,
    Kind.NET_EVENT,
    Kind.NET_SHARE,
    Kind.VPN_LOG,
)
CLEANUP_KINDS = (Kind.LOG_CLEARED, Kind.PROFILE_DELETED, Kind.CLOCK_BACK, Kind.LOG_MISSING)
TITLES = {
    "currently_connected": "Kết nối mạng hiện tại",
    "internet_history": "Lịch sử kết nối Internet",
    "network_history": "Lịch sử kết nối Wi-Fi/mạng LAN",
    "usb_storage_history": "Lịch sử thiết bị lưu trữ USB",
    "antivirus": "Phần mềm diệt virus",
    "os_updates": "Cập nhật hệ điều hành",
    "cleanup_signs": "Dấu hiệu xóa dấu vết",
}
Indexed = list[tuple[int, Evidence]]


def _pick(facts: HostFacts, *kinds: Kind) -> Indexed:
    return [(i, e) for i, e in enumerate(facts.evidence) if e.kind in kinds]


def _ids(items: Indexed) -> tuple[int, ...]:
    return tuple(i for i, _ in items)


def _verdict(code: str, status: Status, message: str, basis: str, items: Indexed = ()) -> CheckVerdict:  # type: ignore[assignment]
    return CheckVerdict(code, TITLES[code], status, message, basis, _ids(list(items)))


def classify(item: Evidence, policy: Policy, approved_ifaces: frozenset[str] = frozenset()) -> str:
    """'approved' (agency's independent LAN), 'other' (an identified foreign network), or
    'unidentified' (a link or a profile with nothing to tell which network it was)."""
    if item.attr("internet") == "yes" or item.kind == Kind.VPN_LOG:
        return "other"
    if item.kind == Kind.LINK_LOG and item.attr("iface") in approved_ifaces:
        return "approved"  # a cable plugged into the port that only ever got approved-LAN addresses
    ids = {k: item.attr(k) for k in ("ssid", "gateway_mac", "ip", "gateway")}
    if any(
        is_approved_network(policy, ssid=ids["ssid"], gateway_mac=ids["gateway_mac"], ip=ip)
        for ip in (ids["ip"], ids["gateway"], "")
    ):
        return "approved"
    if item.attr("used") == "unknown" or (not any(ids.values()) and not item.attr("name")):
        return "unidentified"
    return "other"


def _sources_missing(facts: HostFacts, category: str) -> bool:
    states = [s.state for s in facts.sources if s.category == category]
    return not states or all(s != SourceState.READ for s in states)


def _unreadable(facts: HostFacts, *categories: str) -> list[str]:
    return [s.path for s in facts.sources if s.category in categories and s.state == SourceState.UNREADABLE]


def check_currently_connected(facts: HostFacts, policy: Policy) -> CheckVerdict:
    code = "currently_connected"
    if not facts.current_state_observable:
        return _verdict(
            code,
            Status.UNKNOWN,
            "Ảnh đĩa ngoại tuyến: không quan sát được trạng thái mạng hiện tại; "
            "cần kiểm tra trực tiếp cáp mạng, Wi-Fi, 3G/4G khi máy chạy.",
            policy.network_basis(),
        )
    live = _pick(facts, *CURRENT_KINDS)
    if live and policy.regime == "2018":
        return _verdict(
            code, Status.FAIL, f"Máy đang kết nối mạng ({len(live)} dấu hiệu).", policy.network_basis(), live
        )
    addressed = [(i, e) for i, e in live if e.kind in (Kind.ADDRESS_NOW, Kind.ROUTE_NOW)]
    foreign = [(i, e) for i, e in addressed if classify(e, policy) != "approved"]
    if foreign or (live and not addressed):
        return _verdict(
            code,
            Status.FAIL,
            "Máy đang kết nối mạng không phải mạng LAN độc lập đã được phê duyệt.",
            policy.network_basis(),
            foreign or live,
        )
    wireless = _pick(facts, Kind.WIRELESS_HW)
    if wireless:
        return _verdict(
            code,
            Status.WARN,
            "Máy có card mạng không dây; cần tháo hoặc vô hiệu hóa.",
            policy.network_basis(),
            wireless + live,
        )
    message = (
        "Chỉ kết nối mạng LAN độc lập đã được phê duyệt."
        if live
        else "Không có kết nối mạng nào đang hoạt động."
    )
    return _verdict(code, Status.PASS, message, policy.network_basis(), live)


def _history_gaps(facts: HostFacts) -> str:
    """Why history cannot be fully proven: missing logs, unreadable files, logs younger than the OS."""
    identity = dict(facts.identity)
    if _pick(facts, Kind.LOG_MISSING, Kind.LOG_CLEARED):
        return "Nhật ký hệ thống bị thiếu hoặc đã bị xóa"
    if facts.platform == "windows" and _sources_missing(facts, "registry"):
        return "Không đọc được registry (SYSTEM/SOFTWARE) của ảnh Windows"
    unreadable = _unreadable(facts, "logs", "profiles", "leases", "registry", "events", "browser")
    if unreadable:
        return "Không đọc được: " + ", ".join(sorted(unreadable)[:5])
    first, install = identity.get("log_first_utc"), identity.get("install_utc")
    if (
        first
        and install
        and datetime.fromisoformat(install) < datetime.fromisoformat(first) - timedelta(days=1)
    ):
        return (
            f"Nhật ký chỉ bao phủ từ {first}, máy cài đặt từ {install}: giai đoạn trước không kiểm chứng được"
        )
    return ""


def _history_status(found: Indexed, policy: Policy, gap: str) -> tuple[Status, str]:
    by_class: dict[str, set[str]] = {"approved": set(), "other": set(), "unidentified": set()}
    for _, item in found:
        by_class[classify(item, policy)].add(item.attr("iface"))
    approved_ifaces = frozenset(by_class["approved"] - by_class["other"] - {""})
    classes = {classify(e, policy, approved_ifaces) for _, e in found}
    past_other = Status.FAIL if policy.regime == "2018" else Status(policy.unapproved_history_2025)
    if "other" in classes or (policy.regime == "2018" and "approved" in classes):
        return past_other, f"Có {len(found)} dấu vết kết nối mạng."
    if "unidentified" in classes:
        return Status.WARN, "Có dấu vết mạng chưa xác định được là mạng nào; cần xác minh."
    if gap:
        return Status.UNKNOWN, gap
    if found:
        return Status.PASS, "Chỉ có dấu vết mạng LAN độc lập đã được phê duyệt."
    return Status.PASS, "Không có dấu vết kết nối mạng trong các nguồn đã đọc."


def check_network_history(facts: HostFacts, policy: Policy) -> CheckVerdict:
    found = _pick(facts, *HISTORY_KINDS)
    status, message = _history_status(found, policy, _history_gaps(facts))
    return _verdict("network_history", status, message, policy.network_basis(), found)


def check_internet_history(facts: HostFacts, policy: Policy) -> CheckVerdict:
    web = [
        (i, e)
        for i, e in _pick(facts, *HISTORY_KINDS, Kind.BROWSER, Kind.DNS_CONFIG)
        if e.attr("internet") == "yes" or e.kind == Kind.VPN_LOG
    ]
    gap = _history_gaps(facts)
    if web:
        status = Status.FAIL if policy.regime == "2018" else Status(policy.unapproved_history_2025)
        return _verdict(
            "internet_history",
            status,
            f"Có {len(web)} dấu vết sử dụng Internet.",
            policy.network_basis(),
            web,
        )
    if gap:
        return _verdict("internet_history", Status.UNKNOWN, gap, policy.network_basis())
    return _verdict(
        "internet_history",
        Status.PASS,
        "Không có dấu vết truy cập Internet trong các nguồn đã đọc.",
        policy.network_basis(),
    )


def check_usb_storage(facts: HostFacts, policy: Policy) -> CheckVerdict:
    found = _pick(facts, Kind.USB_STORAGE)
    other = [
        (i, e)
        for i, e in found
        if e.attr("serial").upper() not in policy.approved_usb_serials or not e.attr("serial")
    ]
    if other:
        return _verdict(
            "usb_storage_history",
            Status.FAIL,
            f"Có {len(other)} thiết bị lưu trữ USB không thuộc danh sách USB an toàn được cấp phát.",
            BASIS_USB,
            other,
        )
    gap = _history_gaps(facts)
    if gap:
        return _verdict("usb_storage_history", Status.UNKNOWN, gap, BASIS_USB, found)
    message = "Chỉ có USB an toàn đã được cấp phát." if found else "Không có dấu vết thiết bị lưu trữ USB."
    return _verdict("usb_storage_history", Status.PASS, message, BASIS_USB, found)


def check_antivirus(facts: HostFacts, policy: Policy, now: datetime | None) -> CheckVerdict:
    found = _pick(facts, Kind.AV_STATUS)
    present = [(i, e) for i, e in found if e.attr("present") == "yes"]
    if not present:
        status = Status.FAIL if policy.require_antivirus else Status.WARN
        return _verdict("antivirus", status, "Không tìm thấy phần mềm diệt virus.", BASIS_AV, found)
    if any(e.attr("enabled") == "no" for _, e in present):
        return _verdict("antivirus", Status.FAIL, "Phần mềm diệt virus bị tắt.", BASIS_AV, present)
    return _age_verdict(
        "antivirus",
        present,
        now,
        policy.max_av_signature_age_days,
        Status.FAIL,
        BASIS_AV,
        "Mẫu nhận diện virus",
    )


def check_os_updates(facts: HostFacts, policy: Policy, now: datetime | None) -> CheckVerdict:
    found = _pick(facts, Kind.OS_UPDATE)
    if not found:
        return _verdict(
            "os_updates",
            Status.UNKNOWN,
            "Không xác định được lần cập nhật hệ điều hành gần nhất.",
            BASIS_OS,
            _pick(facts, Kind.OS_INFO),
        )
    return _age_verdict(
        "os_updates",
        found + _pick(facts, Kind.OS_INFO),
        now,
        policy.max_os_update_age_days,
        Status.WARN,
        BASIS_OS,
        "Lần cập nhật gần nhất",
    )


def _age_verdict(
    code: str, items: Indexed, now: datetime | None, max_days: int, stale: Status, basis: str, label: str
) -> CheckVerdict:
    times = [e.time_utc for _, e in items if e.time_utc]
    if not times or now is None:
        return _verdict(
            code,
            Status.UNKNOWN,
            f"{label}: không xác định được thời điểm hoặc thời điểm tham chiếu.",
            basis,
            items,
        )
    age = (now - max(times)).days
    if age > max_days:
        return _verdict(code, stale, f"{label} đã cũ {age} ngày (tối đa {max_days} ngày).", basis, items)
    return _verdict(code, Status.PASS, f"{label} cách {age} ngày (tối đa {max_days} ngày).", basis, items)


def check_cleanup(facts: HostFacts, policy: Policy) -> CheckVerdict:
    found = _pick(facts, *CLEANUP_KINDS)
    if found:
        return _verdict(
            "cleanup_signs",
            Status(policy.cleanup_verdict),
            f"Có {len(found)} dấu hiệu xóa dấu vết (xóa nhật ký, xóa hồ sơ mạng, chỉnh lùi đồng hồ).",
            BASIS_CLEANUP,
            found,
        )
    return _verdict("cleanup_signs", Status.PASS, "Không phát hiện dấu hiệu xóa dấu vết.", BASIS_CLEANUP)


def evaluate(facts: HostFacts, policy: Policy, now: datetime | None) -> list[CheckVerdict]:
    """Every check, in a fixed order. ``now`` is the injected check time (None: unknown)."""
    simple: list[Callable[[HostFacts, Policy], CheckVerdict]] = [
        check_currently_connected,
        check_internet_history,
        check_network_history,
        check_usb_storage,
    ]
    verdicts = [rule(facts, policy) for rule in simple]
    verdicts += [check_antivirus(facts, policy, now), check_os_updates(facts, policy, now)]
    verdicts.append(check_cleanup(facts, policy))
    return verdicts


def overall(verdicts: list[CheckVerdict]) -> Status:
    statuses = {v.status for v in verdicts}
    for status in (Status.FAIL, Status.UNKNOWN, Status.WARN):
        if status in statuses:
            return status
    return Status.PASS
