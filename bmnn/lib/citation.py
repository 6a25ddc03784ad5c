"""How a Danh mục item is cited: "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg" (pure, no Django)."""

from __future__ import annotations


def format_citation(article: str, clause: str = "", point: str = "", decision: str | None = None) -> str:
    """The order Vietnamese documents cite in: điểm, khoản, Điều, then the decision."""
    parts = [f"điểm {point}" if point else "", f"khoản {clause}" if clause else "", f"Điều {article}"]
    if decision:
        parts.append(f"Quyết định {decision}")
    text = " ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]
