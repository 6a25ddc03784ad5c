"""No egress: the process may talk to itself (loopback, local sockets) and to the database server it
was configured with, nothing else. bmnn never needs the network beyond that; a connection attempt
elsewhere is a defect (or an attack) and is refused and written down.

Installed by ``bmnn serve`` (opt out with BMNN_EGRESS_GUARD=0), by every ``bmnn`` command when
``BMNN_EGRESS_LOG`` is set, and by the test suite, which fails if anything tried.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import threading
from typing import Any

_lock = threading.Lock()
_installed = False
_allowed_hosts: set[str] = set()
_log_path: str | None = None
attempts: list[str] = []


def _is_local(host: Any) -> bool:
    if not isinstance(host, str):
        return False
    if host in {"localhost", ""} or host in _allowed_hosts:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _is_ip_literal(host: str) -> bool:
    """An address is not a name: resolving it sends nothing; ``connect`` then decides."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _refuse(what: str) -> OSError:
    with _lock:
        attempts.append(what)
        if _log_path:
            with open(_log_path, "a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()} {what}\n")
    return OSError(errno.ENETUNREACH, f"bmnn: kết nối ra ngoài bị chặn ({what})")


def _check_address(sock: Any, address: Any) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
        raise _refuse(f"{address[0]}:{address[1]}")


def install(*, allow: set[str] | None = None, log_path: str | None = None) -> None:
    """Patch socket connect/sendto and name lookups for this process (idempotent)."""
    global _installed, _log_path
    _allowed_hosts.update(allow or set())
    _log_path = log_path or _log_path
    if _installed:
        return
    _installed = True
    connect, connect_ex, sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
    getaddrinfo = socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: Any) -> None:
        _check_address(self, address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(self, address)
        return connect_ex(self, address)

    def guarded_sendto(self: socket.socket, data: Any, *args: Any) -> int:
        _check_address(self, args[-1])
        return sendto(self, data, *args)  # type: ignore[arg-type]

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and not _is_local(name) and not _is_ip_literal(name):
            raise socket.gaierror(socket.EAI_NONAME, _refuse(f"dns:{name}").strerror)
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect  # type: ignore[assignment,method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[assignment,method-assign]
    socket.socket.sendto = guarded_sendto  # type: ignore[assignment,method-assign]
    socket.getaddrinfo = guarded_getaddrinfo


def install_from_env() -> None:
    """For ``bmnn`` commands started by the tests (or an operator) with BMNN_EGRESS_LOG set."""
    log = os.environ.get("BMNN_EGRESS_LOG")
    if log:
        install(allow=database_hosts(), log_path=log)


def database_hosts() -> set[str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return set()
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return {host} if host else set()
