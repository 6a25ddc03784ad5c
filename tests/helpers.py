"""Running the real ``bmnn`` command and server in a fresh data folder, as a user would."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

BMNN = [sys.executable, "-m", "bmnn"]


def env_for(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["BMNN_DATA_DIR"] = str(data_dir)
    env["BMNN_ALLOW_TEMP_PATHS"] = (
        "1"  # test data folders live in the temp folder; bmnn refuses that otherwise
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BMNN, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def fresh_database_url() -> Iterator[str | None]:
    """A brand-new PostgreSQL database when DATABASE_URL is set; None (SQLite) otherwise."""
    base = os.environ.get("DATABASE_URL")
    if not base:
        yield None
        return
    import psycopg

    name = f"bmnn_e2e_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def running_server(data_dir: Path, database_url: str | None) -> Iterator[str]:
    extra = {"DATABASE_URL": database_url} if database_url else {}
    env = env_for(data_dir, **extra)
    if not database_url:
        env.pop("DATABASE_URL", None)
    for step in (["init", "--no-input"], ["demo"]):
        result = run(step, env)
        assert result.returncode == 0, result.stderr
    port = free_port()
    proc = subprocess.Popen(
        [*BMNN, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(port, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_for(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stdout.read().decode() if proc.stdout else "server exited")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError("server did not start in 30 s")
