"""`manage.py check --deploy` is clean in both modes (local mode silences only the TLS checks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import env_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("mode", [{}, {"BMNN_MODE": "lan", "BMNN_ALLOWED_HOSTS": "bmnn.so-xd.local"}])
def test_deploy_checks_pass(tmp_path, mode):
    env = env_for(tmp_path, DJANGO_SETTINGS_MODULE="config.settings", **mode)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
