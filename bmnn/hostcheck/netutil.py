"""Small address helpers shared by the Linux and Windows collectors."""

from __future__ import annotations

import ipaddress


def public_servers(servers: list[str]) -> list[str]:
    out = []
    for server in servers:
        try:
            address = ipaddress.ip_address(server)
        except ValueError:
            continue
        if not (address.is_private or address.is_loopback or address.is_link_local):
            out.append(server)
    return out
