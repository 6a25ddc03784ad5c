"""`bmnn plan import FILE [--json] [--save]`."""

from __future__ import annotations

import json

import pytest

from bmnn.plans.cli import main
from bmnn.plans.importing.tests._samples import sample


def test_json_output_is_only_json_with_in_force_flags(capsys: pytest.CaptureFixture[str]) -> None:
    path = sample("ke-hoach-2022-ubnd-xa", "pdf")
    assert main(["import", str(path), "--json", "--on", "01/05/2026"]) == 0
    data = json.loads(capsys.readouterr().out)
    flagged = {ref["number"] for ref in data["legal_refs"] if ref["flags"]}
    assert {"26/2020/NĐ-CP", "24/2020/TT-BCA", "02"} <= flagged
    assert data["checked_on"] == "2026-05-01"


def test_plan_date_is_used_when_no_date_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(sample("ke-hoach-2022-ubnd-xa", "txt")), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not any(ref["flags"] for ref in data["legal_refs"] if ref["number"] == "26/2020/NĐ-CP")


def test_save_without_the_app_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(sample("ke-hoach-2021-so-y-te", "docx")), "--save"]) == 2
    assert "ứng dụng" in capsys.readouterr().err


def test_unreadable_file_gives_a_vietnamese_error_and_exit_1(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    assert main(["import", str(bad)]) == 1
    assert "hỏng" in capsys.readouterr().err
