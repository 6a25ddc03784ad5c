"""The embedded database encrypted with SQLCipher, used as an operator would: init, run commands,
change and recover the passphrase, serve with a key file."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import BMNN, env_for, free_port, run

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="encryption is for the embedded SQLite database"
)

FTS_PROBE = """
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.db import connection
with connection.cursor() as c:
    c.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(body)")
    c.execute("INSERT INTO temp.probe(body) VALUES ('so den tai lieu toi mat')")
    c.execute("SELECT count(*) FROM temp.probe WHERE probe MATCH 'toi'")
    print(connection.vendor, connection.settings_dict["ENGINE"], c.fetchone()[0])
from bmnn.accounts.models import User
from bmnn.registers.search import Params, search
hits, _ = search(User.objects.get(username="demo.clerk"), Params(q="huong dan tu kiem tra"))
print(len([h for h in hits if h.type != "item"]))
"""


def secret_file(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return str(path)


@pytest.fixture
def encrypted(tmp_path: Path) -> dict[str, object]:
    data = tmp_path / "data"
    env = env_for(data)
    env.pop("DATABASE_URL", None)
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu của văn thư 2026")
    result = run(["init", "--no-input", "--encrypt", "--passphrase-file", passphrase], env)
    assert result.returncode == 0, result.stderr
    code = re.search(r"MÃ KHÔI PHỤC.*: ([A-Z2-7-]{29})", result.stderr)
    assert code, result.stderr
    return {"env": env, "data": data, "pass": passphrase, "code": code.group(1), "tmp": tmp_path}


def with_env(env: object, **extra: str) -> dict[str, str]:
    assert isinstance(env, dict)
    return {**env, **extra}


def test_the_database_file_is_unreadable_without_the_key_and_works_with_it(encrypted):
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted["data"] / "bmnn.sqlite3").execute("SELECT * FROM sqlite_master").fetchall()
    env = with_env(encrypted["env"], BMNN_DB_PASSPHRASE_FILE=encrypted["pass"])
    assert run(["demo"], env).returncode == 0
    verify = run(["ledger", "verify"], env)
    assert verify.returncode == 0, verify.stderr
    probe = subprocess.run(
        [BMNN[0], "-c", FTS_PROBE], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    # a bare FTS5 table, then the registers' own accent-free search over the demo's incoming entry
    assert probe.stdout.split() == ["sqlite", "bmnn.lib.sqlcipher", "1", "1"], probe.stderr


def test_a_wrong_or_missing_passphrase_is_refused_cleanly(encrypted):
    wrong = secret_file(encrypted["tmp"] / "wrong", "không phải cụm mật khẩu")
    result = run(["ledger", "verify"], with_env(encrypted["env"], BMNN_DB_PASSPHRASE_FILE=wrong))
    assert result.returncode == 2
    assert "không đúng" in result.stderr and "Traceback" not in result.stderr
    result = run(["ledger", "verify"], with_env(encrypted["env"]))
    assert result.returncode == 2 and "BMNN_DB_PASSPHRASE_FILE" in result.stderr


def test_the_passphrase_can_change_and_the_printed_recovery_code_sets_a_new_one(encrypted):
    tmp = encrypted["tmp"]
    assert isinstance(tmp, Path)
    new = secret_file(tmp / "new", "cụm mật khẩu mới của năm 2027")
    changed = run(["db-key", "change", "--old-file", encrypted["pass"], "--new-file", new], encrypted["env"])
    assert changed.returncode == 0, changed.stderr
    assert (
        run(
            ["ledger", "verify"], with_env(encrypted["env"], BMNN_DB_PASSPHRASE_FILE=encrypted["pass"])
        ).returncode
        == 2
    )
    code = secret_file(tmp / "code", str(encrypted["code"]))
    third = secret_file(tmp / "third", "cụm mật khẩu sau khi quên")
    recovered = run(
        ["db-key", "recover", "--recovery-code-file", code, "--new-file", third], encrypted["env"]
    )
    assert recovered.returncode == 0, recovered.stderr
    assert (
        run(["ledger", "verify"], with_env(encrypted["env"], BMNN_DB_PASSPHRASE_FILE=third)).returncode == 0
    )


def test_the_server_runs_unattended_with_an_owner_only_key_file(encrypted):
    tmp = encrypted["tmp"]
    assert isinstance(tmp, Path)
    key_file = tmp / "db.key"
    exported = run(
        ["db-key", "export", "--passphrase-file", str(encrypted["pass"]), str(key_file)], encrypted["env"]
    )
    assert exported.returncode == 0, exported.stderr
    assert key_file.stat().st_mode & 0o077 == 0
    env = with_env(encrypted["env"], BMNN_DB_KEY_FILE=str(key_file))
    port = free_port()
    proc = subprocess.Popen([*BMNN, "serve", "--port", str(port)], env=env, stderr=subprocess.PIPE)
    try:
        from tests.helpers import _wait_for

        _wait_for(port, proc)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=10) as page:
            assert page.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
