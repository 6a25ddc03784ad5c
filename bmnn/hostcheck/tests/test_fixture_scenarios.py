"""Every scripted connection and USB insertion in the fixtures is found; clean fixtures raise nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmnn.hostcheck.cli import main
from bmnn.hostcheck.tests.conftest import check, expected_of
from bmnn.hostcheck.tests.fixtures import linux_trees, windows_images

SCENARIOS = sorted([*linux_trees.SCENARIOS, *windows_images.SCENARIOS])


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_check_gets_the_expected_verdict(fixtures_dir: Path, name: str) -> None:
    result = check(fixtures_dir, name)
    got = {v.code: v.status.value for v in result.verdicts}
    assert got == expected_of(fixtures_dir, name)["verdicts"]


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_scripted_event_is_found_as_evidence(fixtures_dir: Path, name: str) -> None:
    evidence = check(fixtures_dir, name).report["evidence"]
    for wanted in expected_of(fixtures_dir, name)["must_find"]:
        matches = [
            e
            for e in evidence
            if e["kind"] == wanted["kind"] and all(e["attrs"].get(k) == v for k, v in wanted["attrs"].items())
        ]
        assert matches, f"{name}: not found {wanted}"


@pytest.mark.parametrize("name", ["linux_clean", "windows_clean"])
def test_clean_fixtures_raise_no_false_alarm(fixtures_dir: Path, name: str) -> None:
    result = check(fixtures_dir, name)
    kinds = {e["kind"] for e in result.report["evidence"]}
    assert not kinds & set(expected_of(fixtures_dir, name)["evidence_kinds_forbidden"])
    assert all(v.status.value in ("PASS", "UNKNOWN") for v in result.verdicts)
    assert [v.code for v in result.verdicts if v.status.value == "UNKNOWN"] == (
        ["currently_connected"] if name.startswith("windows") else []
    )


@pytest.mark.parametrize("name", ["linux_usb", "windows_usb"])
def test_only_unapproved_usb_sticks_fail(fixtures_dir: Path, name: str) -> None:
    result = check(fixtures_dir, name)
    usb = next(v for v in result.verdicts if v.code == "usb_storage_history")
    failing = sorted(result.report["evidence"][i]["attrs"]["serial"] for i in usb.evidence_ids)
    assert failing == sorted(expected_of(fixtures_dir, name)["failing_usb_serials"])


@pytest.mark.parametrize("name", ["linux_lan_approved", "windows_lan_approved"])
def test_an_approved_lan_still_fails_under_the_strict_2018_regime(fixtures_dir: Path, name: str) -> None:
    result = check(fixtures_dir, name, policy={})
    got = {v.code: v.status.value for v in result.verdicts}
    for code, status in expected_of(fixtures_dir, name)["strict_2018_verdicts"].items():
        assert got[code] == status


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_cli_exit_code_follows_the_verdicts(
    fixtures_dir: Path, name: str, capsys: pytest.CaptureFixture
) -> None:
    flag = "--windows-image" if name.startswith("windows") else "--root"
    code = main(
        [
            flag,
            str(fixtures_dir / name / "root"),
            "--policy",
            str(fixtures_dir / name / "policy.json"),
            "--now",
            "2026-03-01T00:00:00Z",
        ]
    )
    assert code == expected_of(fixtures_dir, name)["exit"]
