"""The check is passive: no packet leaves the machine and the inspected tree is not modified."""

from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
from pathlib import Path
from typing import Any

import pytest

from bmnn.hostcheck.api import run_check
from bmnn.hostcheck.policy import Policy
from bmnn.hostcheck.tests.conftest import check
from bmnn.hostcheck.tests.fixtures import linux_trees, windows_images

SCENARIOS = sorted([*linux_trees.SCENARIOS, *windows_images.SCENARIOS])


def _loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host.startswith("/"):
        return True  # AF_UNIX path: local by definition
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class GuardedSocket(socket.socket):
    attempts: list[Any] = []

    def connect(self, address: Any) -> None:
        self._guard(address)
        super().connect(address)

    def connect_ex(self, address: Any) -> int:
        self._guard(address)
        return super().connect_ex(address)

    def sendto(self, *args: Any) -> int:
        self._guard(args[-1])
        return super().sendto(*args)

    def _guard(self, address: Any) -> None:
        if not _loopback(address):
            GuardedSocket.attempts.append(address)
            raise AssertionError(f"non-loopback network access to {address}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    GuardedSocket.attempts = []
    monkeypatch.setattr(socket, "socket", GuardedSocket)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        GuardedSocket.attempts.append(args)
        raise AssertionError(f"name resolution attempted: {args}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return GuardedSocket.attempts


def test_the_guard_itself_catches_a_connection_attempt(no_network: list[Any]) -> None:
    with pytest.raises(AssertionError):
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 53))
    assert no_network


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_fixture_check_opens_no_network_socket(
    fixtures_dir: Path, name: str, no_network: list[Any]
) -> None:
    check(fixtures_dir, name)
    assert no_network == []


def test_a_live_check_of_this_machine_opens_no_network_socket(no_network: list[Any]) -> None:
    result = run_check(policy=Policy())
    assert result.verdicts and no_network == []


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest.update(f"{path.relative_to(root)}|{info.st_mode}|{info.st_size}|{info.st_mtime_ns}\n".encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_inspected_tree_is_byte_identical_after_the_check(fixtures_dir: Path, name: str) -> None:
    root = fixtures_dir / name / "root"
    before = tree_digest(root)
    check(fixtures_dir, name)
    assert tree_digest(root) == before


def test_a_browser_database_with_a_wal_file_is_left_untouched(fixtures_dir: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "root"
    shutil.copytree(fixtures_dir / "linux_internet" / "root", root)
    db = next(root.rglob("places.sqlite"))
    (db.parent / "places.sqlite-wal").write_bytes(b"")
    os.utime(db, (1_700_000_000, 1_700_000_000))
    before = tree_digest(root)
    result = run_check(policy=Policy(), root=root)
    assert any(e["kind"] == "browser.web_history" for e in result.report["evidence"])
    assert tree_digest(root) == before
