"""SIGKILL during bulk registration, backup and restore (a few trials here; `bench/crash.py` runs
100 of each): no acknowledged entry lost, no gap or duplicate number, the ledger verifies, a backup
file is either absent or valid, a restore leaves the old or the new state, never a mix."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bmnn.ops import crash

pytestmark = pytest.mark.xdist_group("crash")


@pytest.mark.parametrize("scenario", ["register", "backup", "restore"])
def test_killed_processes_lose_nothing_committed(tmp_path: Path, scenario: str) -> None:
    result = crash.run(scenario, 2, tmp_path, random.Random(7))
    assert result.trials == 2
    assert not result.failures, result.failures
