"""A self-contained HTML report of a scan (print it to PDF from a browser if a PDF is needed)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from bmnn.scanner.model import LEVEL_LABELS, LOC_SEP, VERDICT_LABELS, ScanReport, Verdict

_COLOURS = {
    Verdict.SECRET: "#b00020",
    Verdict.CANNOT_VERIFY: "#8a4b00",
    Verdict.SUSPECT: "#b36b00",
    Verdict.DECLASSIFIED: "#1b5e20",
    Verdict.CLEAN: "#1b5e20",
}


def render_html(report: ScanReport, now: datetime | None = None) -> str:
    now = now or datetime.now()
    rows = []
    for r in report.files:
        level = LEVEL_LABELS[r.level] if r.level else ""
        details = "".join(
            f"<li>{escape(f.message)} <small>[{escape(f.rule_id)} · {f.confidence:.2f} · "
            f"{escape(LOC_SEP.join(f.loc))} · {escape(f.fingerprint)}]</small><br><code>{escape(f.snippet)}</code></li>"
            for f in r.findings
        ) + "".join(
            f"<li>⚠ {escape(p.message)} <small>{escape(LOC_SEP.join(p.loc))}</small></li>" for p in r.problems
        )
        rows.append(
            f"<tr><td>{escape(r.path)}</td><td style='color:{_COLOURS[r.verdict]};font-weight:bold'>"
            f"{escape(VERDICT_LABELS[r.verdict])}</td><td>{escape(level)}</td><td><ul>{details}</ul></td></tr>"
        )
    summary = ", ".join(
        f"{VERDICT_LABELS[Verdict(k)]}: {v}" for k, v in report.summary()["by_verdict"].items()
    )
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Báo cáo rà soát tệp trước khi phát hành</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}code{{white-space:pre-wrap}}</style></head><body>
<h1>Báo cáo rà soát tệp trước khi phát hành</h1>
<p>Thời điểm: {now:%d/%m/%Y %H:%M}. Số tệp: {len(report.files)}. {escape(summary)}</p>
<p>“Không kiểm tra được” không có nghĩa là sạch: tệp phải được người có trách nhiệm xem trực tiếp.</p>
<table><tr><th>Tệp</th><th>Kết luận</th><th>Độ mật</th><th>Chi tiết</th></tr>{"".join(rows)}</table>
</body></html>"""


def write_html(report: ScanReport, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")
