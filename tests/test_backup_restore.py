"""Backups as an operator takes them: sealed, verified on restore, the old data kept aside, and
refused (with nothing changed) when altered, wrongly unlocked or aimed at an unsafe folder. Runs on
the embedded SQLite, or restores into a fresh PostgreSQL database when DATABASE_URL is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import env_for, fresh_database_url, run

pytestmark = pytest.mark.xdist_group("backup")


def secret_file(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def install(folder: Path, url: str | None, *init_args: str) -> dict[str, str]:
    env = env_for(folder, BMNN_ALLOW_TEMP_PATHS="1")
    if url:
        env["DATABASE_URL"] = url
    else:
        env.pop("DATABASE_URL", None)
    for step in (["init", "--no-input", *init_args], ["demo"]):
        result = run(step, env)
        assert result.returncode == 0, result.stderr
    return env


def head(env: dict[str, str]) -> str:
    result = run(["ledger", "head"], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_backup_restores_onto_a_new_installation_with_its_ledger_intact(tmp_path):
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    backup = tmp_path / "out" / "so-xay-dung.bmnnbak"
    backup.parent.mkdir()
    with fresh_database_url() as url:
        source = install(tmp_path / "a", url)
        taken = run(["backup", str(backup), "--passphrase-file", passphrase, "--json"], source)
        assert taken.returncode == 0, taken.stderr
        source_head = head(source)
    with fresh_database_url() as url:
        target = env_for(tmp_path / "b", BMNN_ALLOW_TEMP_PATHS="1")
        if url:
            target["DATABASE_URL"] = url
        else:
            target.pop("DATABASE_URL", None)
        restored = run(["restore", str(backup), "--passphrase-file", passphrase], target)
        assert restored.returncode == 0, restored.stderr
        assert head(target) == source_head
        assert run(["ledger", "verify"], target).returncode == 0


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="replacing a data folder is the embedded case"
)
def test_restore_replaces_the_data_and_keeps_the_old_one_aside(tmp_path):
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    env = install(tmp_path / "data", None)
    backup = tmp_path / "b.bmnnbak"
    assert run(["backup", str(backup), "--passphrase-file", passphrase], env).returncode == 0
    before = head(env)
    assert run(["demo", "--remove"], env).returncode == 0  # changes after the backup
    assert head(env) != before
    checked = run(["restore", str(backup), "--passphrase-file", passphrase, "--check-only"], env)
    assert checked.returncode == 0 and "Kiểm tra đạt" in checked.stderr
    assert head(env) != before  # a check changes nothing
    restored = run(["restore", str(backup), "--passphrase-file", passphrase], env)
    assert restored.returncode == 0, restored.stderr
    assert head(env) == before
    safety = list((tmp_path / "data" / "restore-safety").iterdir())
    assert len(safety) == 1 and (safety[0] / "bmnn.sqlite3").exists()


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="embedded database")
@pytest.mark.parametrize("damage", ["flip", "wrong_passphrase", "truncate"])
def test_an_altered_or_wrongly_unlocked_backup_changes_nothing(tmp_path, damage):
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    env = install(tmp_path / "data", None)
    backup = tmp_path / "b.bmnnbak"
    assert run(["backup", str(backup), "--passphrase-file", passphrase], env).returncode == 0
    raw = bytearray(backup.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x40
    elif damage == "truncate":
        raw = raw[: len(raw) - 100]
    else:
        passphrase = secret_file(tmp_path / "other", "một cụm mật khẩu khác hẳn")
    backup.write_bytes(bytes(raw))
    before = head(env)
    result = run(["restore", str(backup), "--passphrase-file", passphrase], env)
    assert result.returncode == 2
    assert "Dữ liệu hiện có không bị thay đổi" in result.stderr
    assert head(env) == before
    assert not (tmp_path / "data" / "restore-safety").exists()


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="embedded database")
def test_an_encrypted_installation_backs_up_and_restores(tmp_path):
    db_pass = secret_file(tmp_path / "dbpass", "cụm mật khẩu cơ sở dữ liệu")
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    env = env_for(tmp_path / "data", BMNN_ALLOW_TEMP_PATHS="1", BMNN_DB_PASSPHRASE_FILE=db_pass)
    env.pop("DATABASE_URL", None)
    assert run(["init", "--no-input", "--encrypt", "--passphrase-file", db_pass], env).returncode == 0
    assert run(["demo"], env).returncode == 0
    backup = tmp_path / "b.bmnnbak"
    assert run(["backup", str(backup), "--passphrase-file", passphrase], env).returncode == 0
    before = head(env)
    target = env_for(tmp_path / "fresh", BMNN_ALLOW_TEMP_PATHS="1", BMNN_DB_PASSPHRASE_FILE=db_pass)
    target.pop("DATABASE_URL", None)
    result = run(
        ["restore", str(backup), "--passphrase-file", passphrase, "--db-passphrase-file", db_pass], target
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "fresh" / "encryption.json").exists()
    assert head(target) == before


def test_backups_go_neither_to_temporary_nor_to_cloud_synced_folders(tmp_path):
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    with fresh_database_url() as url:
        env = install(tmp_path / "data", url)
        strict = {k: v for k, v in env.items() if k != "BMNN_ALLOW_TEMP_PATHS"}
        result = run(["backup", str(tmp_path / "x.bmnnbak"), "--passphrase-file", passphrase], strict)
        assert result.returncode == 2 and "thư mục tạm" in result.stderr
        cloud = tmp_path / "OneDrive - Sở Xây dựng"
        cloud.mkdir()
        result = run(["backup", str(cloud / "x.bmnnbak"), "--passphrase-file", passphrase], env)
        assert result.returncode == 2 and "đám mây" in result.stderr


def test_scheduled_backups_keep_only_the_newest(tmp_path):
    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20260101-010000", "20260102-010000", "20260103-010000"):
        (folder / f"bmnn-{stamp}.bmnnbak").write_bytes(b"old")
    with fresh_database_url() as url:
        env = install(tmp_path / "data", url)
        result = run(["backup", "--to-dir", str(folder), "--keep", "2", "--passphrase-file", passphrase], env)
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and names[0] == "bmnn-20260103-010000.bmnnbak"


def test_the_server_takes_backups_by_itself_when_asked_to(tmp_path, monkeypatch):
    from bmnn.ops import schedule

    passphrase = secret_file(tmp_path / "pass", "cụm mật khẩu sao lưu 2026")
    with fresh_database_url() as url:
        env = install(tmp_path / "data", url)
        script = (
            "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup();"
            "from pathlib import Path; from bmnn.ops import schedule;"
            f"print(schedule.run_once(Path({str(tmp_path / 'auto')!r}), 'cụm mật khẩu sao lưu 2026', 2))"
        )
        import subprocess
        import sys

        for _ in range(3):
            done = subprocess.run(
                [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, done.stderr
        kept = sorted((tmp_path / "auto").glob("bmnn-*.bmnnbak"))
        assert len(kept) == 2  # the newest two are kept
        check = run(["restore", str(kept[-1]), "--passphrase-file", passphrase, "--check-only"], env)
        assert check.returncode == 0, check.stderr
    monkeypatch.delenv("BMNN_BACKUP_DIR", raising=False)
    assert schedule.start_from_env() is None  # off unless asked for
