"""The fixture hive writer produces files regipy (and hivexsh, when installed) read back exactly."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bmnn.hostcheck.tests.fixtures import regf
from bmnn.hostcheck.windows.registry import open_hive, value, walk

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def sample(path: Path) -> Path:
    hive = regf.Hive(r"\SystemRoot\System32\Config\SOFTWARE", WHEN)
    hive.set(r"A\B", "Text", regf.sz("Mạng LAN độc lập"))
    hive.set(r"A\B", "Number", regf.dword(7))
    hive.set(r"A\B", "Blob", regf.binary(bytes(range(20))))
    hive.set(r"A\B", "List", regf.multi_sz(["x", "y"]))
    hive.set(r"A\C\0064", "", regf.devprop_filetime(datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)))
    for index in range(40):
        hive.key(rf"Many\Key{index:02d}", datetime(2026, 1, 2, tzinfo=UTC))
    path.write_bytes(hive.to_bytes())
    return path


def test_regipy_reads_back_every_value_type_and_key_time(tmp_path: Path) -> None:
    root = open_hive(sample(tmp_path / "SOFTWARE"), "HKLM\\SOFTWARE")
    key = walk(root, r"A\B")
    assert value(key, "Text") == "Mạng LAN độc lập" and value(key, "Number") == 7
    assert value(key, "Blob") == bytes(range(20)) and value(key, "List") == ["x", "y"]
    assert value(walk(root, r"A\C\0064"), "(default)") == datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)
    many = walk(root, "Many")
    assert many is not None and len(many.subkeys()) == 40
    assert many.subkeys()[0].last_write == datetime(2026, 1, 2, tzinfo=UTC)


def test_the_writer_is_deterministic(tmp_path: Path) -> None:
    assert sample(tmp_path / "a").read_bytes() == sample(tmp_path / "b").read_bytes()


def test_hivexsh_reads_the_hive_too(tmp_path: Path) -> None:
    if shutil.which("hivexsh") is None:
        from conftest import skip_or_fail  # fails instead of skipping in CI (BMNN_REQUIRE_ALL=1)

        skip_or_fail("hivexsh not installed (apt-get install libhivex-bin)")
    script = "cd A\\B\nlsval\n"
    result = subprocess.run(
        ["hivexsh", str(sample(tmp_path / "SOFTWARE"))],
        input=script,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and '"Number"=dword:00000007' in result.stdout
