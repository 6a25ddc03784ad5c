"""Hostile input: damaged and random variants of real samples fed to every parser of outside files
(catalog import, plan import, scanner extractors, backup restore, roll-up package import). Each must
end in its documented refusal or a result: no other exception, no hang. ``bench/fuzz.py`` runs the
same harness for as long as you like."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmnn.ops import fuzz

ROOT = Path(__file__).resolve().parent.parent
# The repository's copies of the shared real samples, laid out as ../shared/samples is.
SAMPLES = {
    "plans": ROOT / "bmnn/plans/importing/tests/fixtures",
    "catalogs": ROOT / "bmnn/catalog/importing/tests/fixtures",
}


def _targets() -> dict[str, fuzz.Target]:
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="bmnn-samples-"))
    for name, folder in SAMPLES.items():
        (root / name).symlink_to(folder)
    return {t.name: t for t in fuzz.targets(root)}


TARGETS = _targets()


def test_every_outside_file_parser_is_fuzzed() -> None:
    assert len(TARGETS) >= 10, sorted(TARGETS)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_damaged_input_is_refused_cleanly(name: str) -> None:
    outcome = fuzz.run_target(TARGETS[name], executions=60, seed=11)
    assert outcome.executions == 60
    assert not outcome.crashes, "\n".join(outcome.crashes[:10])
