"""Windows network history: NetworkList profiles and signatures, Tcpip DHCP values, WLAN profile
XML files, network shares in MountPoints2."""

from __future__ import annotations

import ipaddress
from datetime import tzinfo
from xml.etree import ElementTree

from .. import timeutil
from ..fsutil import Tree, parse_xml
from ..model import Collection, Evidence, Kind, attrs
from ..netutil import public_servers
from .hives import Hives
from .registry import RegKey, value, walk

_NETLIST = r"Microsoft\Windows NT\CurrentVersion\NetworkList"
_NAME_TYPES = {0x06: "ethernet", 0x47: "wifi", 0xF3: "mobile", 0x17: "vpn"}
WLAN_DIR = "ProgramData/Microsoft/Wlansvc/Profiles/Interfaces"


def _mac(data: object) -> str:
    return ":".join(f"{b:02x}" for b in data[:6]) if isinstance(data, bytes) and len(data) >= 6 else ""


def _signatures(software: RegKey | None) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for group in ("Managed", "Unmanaged"):
        parent = walk(software, rf"{_NETLIST}\Signatures\{group}")
        for sig in parent.subkeys() if parent else []:
            guid = str(value(sig, "ProfileGuid", "") or "").upper()
            found[guid] = {
                "gateway_mac": _mac(value(sig, "DefaultGatewayMac")),
                "path": sig.path,
                "ssid": str(value(sig, "FirstNetwork", "") or ""),
                "dns_suffix": str(value(sig, "DnsSuffix", "") or ""),
                "description": str(value(sig, "Description", "") or ""),
            }
    return found


def _profile_evidence(profile: RegKey, sig: dict[str, str], zone: tzinfo) -> Evidence:
    name = str(value(profile, "ProfileName", "") or "")
    net_type = _NAME_TYPES.get(int(value(profile, "NameType", 0) or 0), "khác")
    # NetworkList stores SYSTEMTIME in the machine's local wall time, hence the host zone.
    created = timeutil.systemtime_bytes(value(profile, "DateCreated", b""), zone)
    last = timeutil.systemtime_bytes(value(profile, "DateLastConnected", b""), zone)
    gateway_mac = sig.get("gateway_mac", "")
    return Evidence(
        Kind.NET_PROFILE,
        profile.path,
        f"ProfileName={name}; NameType={net_type}; DefaultGatewayMac={gateway_mac}",
        f"Windows đã kết nối mạng '{name}' ({net_type}) lần đầu {timeutil.iso_utc(created)}, "
        f"lần cuối {timeutil.iso_utc(last)}",
        last or created,
        attrs(
            name=name,
            net_type=net_type,
            ssid=sig.get("ssid", "") or (name if net_type == "wifi" else ""),
            gateway_mac=gateway_mac,
            first_utc=timeutil.iso_utc(created),
            used="yes",
            internet="yes" if net_type in ("mobile", "vpn") else "",
        ),
    )


def _orphan_signature(guid: str, sig: dict[str, str]) -> list[Evidence]:
    """A signature whose profile is gone: the network was used, then its profile was deleted."""
    label = sig["ssid"] or sig["description"]
    found = attrs(ssid=sig["ssid"], gateway_mac=sig["gateway_mac"], used="yes", name=sig["description"])
    return [
        Evidence(
            Kind.PROFILE_DELETED,
            sig["path"],
            f"ProfileGuid={guid}; FirstNetwork={sig['ssid']}",
            f"Chữ ký mạng '{label}' còn nhưng hồ sơ mạng đã bị xóa",
            attrs=found,
        ),
        Evidence(
            Kind.NET_PROFILE,
            sig["path"],
            f"FirstNetwork={sig['ssid']}",
            f"Windows đã kết nối mạng '{label}' (chỉ còn chữ ký mạng)",
            attrs=found,
        ),
    ]


def collect_networklist(hives: Hives, coll: Collection, zone: tzinfo) -> set[str]:
    """One evidence item per profile; returns the SSIDs of wireless profiles."""
    signatures = _signatures(hives.software)
    profiles = walk(hives.software, rf"{_NETLIST}\Profiles")
    wireless: set[str] = set()
    for profile in profiles.subkeys() if profiles else []:
        item = _profile_evidence(profile, signatures.pop(profile.name.upper(), {}), zone)
        coll.add(item)
        if item.attr("net_type") == "wifi":
            wireless.add(item.attr("ssid") or item.attr("name"))
    for guid, sig in sorted(signatures.items()):
        for orphan in _orphan_signature(guid, sig):
            coll.add(orphan)
    return wireless


def _tcpip_evidence(key: RegKey) -> Evidence | None:
    ip = str(value(key, "DhcpIPAddress", "") or "")
    static = [a for a in value(key, "IPAddress", []) or [] if a and a != "0.0.0.0"]  # noqa: S104 # nosec B104
    if (not ip or ip == "0.0.0.0") and not static:  # noqa: S104 # nosec B104
        return None
    gateways = value(key, "DhcpDefaultGateway", []) or value(key, "DefaultGateway", []) or []
    gateway = gateways[0] if isinstance(gateways, list) and gateways else ""
    dns = str(value(key, "DhcpNameServer", "") or value(key, "NameServer", "") or "").replace(",", " ")
    obtained = timeutil.unix(int(value(key, "LeaseObtainedTime", 0) or 0))
    public = public_servers(dns.split())
    address = ip if ip and ip != "0.0.0.0" else static[0]  # noqa: S104 # nosec B104
    kind = Kind.DHCP_LEASE if ip and ip != "0.0.0.0" else Kind.NET_PROFILE  # noqa: S104 # nosec B104
    return Evidence(
        kind,
        key.path,
        f"DhcpIPAddress={ip}; IPAddress={static}; DhcpDefaultGateway={gateway}; DhcpNameServer={dns}",
        f"Giao diện mạng đã có địa chỉ {address}, cổng {gateway or '?'}"
        + (f", DNS Internet {', '.join(public)}" if public else ""),
        obtained,
        attrs(
            ip=address,
            gateway=gateway,
            dns=dns,
            used="yes" if kind == Kind.DHCP_LEASE else "unknown",
            internet="yes" if public else "",
            net_type="static" if kind == Kind.NET_PROFILE else "",
        ),
    )


def collect_tcpip(hives: Hives, coll: Collection) -> None:
    interfaces = walk(hives.control_set(), r"Services\Tcpip\Parameters\Interfaces")
    for iface in interfaces.subkeys() if interfaces else []:
        for key in [iface, *iface.subkeys()]:  # Windows 10 keeps per-network copies in sub-keys
            item = _tcpip_evidence(key)
            if item:
                coll.add(item)


def collect_wlan(tree: Tree, coll: Collection, known_wireless: set[str]) -> None:
    seen: set[str] = set()
    for path in tree.glob(WLAN_DIR, "*/*.xml"):
        text = tree.read_text(coll, path, "profiles")
        try:
            root = parse_xml(text or "")
        except ElementTree.ParseError:
            continue
        names = [el.text or "" for el in root.iter() if el.tag.endswith("}name") or el.tag == "name"]
        ssid = names[1] if len(names) > 1 else (names[0] if names else "")
        seen.add(ssid)
        coll.add(
            Evidence(
                Kind.NET_PROFILE,
                tree.display(path),
                f"SSID={ssid}",
                f"Hồ sơ Wi-Fi '{ssid}' (WLAN XML)",
                attrs=attrs(
                    ssid=ssid,
                    name=names[0] if names else "",
                    net_type="wifi",
                    used="yes" if ssid in known_wireless else "unknown",
                ),
            )
        )
    if tree.path(WLAN_DIR).is_dir():
        for ssid in sorted(known_wireless - seen):
            coll.add(
                Evidence(
                    Kind.PROFILE_DELETED,
                    tree.display(tree.path(WLAN_DIR)),
                    f"SSID={ssid}",
                    f"Windows đã kết nối Wi-Fi '{ssid}' nhưng hồ sơ WLAN đã bị xóa",
                    attrs=attrs(ssid=ssid),
                )
            )


def collect_shares(hives: Hives, coll: Collection) -> None:
    for user, ntuser in hives.users:
        mounts = walk(ntuser, r"Software\Microsoft\Windows\CurrentVersion\Explorer\MountPoints2")
        for key in mounts.subkeys() if mounts else []:
            if not key.name.startswith("##"):
                continue
            server = key.name.strip("#").split("#")[0]
            try:
                ipaddress.ip_address(server)
                ip = server
            except ValueError:
                ip = ""
            coll.add(
                Evidence(
                    Kind.NET_SHARE,
                    key.path,
                    key.name,
                    f"Người dùng '{user}' đã mở thư mục chia sẻ mạng \\\\{key.name.strip('#').replace('#', chr(92))}",
                    key.last_write,
                    attrs(user=user, name=server, ip=ip, used="yes"),
                )
            )
