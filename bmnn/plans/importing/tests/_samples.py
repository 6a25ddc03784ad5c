from __future__ import annotations

from pathlib import Path

from bmnn.plans.importing import ParsedPlan, import_plan_file

# Copies of ../shared/samples/plans (real plans + DOCX/PDF made from them), so CI needs nothing else.
SAMPLES = Path(__file__).parent / "fixtures"
PLANS = ("ke-hoach-2021-so-y-te", "ke-hoach-2022-ubnd-xa", "ke-hoach-2024-so-xay-dung")
FORMATS = ("txt", "docx", "pdf")


def sample(name: str, ext: str) -> Path:
    path = SAMPLES / f"{name}.{ext}"
    assert path.exists(), path
    return path


_CACHE: dict[tuple[str, str], ParsedPlan] = {}


def load(name: str, ext: str) -> ParsedPlan:
    if (name, ext) not in _CACHE:
        _CACHE[(name, ext)] = import_plan_file(sample(name, ext))
    return _CACHE[(name, ext)]
