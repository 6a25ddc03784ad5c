"""`bmnn plan import FILE [--json] [--save --as USERNAME] [--on DD/MM/YYYY]`.

``--save`` stores the plan in the database as the user named by ``--as`` (who must manage plans);
without ``--as`` or when it cannot be saved, it says why and exits 2.
With ``--json`` stdout carries only JSON; messages go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bmnn.legal import check_in_force, default_library
from bmnn.plans.importing import ParsedPlan, PlanImportError, import_plan_file

EXIT_OK, EXIT_IMPORT_ERROR, EXIT_NEEDS_APP = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command != "import":
        _parser().print_help(sys.stderr)
        return EXIT_IMPORT_ERROR
    try:
        plan = import_plan_file(args.file)
    except PlanImportError as error:
        print(f"Lỗi: {error.message_vi}", file=sys.stderr)
        return EXIT_IMPORT_ERROR
    on_date = args.on or plan.issued_on
    data = plan_json_with_checks(plan, on_date)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_summary(plan, data))
    if args.save:
        return _save(data, args)
    return EXIT_OK


def _save(data: dict[str, Any], args: argparse.Namespace) -> int:
    if not args.as_user:
        print(
            "Lưu kế hoạch vào ứng dụng cần --as TÊN_ĐĂNG_NHẬP (người được quản lý kế hoạch).", file=sys.stderr
        )
        return EXIT_NEEDS_APP
    from bmnn.plans.saving import SaveError, save_from_cli

    try:
        plan_id = save_from_cli(data, username=args.as_user, source_name=args.file.name)
    except SaveError as error:
        print(f"Không lưu được kế hoạch vào ứng dụng: {error}", file=sys.stderr)
        return EXIT_NEEDS_APP
    print(f"Đã lưu kế hoạch (mã {plan_id}).", file=sys.stderr)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bmnn plan", description="Nhập kế hoạch công tác bảo vệ BMNN.")
    sub = parser.add_subparsers(dest="command")
    imp = sub.add_parser("import", help="Đọc tệp kế hoạch (.docx, .odt, .pdf, .txt)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--json", action="store_true", help="In kết quả dạng JSON ra stdout")
    imp.add_argument("--save", action="store_true", help="Lưu vào CSDL của ứng dụng")
    imp.add_argument(
        "--as", dest="as_user", metavar="USERNAME", help="Người dùng thực hiện việc lưu (--save)"
    )
    imp.add_argument("--on", type=_vn_date, help="Ngày dùng để kiểm tra hiệu lực văn bản (dd/mm/yyyy)")
    return parser


def _vn_date(value: str) -> date:
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"Ngày không hợp lệ: {value} (cần dd/mm/yyyy)") from error


def plan_json_with_checks(plan: ParsedPlan, on_date: date | None) -> dict[str, Any]:
    """The plan JSON plus, per reference, the library match and in-force flags."""
    data = plan.to_json()
    library = default_library()
    for ref, ref_json in zip(plan.legal_refs, data["legal_refs"], strict=True):
        ref_json["library"] = [text.label() for text in library.resolve(ref, on_date)]
        violations = check_in_force(ref, on_date, library) if on_date else []
        ref_json["flags"] = [{"code": v.code, "message": v.message_vi, "basis": v.basis} for v in violations]
    data["checked_on"] = on_date.isoformat() if on_date else None
    return data


def render_summary(plan: ParsedPlan, data: dict[str, Any]) -> str:
    lines = [
        f"Số, ký hiệu: {plan.number or '—'}   Ngày: {_fmt(plan.issued_on)}",
        f"Nơi ban hành: {plan.place or '—'}",
        f"Cơ quan ban hành: {plan.issuer or '—'}",
        f"Tiêu đề: {plan.title or '—'}",
        f"Người ký: {plan.signer or '—'} ({plan.signer_title or '—'})",
        f"Các phần: {len(plan.sections)}; nhiệm vụ: {len(plan.tasks())}; nơi nhận: {len(plan.recipients)}",
        "Văn bản viện dẫn:",
    ]
    for ref in data["legal_refs"]:
        name = ref["number"] or ref["title"] if ref["number"] else ref["title"]
        lines.append(
            f"  - {ref['kind_vi'] + ' ' if ref['number'] else ''}{name} {ref['date'] or ''}".rstrip()
        )
        lines.extend(f"      ! {flag['message']}" for flag in ref.get("flags", []))
    lines.append("Thời hạn:")
    lines.extend(f"  - {d['task']}: {d['text']} → {d['date'] or d['kind']}" for d in data["deadlines"])
    lines.extend(f"Cảnh báo: {warning}" for warning in plan.warnings)
    lines.extend(f"Chưa hiểu ({item.where}): {item.text}" for item in plan.unparsed)
    return "\n".join(lines)


def _fmt(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"
