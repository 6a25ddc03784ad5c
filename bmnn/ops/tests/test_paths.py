from pathlib import Path

import pytest

from bmnn.ops import paths


@pytest.mark.parametrize(
    ("folder", "cloud"),
    [
        ("/home/vt/OneDrive - So Xay dung/bmnn", "OneDrive - So Xay dung"),
        ("C:/Users/vt/Dropbox/bmnn", "Dropbox"),
        ("/Users/vt/Google Drive/x", "Google Drive"),
        ("/srv/bmnn/backups", None),
        ("/home/vt/Documents/onedrive-notes-not-synced", "onedrive-notes-not-synced"),
    ],
)
def test_cloud_synced_folders_are_recognised(folder, cloud):
    assert paths.cloud_synced(Path(folder)) == cloud


def test_backups_into_a_temporary_folder_are_refused_unless_allowed_for_tests(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ALLOW_TEMP_ENV, raising=False)
    with pytest.raises(paths.UnsafePathError, match="thư mục tạm"):
        paths.refuse_unsafe(tmp_path, what="bản sao lưu")
    monkeypatch.setenv(paths.ALLOW_TEMP_ENV, "1")
    paths.refuse_unsafe(tmp_path, what="bản sao lưu")
    with pytest.raises(paths.UnsafePathError, match="đám mây"):
        paths.refuse_unsafe(tmp_path / "OneDrive", what="bản sao lưu")


def test_an_interrupted_swap_is_finished_from_its_journal(tmp_path):
    import json

    from bmnn.ops import restore

    folder, staging, safety = (
        tmp_path / "data",
        tmp_path / "work" / "data",
        tmp_path / "data" / "restore-safety" / "t",
    )
    folder.mkdir()
    staging.mkdir(parents=True)
    (folder / "bmnn.sqlite3").write_text("old db")
    (folder / "ledger.key").write_text("old key")
    (staging / "bmnn.sqlite3").write_text("new db")
    (staging / "ledger.key").write_text("new key")
    # The process died after writing the journal and moving only the old database aside.
    doc = {
        "staging": str(staging),
        "safety": str(safety),
        "old": ["bmnn.sqlite3", "ledger.key"],
        "new": ["bmnn.sqlite3", "ledger.key"],
    }
    (folder / restore.JOURNAL).write_text(json.dumps(doc))
    safety.mkdir(parents=True)
    (folder / "bmnn.sqlite3").rename(safety / "bmnn.sqlite3")
    assert restore.finish_interrupted(folder)
    assert (folder / "bmnn.sqlite3").read_text() == "new db" and (
        folder / "ledger.key"
    ).read_text() == "new key"
    assert (safety / "bmnn.sqlite3").read_text() == "old db" and (
        safety / "ledger.key"
    ).read_text() == "old key"
    assert not (folder / restore.JOURNAL).exists() and not restore.finish_interrupted(folder)
