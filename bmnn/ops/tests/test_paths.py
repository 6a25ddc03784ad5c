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
