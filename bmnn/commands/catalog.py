"""bmnn catalog import FILE · bmnn catalog load-starter · bmnn catalog export FILE --catalog ID"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from bmnn.cli import CliError, err, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("catalog", help="Danh mục BMNN: nhập từ tệp, nạp danh mục mẫu, xuất Excel")
    csub = p.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    i = csub.add_parser("import", help="Nhập quyết định danh mục từ .txt, .docx, .xlsx")
    i.add_argument("file")
    i.add_argument("--dry-run", action="store_true", help="Chỉ đọc và báo cáo, không lưu")
    i.add_argument("--json", action="store_true")
    i.add_argument("--accept-problems", action="store_true", help="Vẫn nhập khi có dòng không hiểu được")
    i.add_argument("--decision", default="", help="Số quyết định nếu tệp không ghi")
    i.add_argument("--date", default="", help="Ngày ký YYYY-MM-DD nếu tệp không ghi")
    i.add_argument("--sector", default="")
    i.add_argument(
        "--agency", type=int, metavar="ID", help="Danh mục riêng của cơ quan (mặc định: dùng chung)"
    )
    i.set_defaults(handler=cmd_import)
    s = csub.add_parser("load-starter", help="Nạp danh mục mẫu theo tin công khai (chạy lại không nhân bản)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_load_starter)
    e = csub.add_parser("export", help="Xuất một danh mục ra .xlsx")
    e.add_argument("file")
    e.add_argument("--catalog", type=int, required=True, metavar="ID")
    e.set_defaults(handler=cmd_export)


def _report(parsed: Any) -> dict[str, Any]:
    return {
        "decision": parsed.decision,
        "date": parsed.date.isoformat() if parsed.date else None,
        "sector": parsed.sector,
        "items": [
            {"level": i.level, "article": i.article, "clause": i.clause, "point": i.point, "text": i.text}
            for i in parsed.items
        ],
        "problems": [
            {"line": p.line, "text": p.text, "code": p.code, "message": p.message_vi} for p in parsed.problems
        ],
    }


def _print_report(report: dict[str, Any]) -> None:
    print(f"Quyết định: {report['decision'] or '(không ghi)'} · {len(report['items'])} mục đọc được")
    for p in report["problems"]:
        print(f"  Dòng {p['line']}: {p['message']}" + (f" — “{p['text']}”" if p["text"] else ""))


def cmd_import(args: argparse.Namespace) -> int:
    from bmnn.catalog import services
    from bmnn.catalog.importing import parse_bytes
    from bmnn.catalog.models import CatalogSource
    from bmnn.lib.rules import RuleViolation
    from bmnn.org.models import Agency

    path = Path(args.file)
    try:
        parsed = parse_bytes(path.read_bytes(), path.name)
    except OSError as exc:
        raise CliError(f"Không đọc được tệp {path}: {exc.strerror}.") from exc
    try:
        signed_on = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError as exc:
        raise CliError(f"--date “{args.date}” không phải ngày dạng YYYY-MM-DD.") from exc
    agency = None
    if args.agency is not None:
        agency = Agency.objects.filter(pk=args.agency).first()
        if agency is None:
            raise CliError(f"Không có cơ quan #{args.agency}.")
    report: dict[str, Any] = {**_report(parsed), "saved": False, "catalog": None, "violations": []}
    if not args.dry_run:
        try:
            catalog = services.import_catalog(
                actor=None,
                parsed=parsed,
                filename=path.name,
                confirmed=args.accept_problems,
                agency=agency,
                source=CatalogSource.AGENCY if agency else CatalogSource.PUBLIC,
                decision=args.decision,
                signed_on=signed_on,
                sector=args.sector,
            )
            report.update(saved=True, catalog=catalog.pk)
        except RuleViolation as exc:
            report["violations"] = [v.as_dict() for v in exc.violations]
    return _finish_import(args, report)


def _finish_import(args: argparse.Namespace, report: dict[str, Any]) -> int:
    if args.json:
        print_json(report)
    else:
        _print_report(report)
        if report["saved"]:
            print(f"Đã lưu danh mục #{report['catalog']}.")
        for v in report["violations"]:
            err(f"Không nhập: {v['message']}")
        if args.dry_run:
            print("Chạy thử: không lưu gì.")
    if args.dry_run:
        return 1 if report["problems"] else 0
    return 0 if report["saved"] else 1


def cmd_load_starter(args: argparse.Namespace) -> int:
    from bmnn.catalog import services

    created = services.load_starter_catalog(actor=None)
    if args.json:
        print_json({"created": [{"id": c.pk, "decision": c.decision} for c in created]})
    elif created:
        print("Đã nạp danh mục mẫu: " + ", ".join(c.decision for c in created))
    else:
        print("Danh mục mẫu đã có; không nạp lại.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bmnn.catalog.exporting import catalog_xlsx
    from bmnn.catalog.models import Catalog

    catalog = Catalog.objects.filter(pk=args.catalog).first()
    if catalog is None:
        raise CliError(f"Không có danh mục #{args.catalog}.")
    try:
        Path(args.file).write_bytes(catalog_xlsx(catalog))
    except OSError as exc:
        raise CliError(f"Không ghi được tệp {args.file}: {exc.strerror}.") from exc
    print(f"Đã xuất danh mục {catalog.decision} ra {args.file}.")
    return 0
