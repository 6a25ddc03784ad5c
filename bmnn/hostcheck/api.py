"""One entry point for the CLI, the web app and the bench: collect → evaluate → report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .model import CheckVerdict, HostFacts
from .policy import Policy
from .report import build_report
from .rules import evaluate


@dataclass(frozen=True)
class CheckResult:
    facts: HostFacts
    verdicts: list[CheckVerdict]
    report: dict[str, Any]


def collect(*, root: Path | None = None, windows_image: Path | None = None) -> tuple[HostFacts, str]:
    """Facts about the target. No argument: the running system (Linux "/" or live Windows)."""
    if windows_image is not None:
        from .windows import collect_windows

        return collect_windows(windows_image), str(windows_image)
    if root is None and sys.platform == "win32":  # pragma: no cover - live Windows
        from .windows import collect_windows_live

        return collect_windows_live(), "live-windows"
    from .linux import collect_linux

    target = root or Path("/")
    return collect_linux(target, live=root is None), str(target)


def run_check(
    *,
    policy: Policy,
    root: Path | None = None,
    windows_image: Path | None = None,
    now: datetime | None = None,
) -> CheckResult:
    facts, target = collect(root=root, windows_image=windows_image)
    reference = now or facts.reference_time
    verdicts = evaluate(facts, policy, reference)
    return CheckResult(facts, verdicts, build_report(facts, policy, verdicts, target=target, now=now))
