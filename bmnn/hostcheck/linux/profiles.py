"""NetworkManager / wpa_supplicant profiles and DHCP lease files on a Linux root."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from .. import timeutil
from ..fsutil import Tree
from ..model import Collection, Evidence, Kind, attrs
from ..netutil import public_servers

NM_DIRS = ("etc/NetworkManager/system-connections", "run/NetworkManager/system-connections")
_NM_TYPES = {
    "802-11-wireless": "wifi",
    "802-3-ethernet": "ethernet",
    "gsm": "mobile",
    "cdma": "mobile",
    "wireguard": "vpn",
    "vpn": "vpn",
    "bluetooth": "bluetooth",
    "pppoe": "ethernet",
}
_LEASE_BLOCK = re.compile(r"lease\s*\{(.*?)\}", re.S)
_NM_LEASE_NAME = re.compile(r"(?:internal|dhclient)-([0-9a-f-]{36})-(.+?)\.lease$")


def _nm_timestamps(tree: Tree, coll: Collection) -> dict[str, int]:
    text = tree.read_text(coll, tree.path("var/lib/NetworkManager/timestamps"), "profiles", required=False)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text or "")
    except configparser.Error:
        return {}
    section = parser["timestamps"] if parser.has_section("timestamps") else {}
    return {k.lower(): int(v) for k, v in section.items() if v.strip().isdigit()}


def _parse_profile(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    get = lambda s, k: parser.get(s, k, fallback="")  # noqa: E731
    return {
        "name": get("connection", "id"),
        "uuid": get("connection", "uuid").lower(),
        "type": _NM_TYPES.get(get("connection", "type"), get("connection", "type")),
        "timestamp": get("connection", "timestamp"),
        "ssid": get("wifi", "ssid") or get("802-11-wireless", "ssid"),
        "ip": get("ipv4", "address1").split(",")[0].split("/")[0],
        "gateway": get("ipv4", "gateway") or (get("ipv4", "address1").split(",")[1:] or [""])[0],
        "mac": get("ethernet", "mac-address") or get("wifi", "mac-address"),
        "iface": get("connection", "interface-name"),
    }


def _profile_evidence(shown: str, raw: str, profile: dict[str, str], stamp: int | None) -> Evidence:
    when = timeutil.unix(stamp) if stamp else None
    label = {"wifi": "Wi-Fi", "vpn": "VPN", "mobile": "di động"}.get(profile["type"], profile["type"])
    return Evidence(
        Kind.NET_PROFILE,
        shown,
        raw,
        f"Hồ sơ kết nối {label} '{profile['name']}'"
        + (f" (SSID {profile['ssid']})" if profile["ssid"] else "")
        + (", lần kết nối cuối có ghi nhận" if when else ", không có dấu thời gian kết nối"),
        when,
        attrs(
            name=profile["name"],
            uuid=profile["uuid"],
            net_type=profile["type"],
            ssid=profile["ssid"],
            ip=profile["ip"],
            gateway=profile["gateway"],
            mac=profile["mac"],
            iface=profile["iface"],
            used="yes" if when else "unknown",
            internet="yes" if profile["type"] in ("vpn", "mobile") else "",
        ),
    )


def collect_nm_profiles(tree: Tree, coll: Collection) -> set[str]:
    """Profiles present now; returns their UUIDs so deleted ones can be spotted elsewhere."""
    stamps = _nm_timestamps(tree, coll)
    known: set[str] = set()
    for rel in NM_DIRS:
        directory = tree.path(rel)
        if not directory.is_dir():
            continue
        for path in sorted(p for p in directory.iterdir() if p.is_file()):
            text = tree.read_text(coll, path, "profiles")
            if text is None:
                continue
            try:
                profile = _parse_profile(text)
            except configparser.Error:
                continue
            if profile["type"] == "loopback":
                continue
            known.add(profile["uuid"])
            raw_stamp = profile["timestamp"] or str(stamps.get(profile["uuid"], ""))
            stamp = int(raw_stamp) if raw_stamp.isdigit() else None
            coll.add(_profile_evidence(tree.display(path), f"timestamp={raw_stamp}", profile, stamp))
    for uuid, stamp in sorted(stamps.items()):
        if uuid not in known:
            coll.add(
                Evidence(
                    Kind.PROFILE_DELETED,
                    "/var/lib/NetworkManager/timestamps",
                    f"{uuid}={stamp}",
                    f"Hồ sơ kết nối {uuid} đã từng được dùng nhưng nay không còn (đã bị xóa)",
                    timeutil.unix(stamp),
                    attrs(uuid=uuid, used="yes"),
                )
            )
    return known


def collect_wpa_conf(tree: Tree, coll: Collection) -> None:
    for path in tree.glob("etc/wpa_supplicant", "*.conf"):
        text = tree.read_text(coll, path, "profiles") or ""
        for ssid in re.findall(r'^\s*ssid="([^"]*)"', text, re.M):
            coll.add(
                Evidence(
                    Kind.NET_PROFILE,
                    tree.display(path),
                    f'ssid="{ssid}"',
                    f"Cấu hình wpa_supplicant có mạng Wi-Fi '{ssid}'",
                    attrs=attrs(ssid=ssid, net_type="wifi", used="unknown", name=ssid),
                )
            )


def _dhclient_leases(text: str) -> list[dict[str, str]]:
    leases = []
    for block in _LEASE_BLOCK.findall(text):
        item: dict[str, str] = {}
        for pattern, key in (
            (r'interface "([^"]+)"', "iface"),
            (r"fixed-address ([\d.]+)", "ip"),
            (r"option routers ([\d.]+)", "gateway"),
            (r"option domain-name-servers ([\d., ]+);", "dns"),
            (r"renew \d+ ([\d/]+ [\d:]+)", "renew"),
            (r"expire \d+ ([\d/]+ [\d:]+)", "expire"),
        ):
            match = re.search(pattern, block)
            item[key] = match.group(1).strip() if match else ""
        item["dns"] = " ".join(s.strip() for s in item["dns"].split(",") if s.strip())
        leases.append(item)
    return leases


def _keyvalue_lease(text: str) -> dict[str, str]:
    values = dict(ln.split("=", 1) for ln in text.splitlines() if "=" in ln and not ln.startswith("#"))
    return {
        "ip": values.get("ADDRESS", ""),
        "gateway": values.get("ROUTER", "").split(" ")[0],
        "dns": values.get("DNS", ""),
        "iface": "",
        "renew": "",
        "expire": "",
    }


def _lease_evidence(shown: str, lease: dict[str, str], uuid: str) -> Evidence:
    when = (
        timeutil.parse_iso(lease["renew"].replace("/", "-"), timeutil.get_zone("UTC"))
        if lease["renew"]
        else None
    )
    public = public_servers(lease["dns"].split())
    return Evidence(
        Kind.DHCP_LEASE,
        shown,
        " ".join(f"{k}={v}" for k, v in sorted(lease.items()) if v),
        f"Tệp hợp đồng DHCP: máy đã nhận địa chỉ {lease['ip'] or '?'} từ mạng có cổng {lease['gateway'] or '?'}"
        + (f"; DNS Internet {', '.join(public)}" if public else ""),
        when,
        attrs(
            ip=lease["ip"],
            gateway=lease["gateway"],
            dns=lease["dns"],
            iface=lease["iface"],
            uuid=uuid,
            expire=lease["expire"],
            used="yes",
            internet="yes" if public else "",
        ),
    )


def lease_paths(tree: Tree) -> list[Path]:
    paths: list[Path] = []
    for rel, pattern in (
        ("var/lib/dhcp", "*.lease*"),
        ("var/lib/dhclient", "*.lease*"),
        ("var/lib/NetworkManager", "*.lease"),
        ("run/systemd/netif/leases", "*"),
        ("var/lib/systemd/network", "*.lease*"),
    ):
        paths.extend(p for p in tree.glob(rel, pattern) if p.is_file())
    return paths


def collect_leases(tree: Tree, coll: Collection, known_uuids: set[str]) -> None:
    for path in lease_paths(tree):
        text = tree.read_text(coll, path, "leases")
        if not text:
            continue
        match = _NM_LEASE_NAME.search(path.name)
        uuid = match.group(1) if match else ""
        leases = _dhclient_leases(text) if "lease {" in text else [_keyvalue_lease(text)]
        for lease in leases:
            if match and not lease["iface"]:
                lease["iface"] = match.group(2)
            coll.add(_lease_evidence(tree.display(path), lease, uuid))
        if uuid and uuid not in known_uuids:
            coll.add(
                Evidence(
                    Kind.PROFILE_DELETED,
                    tree.display(path),
                    path.name,
                    f"Tệp DHCP của hồ sơ {uuid} còn, nhưng hồ sơ kết nối đã bị xóa",
                    attrs=attrs(uuid=uuid),
                )
            )
