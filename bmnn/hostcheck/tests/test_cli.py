from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bmnn.hostcheck.cli import main
from bmnn.hostcheck.report import verify_report


@pytest.mark.parametrize(
    "argv",
    [
        ["--root", "/nonexistent-hostcheck-dir"],
        ["--windows-image", "/nonexistent-hostcheck-dir"],
        ["--root", ".", "--windows-image", "."],
        ["--policy", "/nonexistent.json"],
        ["--now", "yesterday", "--root", "."],
        ["--bogus"],
    ],
)
def test_usage_errors_exit_with_2(argv: list[str], capsys: pytest.CaptureFixture) -> None:
    assert main(argv) == 2


def test_a_broken_policy_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    policy = tmp_path / "p.json"
    policy.write_text('{"regime": "1999"}', "utf-8")
    assert main(["--root", str(tmp_path), "--policy", str(policy)]) == 2
    assert "Chính sách" in capsys.readouterr().err


def test_json_mode_prints_only_the_report_on_stdout(
    fixtures_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    code = main(
        ["--root", str(fixtures_dir / "linux_internet" / "root"), "--json", "--now", "2026-03-01T00:00:00Z"]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["overall"] == "FAIL" and verify_report(report)


def test_out_writes_the_report_its_hash_and_the_bien_ban(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    main(
        [
            "--windows-image",
            str(fixtures_dir / "windows_usb" / "root"),
            "--out",
            str(tmp_path),
            "--now",
            "2026-03-01T00:00:00Z",
        ]
    )
    report = json.loads((tmp_path / "hostcheck-report.json").read_text("utf-8"))
    assert (tmp_path / "hostcheck-report.json.sha256").read_text().startswith(report["report_sha256"])
    assert "BIÊN BẢN" in (tmp_path / "bien-ban-kiem-tra-may-tinh.html").read_text("utf-8")


def test_the_package_imports_and_runs_without_django(fixtures_dir: Path) -> None:
    code = (
        "import sys; from bmnn.hostcheck.cli import main; "
        f"rc = main(['--root', {str(fixtures_dir / 'linux_clean' / 'root')!r}, '--now', '2026-03-01T00:00:00Z']); "
        "assert 'django' not in sys.modules, 'django imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[3])},
    )
    assert result.returncode == 0, result.stderr
    pattern = re.compile(r"^\s*(import|from) django\b", re.M)
    assert not [p for p in Path(__file__).parents[1].rglob("*.py") if pattern.search(p.read_text("utf-8"))]
