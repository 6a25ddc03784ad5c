"""``bmnn classify-suggest FILE | --text TEXT [--json] [--top N] [--catalog FILE]``.

Prints the Danh mục items a document matches, with citation, level and matched phrases, or an
explicit "no match". Exit status: 0 answered (match or no match), 2 the document could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bmnn.assistant.entries import LEVEL_LABELS, load_catalog
from bmnn.assistant.index import build_index
from bmnn.assistant.reading import UnreadableDocument, read_document
from bmnn.assistant.semantic import load_reranker
from bmnn.assistant.suggest import SuggestResult, suggest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bmnn classify-suggest", description="Gợi ý căn cứ danh mục BMNN.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="tệp .txt, .docx hoặc .pdf")
    source.add_argument("--text", help="nội dung văn bản")
    parser.add_argument("--json", action="store_true", help="chỉ in JSON ra stdout")
    parser.add_argument("--top", type=int, default=5, help="số gợi ý tối đa (mặc định 5)")
    parser.add_argument("--catalog", help="tệp danh mục JSON (mặc định: danh mục khởi tạo)")
    args = parser.parse_args(argv)
    try:
        text = args.text if args.text is not None else read_document(args.file)
    except UnreadableDocument as exc:
        print(f"Không thể kiểm tra: {exc}", file=sys.stderr)
        return 2
    index = build_index(load_catalog(args.catalog))
    result = suggest(index, text, top=max(args.top, 1), reranker=load_reranker())
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=1))
    else:
        print(render(result))
    return 0


def to_json(result: SuggestResult) -> dict[str, Any]:
    return {
        "suggestions": [
            {
                "catalog": s.entry.decision,
                "item": s.entry.id,
                "level": s.entry.level,
                "citation": s.citation,
                "score": s.score,
                "confidence": s.confidence,
                "matched": list(s.matched),
                "text": s.entry.text,
            }
            for s in result.suggestions
        ],
        "level": result.level,
        "period_years": result.period_years,
        "no_match": result.no_match,
        "excluded": [
            {
                "catalog": x.entry.decision,
                "item": x.entry.id,
                "citation": x.entry.citation,
                "reason": x.reason_vi,
            }
            for x in result.excluded
        ],
    }


def render(result: SuggestResult) -> str:
    if result.no_match:
        lines = ["Không có mục nào trong danh mục khớp đủ tin cậy với văn bản này."]
    else:
        assert result.level is not None
        lines = [f"Độ mật đề xuất: {LEVEL_LABELS[result.level]} (thời hạn bảo vệ {result.period_years} năm)"]
    for number, s in enumerate(result.suggestions, start=1):
        lines.append(f"{number}. {s.citation} — {LEVEL_LABELS[s.entry.level]} — tin cậy {s.confidence:.0%}")
        lines.append(f"   {s.entry.text}")
        lines.append(f"   khớp: {'; '.join(s.matched)}")
    for x in result.excluded:
        lines.append(f"Loại trừ {x.entry.citation}: {x.reason_vi}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
