"""The ``bmnn`` command as a clerk or a script meets it (real subprocesses, fresh data folders)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.helpers import env_for, run

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="CLI data-folder tests use the embedded SQLite default"
)


@pytest.fixture
def env(tmp_path):
    e = env_for(tmp_path / "data")
    e.pop("DATABASE_URL", None)
    return e


def test_init_is_idempotent_and_creates_owner_only_keys(env, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("Quan-tri-2026-dai", encoding="utf-8")
    first = run(
        [
            "init",
            "--agency-name",
            "Sở Tư pháp tỉnh Thử",
            "--admin-username",
            "qt",
            "--admin-password-file",
            str(pw),
        ],
        env,
    )
    assert first.returncode == 0, first.stderr
    assert "Đã tạo cơ quan: Sở Tư pháp tỉnh Thử" in first.stderr
    second = run(["init", "--no-input"], env)
    assert second.returncode == 0 and "Cơ quan đã có: Sở Tư pháp tỉnh Thử" in second.stderr
    data = tmp_path / "data"
    for name in ("ledger.key", "django_secret.key", "bmnn.sqlite3"):
        assert (data / name).stat().st_mode & 0o077 == 0, name


def test_user_commands_and_ledger_verify_head(env):
    assert run(["init", "--no-input"], env).returncode == 0
    created = run(["user", "create", "gd", "--role", "head", "--clearance", "top_secret"], env)
    assert created.returncode == 0, created.stderr
    assert "Thủ trưởng cơ quan" in created.stderr  # head gets the agency head position
    assert run(["user", "set-clearance", "gd", "secret"], env).returncode == 0
    assert run(["user", "disable", "gd"], env).returncode == 0
    bad = run(["user", "create", "x", "--role", "boss", "--clearance", "secret"], env)
    assert bad.returncode == 2
    head = run(["ledger", "head"], env).stdout.strip()
    verified = run(["ledger", "verify", "--expect-head", head, "--json"], env)
    assert verified.returncode == 0
    report = json.loads(verified.stdout)  # stdout carries only the JSON
    assert report["ok"] and report["head"] == head and report["count"] >= 4


def test_ledger_verify_exits_1_and_says_where_after_tampering(env, tmp_path):
    assert run(["init", "--no-input"], env).returncode == 0
    assert run(["demo"], env).returncode == 0
    db = sqlite3.connect(tmp_path / "data" / "bmnn.sqlite3")
    db.execute("DROP TRIGGER audit_ledgerentry_no_update")
    db.execute("UPDATE audit_ledgerentry SET actor_repr = 'ai đó' WHERE seq = 7")
    db.commit()
    db.close()
    result = run(["ledger", "verify"], env)
    assert result.returncode == 1
    assert "#7 [bad_hash]" in result.stdout


def test_demo_loads_once_and_remove_disables_demo_accounts(env):
    assert run(["init", "--no-input"], env).returncode == 0
    loaded = run(["demo"], env)
    assert loaded.returncode == 0 and "demo.clerk" in loaded.stderr
    assert run(["demo"], env).returncode == 0  # idempotent
    removed = run(["demo", "--remove"], env)
    assert removed.returncode == 0 and "khóa 8 tài khoản mẫu" in removed.stderr


def test_a_corrupted_ledger_key_is_refused_without_changing_data(env, tmp_path):
    assert run(["init", "--no-input"], env).returncode == 0
    (tmp_path / "data" / "ledger.key").write_text("not-a-key\n", encoding="ascii")
    before = (tmp_path / "data" / "bmnn.sqlite3").read_bytes()
    result = run(["init", "--no-input"], env)
    assert result.returncode == 2 and "bị hỏng" in result.stderr
    assert run(["user", "create", "x", "--role", "staff", "--clearance", "none"], env).returncode != 0
    assert (tmp_path / "data" / "bmnn.sqlite3").read_bytes() == before


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="uses /proc, which nobody can write, root included"
)
def test_an_unwritable_data_folder_is_explained(tmp_path):
    # Permission bits do not stop root (CI runs as root); procfs refuses mkdir to everyone.
    e = env_for(Path("/proc/1/bmnn-data"))
    e.pop("DATABASE_URL", None)
    result = run(["init", "--no-input"], e)
    assert result.returncode == 2 and "Không tạo được thư mục dữ liệu" in result.stderr


def test_a_data_folder_that_is_a_file_is_explained(tmp_path):
    target = tmp_path / "afile"
    target.write_text("x")
    e = env_for(target)
    e.pop("DATABASE_URL", None)
    result = run(["init", "--no-input"], e)
    assert result.returncode == 2 and "thư mục" in result.stderr


def test_a_database_of_a_newer_schema_is_refused(env, tmp_path):
    assert run(["init", "--no-input"], env).returncode == 0
    db = sqlite3.connect(tmp_path / "data" / "bmnn.sqlite3")
    db.execute(
        "INSERT INTO django_migrations (app, name, applied) VALUES ('audit', '9999_future', '2030-01-01')"
    )
    db.commit()
    db.close()
    for args in (["init", "--no-input"], ["serve", "--port", "1"], ["demo"]):
        result = run(args, env)
        assert result.returncode == 2, args
        assert "phiên bản bmnn mới hơn" in result.stderr


def test_local_mode_refuses_to_listen_beyond_loopback(env):
    assert run(["init", "--no-input"], env).returncode == 0
    result = run(["serve", "--host", "0.0.0.0"], env)  # noqa: S104
    assert result.returncode == 2 and "127.0.0.1" in result.stderr


def test_help_lists_the_stable_command_names(env):
    result = run(["--help"], env)
    for name in ("init", "serve", "demo", "ledger", "user"):
        assert name in result.stdout


def test_lan_mode_passes_the_deploy_check(tmp_path):
    import subprocess

    e = env_for(tmp_path / "data", BMNN_MODE="lan", BMNN_DEBUG="false", BMNN_ALLOWED_HOSTS="bmnn.so.local")
    e.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=e,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_init_refuses_a_temporary_or_cloud_synced_data_folder(tmp_path):
    strict = {k: v for k, v in env_for(tmp_path / "data").items() if k != "BMNN_ALLOW_TEMP_PATHS"}
    result = run(["init", "--no-input"], strict)
    assert result.returncode == 2 and "thư mục tạm" in result.stderr
    assert not (tmp_path / "data" / "bmnn.sqlite3").exists()
    cloud = env_for(tmp_path / "OneDrive - Sở Xây dựng" / "bmnn")
    result = run(["init", "--no-input"], cloud)
    assert result.returncode == 2 and "đám mây" in result.stderr
    assert not (tmp_path / "OneDrive - Sở Xây dựng" / "bmnn" / "bmnn.sqlite3").exists()
