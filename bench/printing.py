"""Time and peak memory to print a register book of N rows (default 10,000) to PDF and DOCX.

Run: .venv/bin/python bench/printing.py [ROWS]. Rows are generated in memory (no database), so the
numbers measure the renderers; peak memory is tracemalloc's peak of Python allocations.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from bmnn.forms.render.docx import render_docx
from bmnn.forms.render.pdf import render_pdf
from bmnn.forms.tests.sample import register_document


def render(fmt: str, rows: int, out: Path) -> int | None:
    doc = register_document("register.outgoing", rows, dt.date(2025, 6, 1))
    if fmt == "pdf":
        return render_pdf(doc, out)
    render_docx(doc, out)
    return None


def measure(fmt: str, rows: int) -> None:
    """Time without tracing (tracemalloc slows fpdf2 tenfold), then peak memory in a second run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"book.{fmt}"
        start = time.perf_counter()
        pages = render(fmt, rows, out)
        seconds = time.perf_counter() - start
        size = out.stat().st_size
        tracemalloc.start()
        render(fmt, rows, out)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    extra = f", {pages} trang" if pages else ""
    print(f"{fmt.upper():5} {rows:>7} dòng: {seconds:6.2f} s, bộ nhớ đỉnh {peak / 2**20:6.1f} MiB, "
          f"tệp {size / 2**20:5.1f} MiB{extra}")  # fmt: skip


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    for fmt in ("pdf", "docx"):
        measure(fmt, n)
