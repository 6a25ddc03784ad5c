"""Windows identity, time zone, OS build and updates, Defender / other antivirus."""

from __future__ import annotations

import re
from datetime import datetime

from .. import timeutil
from ..model import Collection, Evidence, Kind, attrs
from .hives import Hives
from .registry import RegKey, value, walk

_CV = r"Microsoft\Windows NT\CurrentVersion"
_AV_NAMES = re.compile(
    r"kaspersky|bkav|eset|symantec|norton|mcafee|avast|avg |trend micro|sophos|bitdefender|cmc", re.I
)
# Windows zone names the agencies meet; anything else falls back to the registry's bias.
_WINDOWS_ZONES = {
    "SE Asia Standard Time": "Asia/Ho_Chi_Minh",
    "UTC": "UTC",
    "China Standard Time": "Asia/Shanghai",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Pacific Standard Time": "America/Los_Angeles",
}


def host_zone(hives: Hives) -> str:
    key = walk(hives.control_set(), r"Control\TimeZoneInformation")
    name = str(value(key, "TimeZoneKeyName", "") or "").strip("\0 ")
    if name in _WINDOWS_ZONES:
        return _WINDOWS_ZONES[name]
    bias = value(key, "Bias")
    if isinstance(bias, int):
        minutes = -(bias if bias < 0x80000000 else bias - 0x100000000)
        sign = "+" if minutes >= 0 else "-"
        return f"{name} UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}".strip()
    return ""


def collect_identity(hives: Hives, coll: Collection) -> None:
    control = hives.control_set()
    coll.identity["hostname"] = value(walk(control, r"Control\ComputerName\ComputerName"), "ComputerName", "")
    hardware = walk(hives.system, "HardwareConfig")
    current = walk(hardware, "Current")
    coll.identity["hardware"] = {
        "system_uuid": str(value(hardware, "LastConfig", "") or "").strip("{}"),
        "manufacturer": value(current, "SystemManufacturer", ""),
        "product_name": value(current, "SystemProductName", ""),
        "bios_version": value(current, "BIOSVersion", ""),
    }
    cards = walk(hives.software, _CV + r"\NetworkCards")
    coll.identity["network_cards"] = [value(c, "Description", "") for c in (cards.subkeys() if cards else [])]
    # Offline hives do not hold adapters' burned-in MACs; only administrator overrides (NetworkAddress).
    coll.identity["macs"] = []


def collect_os(hives: Hives, coll: Collection) -> datetime | None:
    key = walk(hives.software, _CV)
    if key is None:
        return None
    name = " ".join(str(value(key, n, "") or "") for n in ("ProductName", "DisplayVersion")).strip()
    build = f"{value(key, 'CurrentBuild', '')}.{value(key, 'UBR', '')}".strip(".")
    installed = timeutil.unix(int(value(key, "InstallDate", 0) or 0))
    coll.identity["os"] = f"{name} (build {build})"
    coll.add(
        Evidence(
            Kind.OS_INFO,
            key.path,
            f"ProductName={name}; CurrentBuild={build}",
            f"Hệ điều hành: {name}, bản dựng {build}",
            installed,
            attrs(name=name, build=build),
        )
    )
    _last_update(hives, coll)
    return installed


def _last_update(hives: Hives, coll: Collection) -> None:
    results = walk(
        hives.software, r"Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\Results\Install"
    )
    stamp = str(value(results, "LastSuccessTime", "") or "")
    when = timeutil.parse_iso(stamp, timeutil.get_zone("UTC")) if stamp else None
    source, raw = (results.path if results else "", f"LastSuccessTime={stamp}")
    packages = walk(hives.software, r"Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages")
    for package in packages.subkeys() if packages else []:
        is_update = "RollupFix" in package.name or "KB" in package.name
        if is_update and package.last_write and (when is None or package.last_write > when):
            when, source, raw = package.last_write, package.path, f"key last write {package.name}"
    if when:
        coll.add(Evidence(Kind.OS_UPDATE, source, raw, "Lần cập nhật Windows gần nhất", when))


def _defender(software: RegKey | None, coll: Collection) -> bool:
    key = walk(software, r"Microsoft\Windows Defender")
    if key is None:
        return False
    policy = walk(software, r"Policies\Microsoft\Windows Defender")
    disabled = bool(
        value(key, "DisableAntiSpyware", 0)
        or value(policy, "DisableAntiSpyware", 0)
        or value(walk(key, "Real-Time Protection"), "DisableRealtimeMonitoring", 0)
    )
    updates = walk(key, "Signature Updates")
    when = timeutil.as_time(value(updates, "SignaturesLastUpdated")) or timeutil.as_time(
        value(updates, "AVSignatureApplied")
    )
    version = str(value(updates, "AVSignatureVersion", "") or "")
    coll.add(
        Evidence(
            Kind.AV_STATUS,
            (updates or key).path,
            f"AVSignatureVersion={version}; disabled={disabled}",
            "Microsoft Defender" + (" bị tắt" if disabled else " đang bật"),
            when,
            attrs(
                product="Microsoft Defender",
                present="yes",
                enabled="no" if disabled else "yes",
                version=version,
                signature_utc=timeutil.iso_utc(when),
            ),
        )
    )
    return True


def collect_antivirus(hives: Hives, coll: Collection) -> None:
    _defender(hives.software, coll)
    uninstall = walk(hives.software, r"Microsoft\Windows\CurrentVersion\Uninstall")
    for app in uninstall.subkeys() if uninstall else []:
        name = str(value(app, "DisplayName", "") or "")
        if _AV_NAMES.search(name):
            coll.add(
                Evidence(
                    Kind.AV_STATUS,
                    app.path,
                    f"DisplayName={name}",
                    f"Phần mềm diệt virus: {name}",
                    attrs=attrs(product=name, present="yes"),
                )
            )
