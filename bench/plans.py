"""Plan import time per document (issue #6 goal: ≤ 1 s for a 20-page plan).

Run: .venv/bin/python bench/plans.py
Measures the seed plans (.txt/.docx/.pdf) and a synthetic ~20-page plan built by
repeating the seed's sections, written as .txt, .docx and (if a TTF font with
Vietnamese glyphs is found) .pdf. Prints the median of several runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bmnn.plans.importing import import_plan_file  # noqa: E402

SAMPLES = ROOT / "bmnn/plans/importing/tests/fixtures"
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "C:/Windows/Fonts/times.ttf")
RUNS = 5


def timed(path: Path) -> tuple[float, int]:
    import_plan_file(path)  # warm-up: lazy imports are not per-document cost
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        plan = import_plan_file(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(plan.tasks())


def synthetic_lines(pages: int = 20) -> list[str]:
    """Header/preamble of the commune plan, its section II repeated, then the sign-off."""
    lines = (SAMPLES / "ke-hoach-2022-ubnd-xa.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("II."))
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("III."))
    body = [line for line in lines[start + 1 : end] if line.strip()]
    out = [line for line in lines[: start + 1] if line.strip()]
    # ~45 lines of 80 chars per page; the section body is ~90 non-empty lines.
    for _ in range(max(1, pages * 45 // len(body))):
        out.extend(body)
    out.extend(line for line in lines[end:] if line.strip())
    return out


def write_formats(folder: Path, lines: list[str]) -> list[Path]:
    txt = folder / "plan-20p.txt"
    txt.write_text("\n".join(lines), encoding="utf-8")
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    docx_path = folder / "plan-20p.docx"
    document.save(str(docx_path))
    paths = [txt, docx_path]
    font = next((f for f in FONTS if Path(f).exists()), None)
    if font:
        from fpdf import FPDF

        pdf = FPDF(format="A4")
        pdf.add_font("vn", fname=font)
        pdf.set_font("vn", size=12)
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf_path = folder / "plan-20p.pdf"
        pdf.output(str(pdf_path))
        paths.append(pdf_path)
        print(f"synthetic PDF pages: {pdf.page_no()}")
    return paths


def main() -> int:
    print(f"{'document':40} {'median ms':>10} {'tasks':>6}")
    for path in sorted(SAMPLES.iterdir()):
        seconds, tasks = timed(path)
        print(f"{path.name:40} {seconds * 1000:10.1f} {tasks:6d}")
    with tempfile.TemporaryDirectory() as folder:
        for path in write_formats(Path(folder), synthetic_lines()):
            seconds, tasks = timed(path)
            verdict = "OK" if seconds <= 1.0 else "SLOW (goal ≤ 1 s)"
            print(f"{path.name:40} {seconds * 1000:10.1f} {tasks:6d}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
