"""Linux network state *now*, read from /sys and /proc only (no netlink, no packet)."""

from __future__ import annotations

import ipaddress
import socket
import struct

from ..fsutil import Tree
from ..model import Collection, Evidence, Kind, SourceState, attrs
from ..netutil import public_servers

_IGNORED_PREFIXES = ("lo",)


def _read(tree: Tree, coll: Collection, rel: str, category: str) -> str | None:
    return tree.read_text(coll, tree.path(rel), category)


def _small(tree: Tree, rel: str) -> str:
    """Tiny sysfs attribute; sysfs raises EINVAL for e.g. carrier of a down link: that means 'no'."""
    try:
        return tree.path(rel).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def collect_interfaces(tree: Tree, coll: Collection) -> None:
    base = tree.path("sys/class/net")
    if not base.is_dir():
        coll.source(tree.display(base), SourceState.ABSENT, "current")
        return
    coll.source(tree.display(base), SourceState.READ, "current")
    macs: list[str] = []
    for iface in sorted(p.name for p in base.iterdir()):
        if iface.startswith(_IGNORED_PREFIXES):
            continue
        rel = f"sys/class/net/{iface}"
        mac = _small(tree, f"{rel}/address")
        if mac and mac != "00:00:00:00:00:00":
            macs.append(f"{iface}={mac}")
        wireless = tree.path(f"{rel}/wireless").exists() or tree.path(f"{rel}/phy80211").exists()
        physical = tree.path(f"{rel}/device").exists()
        if wireless:
            coll.add(
                Evidence(
                    Kind.WIRELESS_HW,
                    tree.display(tree.path(rel)),
                    f"wireless {iface} {mac}",
                    f"Máy có card mạng không dây {iface}",
                    attrs=attrs(iface=iface, mac=mac),
                )
            )
        operstate, carrier = _small(tree, f"{rel}/operstate"), _small(tree, f"{rel}/carrier")
        if operstate == "up" or carrier == "1":
            coll.add(
                Evidence(
                    Kind.WIFI_NOW if wireless else Kind.INTERFACE_NOW,
                    tree.display(tree.path(f"{rel}/operstate")),
                    f"operstate={operstate} carrier={carrier}",
                    f"Giao diện mạng {iface} đang hoạt động (có tín hiệu liên kết)",
                    attrs=attrs(iface=iface, mac=mac, physical="yes" if physical else "no"),
                )
            )
    coll.identity["macs"] = macs


def _ipv4_addresses(text: str) -> list[str]:
    """Local addresses in /proc/net/fib_trie: an address line followed by '/32 host LOCAL'."""
    found: list[str] = []
    lines = text.splitlines()
    for index, line in enumerate(lines[1:], start=1):
        if "/32 host LOCAL" in line:
            candidate = lines[index - 1].strip().lstrip("|-+ ").strip()
            if candidate not in found:
                found.append(candidate)
    return sorted(found)


def collect_addresses(tree: Tree, coll: Collection) -> None:
    fib = _read(tree, coll, "proc/net/fib_trie", "current")
    for ip in _ipv4_addresses(fib or ""):
        if not ipaddress.ip_address(ip).is_loopback:
            coll.add(
                Evidence(
                    Kind.ADDRESS_NOW,
                    "/proc/net/fib_trie",
                    ip,
                    f"Máy đang có địa chỉ IPv4 {ip}",
                    attrs=attrs(ip=ip),
                )
            )
    inet6 = _read(tree, coll, "proc/net/if_inet6", "current")
    for line in (inet6 or "").splitlines():
        fields = line.split()
        if len(fields) < 6 or fields[5] == "lo" or fields[3] != "00":  # scope 00 = global
            continue
        ip = str(ipaddress.IPv6Address(bytes.fromhex(fields[0])))
        coll.add(
            Evidence(
                Kind.ADDRESS_NOW,
                "/proc/net/if_inet6",
                line.strip(),
                f"Giao diện {fields[5]} đang có địa chỉ IPv6 toàn cục {ip}",
                attrs=attrs(ip=ip, iface=fields[5]),
            )
        )


def _hex_ip(value: str) -> str:
    return socket.inet_ntoa(struct.pack("<I", int(value, 16)))


def _arp_table(tree: Tree, coll: Collection) -> dict[str, str]:
    text = _read(tree, coll, "proc/net/arp", "current") or ""
    table = {}
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 4 and fields[3] != "00:00:00:00:00:00":
            table[fields[0]] = fields[3].lower()
    return table


def collect_routes(tree: Tree, coll: Collection) -> None:
    text = _read(tree, coll, "proc/net/route", "current")
    arp = _arp_table(tree, coll)
    for line in (text or "").splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8 or fields[1] != "00000000" or fields[7] != "00000000":
            continue
        gateway = _hex_ip(fields[2])
        mac = arp.get(gateway, "")
        coll.add(
            Evidence(
                Kind.ROUTE_NOW,
                "/proc/net/route",
                line.strip(),
                f"Có tuyến mặc định qua {gateway} trên {fields[0]}" + (f" (MAC cổng {mac})" if mac else ""),
                attrs=attrs(iface=fields[0], gateway=gateway, ip=gateway, gateway_mac=mac),
            )
        )


def collect_dns(tree: Tree, coll: Collection) -> None:
    text = tree.read_text(coll, tree.path("etc/resolv.conf"), "config", required=False) or ""
    servers = [
        ln.split()[1] for ln in text.splitlines() if ln.startswith("nameserver ") and len(ln.split()) > 1
    ]
    if servers:
        public = public_servers(servers)
        coll.add(
            Evidence(
                Kind.DNS_CONFIG,
                "/etc/resolv.conf",
                " ".join(servers),
                "Cấu hình máy chủ DNS: " + ", ".join(servers) + (" (DNS Internet)" if public else ""),
                attrs=attrs(servers=" ".join(servers), internet="yes" if public else ""),
            )
        )


def collect_current(tree: Tree, coll: Collection) -> None:
    collect_interfaces(tree, coll)
    collect_addresses(tree, coll)
    collect_routes(tree, coll)
    collect_dns(tree, coll)
