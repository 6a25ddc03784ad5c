from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bmnn.hostcheck.api import CheckResult, run_check
from bmnn.hostcheck.policy import policy_from_dict
from bmnn.hostcheck.tests.fixtures.builder import build
from bmnn.hostcheck.tests.fixtures.common import NOW


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostcheck-fixtures")
    build(out)
    return out


def expected_of(fixtures_dir: Path, name: str) -> dict[str, Any]:
    return json.loads((fixtures_dir / name / "expected.json").read_text("utf-8"))


def check(fixtures_dir: Path, name: str, policy: dict[str, Any] | None = None) -> CheckResult:
    expected = expected_of(fixtures_dir, name)
    chosen = policy_from_dict(expected["policy"] if policy is None else policy)
    root = fixtures_dir / name / "root"
    if name.startswith("windows"):
        return run_check(policy=chosen, windows_image=root, now=NOW)
    return run_check(policy=chosen, root=root, now=NOW)
