"""Gateway mode: files dropped in an outbox are scanned and moved to approved/ or blocked/.

Only CLEAN and DECLASSIFIED files are approved; SECRET, SUSPECT and CANNOT_VERIFY go to blocked/ for a
person to review. The JSON report is written next to each moved file (``<name>.bmnn-scan.json``).
A file still being written (size changing) is left for the next round.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from bmnn.scanner.engine import ScanOptions, scan_file
from bmnn.scanner.model import ScanReport, Verdict

APPROVED = "approved"
BLOCKED = "blocked"
REPORT_SUFFIX = ".bmnn-scan.json"
PASSING = {Verdict.CLEAN, Verdict.DECLASSIFIED}


def _pending(outbox: Path) -> list[Path]:
    skip = {outbox / APPROVED, outbox / BLOCKED}
    out = []
    for path in sorted(outbox.rglob("*")):
        if (
            path.is_file()
            and not any(s in path.parents for s in skip)
            and not path.name.endswith(REPORT_SUFFIX)
        ):
            out.append(path)
    return out


def _unique(target: Path) -> Path:
    candidate, n = target, 1
    while candidate.exists():
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
        n += 1
    return candidate


def process_once(outbox: Path, options: ScanOptions) -> ScanReport:
    """Scan and move every file currently in the outbox; return what was done."""
    report = ScanReport()
    for path in _pending(outbox):
        size = path.stat().st_size
        time.sleep(0.05)
        if not path.exists() or path.stat().st_size != size:
            continue  # still being written
        result = scan_file(path, options)
        folder = outbox / (APPROVED if result.verdict in PASSING else BLOCKED)
        target = _unique(folder / path.relative_to(outbox))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), str(target))
        result.path = str(target)
        single = ScanReport(files=[result])
        target.with_name(target.name + REPORT_SUFFIX).write_text(single.to_json(), encoding="utf-8")
        report.files.append(result)
        print(f"{result.verdict.upper():14} {path.name} → {folder.name}/", file=sys.stderr)
    return report


def run_gateway(
    outbox: Path, options: ScanOptions, watch: bool = False, interval: float = 5.0, jobs: int = 1
) -> int:
    if not outbox.is_dir():
        print(f"Lỗi: không có thư mục {outbox}", file=sys.stderr)
        return 2
    for sub in (APPROVED, BLOCKED):
        (outbox / sub).mkdir(exist_ok=True)
    report = process_once(outbox, options)
    while watch:
        time.sleep(interval)
        process_once(outbox, options)
    blocked = [f for f in report.files if f.verdict not in PASSING]
    return 1 if blocked else 0
