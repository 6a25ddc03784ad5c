"""Hostile input: mutate real samples and feed every outside-file parser; print executions,
documented refusals, crashes (unexpected exceptions or runs over the time limit) per target.

    python bench/fuzz.py [EXECUTIONS_PER_TARGET] [--samples ../shared/samples]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("BMNN_DATA_DIR", tempfile.mkdtemp(prefix="bmnn-fuzz-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> int:
    import django

    django.setup()
    from bmnn.ops import fuzz

    parser = argparse.ArgumentParser()
    parser.add_argument("executions", type=int, nargs="?", default=1000)
    parser.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "samples")
    args = parser.parse_args()
    total = crashes = 0
    print(f"{'target':<18} {'executions':>10} {'refused':>8} {'crashes':>8} {'exec/s':>8}")
    for target in fuzz.targets(args.samples):
        out = fuzz.run_target(target, args.executions)
        total, crashes = total + out.executions, crashes + len(out.crashes)
        rate = out.executions / out.seconds if out.seconds else 0.0
        print(f"{out.target:<18} {out.executions:>10} {out.refused:>8} {len(out.crashes):>8} {rate:>8.1f}")
        for line in out.crashes[:5]:
            print(f"    {line}")
    print(f"total: {total} executions, {crashes} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
