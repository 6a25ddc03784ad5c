"""How results read on the page: Vietnamese labels, a colour class per verdict, findings in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bmnn.scanner import FileResult, ScanReport, Verdict
from bmnn.scanner.model import LEVEL_LABELS, LOC_SEP, VERDICT_LABELS

# CANNOT_VERIFY has its own warning colour: it is never shown the way a clean file is.
VERDICT_CSS = {
    Verdict.SECRET: "verdict-secret",
    Verdict.CANNOT_VERIFY: "verdict-cannot",
    Verdict.SUSPECT: "verdict-suspect",
    Verdict.DECLASSIFIED: "verdict-declassified",
    Verdict.CLEAN: "verdict-clean",
}
VERDICT_ADVICE = {
    Verdict.SECRET: "Không được phát hành, gửi thư điện tử hay chép ra ngoài.",
    Verdict.CANNOT_VERIFY: "Chưa kiểm tra được: không coi là sạch; người có trách nhiệm phải xem trực tiếp.",
    Verdict.SUSPECT: "Cần người có thẩm quyền xem xét trước khi phát hành.",
    Verdict.DECLASSIFIED: "Tài liệu đã giải mật: kiểm tra quyết định giải mật trước khi phát hành.",
    Verdict.CLEAN: "Không phát hiện dấu hiệu bí mật nhà nước.",
}
ORDER = [Verdict.SECRET, Verdict.CANNOT_VERIFY, Verdict.SUSPECT, Verdict.DECLASSIFIED, Verdict.CLEAN]


@dataclass(frozen=True)
class FileView:
    name: str
    verdict: str
    label: str
    css: str
    advice: str
    level_label: str
    size: int
    findings: list[dict[str, Any]]
    problems: list[dict[str, Any]]


def file_view(result: FileResult) -> FileView:
    findings = [
        {
            "message": f.message,
            "rule": f.rule_id,
            "confidence": round(f.confidence * 100),
            "location": LOC_SEP.join(f.loc),
            "snippet": f.snippet,
            "citation": f.citation,
            "level_label": LEVEL_LABELS[f.level] if f.level else "",
            "fingerprint": f.fingerprint,
        }
        for f in result.findings
    ]
    problems = [{"message": p.message, "location": LOC_SEP.join(p.loc)} for p in result.problems]
    return FileView(
        name=result.path,
        verdict=str(result.verdict),
        label=VERDICT_LABELS[result.verdict],
        css=VERDICT_CSS[result.verdict],
        advice=VERDICT_ADVICE[result.verdict],
        level_label=LEVEL_LABELS[result.level] if result.level else "",
        size=result.size,
        findings=findings,
        problems=problems,
    )


def summary_view(report: ScanReport) -> list[dict[str, Any]]:
    counts = report.summary()["by_verdict"]
    return [
        {"label": VERDICT_LABELS[v], "css": VERDICT_CSS[v], "count": counts[str(v)], "verdict": str(v)}
        for v in ORDER
        if counts[str(v)]
    ]
