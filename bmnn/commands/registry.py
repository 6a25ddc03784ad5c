"""bmnn due · bmnn tick"""

from __future__ import annotations

import argparse

from bmnn.cli import CliError, err, print_json, require_schema


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "due", help="Hàng đợi thời hạn: hết hạn bảo vệ, hạn gia hạn, đề xuất, nghĩa vụ thông báo"
    )
    p.add_argument("--days", type=int, default=90)
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="Xem với mức tiếp cận của người dùng này (mặc định: chỉ số mục, độ mật và ngày)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_due)
    t = sub.add_parser("tick", help="Việc hằng ngày: tự động giải mật khi hết thời hạn bảo vệ")
    t.add_argument("--json", action="store_true")
    t.set_defaults(handler=cmd_tick)


def cmd_due(args: argparse.Namespace) -> int:
    from bmnn.accounts.models import User
    from bmnn.lib import clock
    from bmnn.registry import queries

    require_schema()
    today = clock.today()
    if args.as_user:
        user = User.objects.filter(username=args.as_user, is_active=True).first()
        if user is None:
            raise CliError(f"--as: không có người dùng đang hoạt động '{args.as_user}'.")
        rows = queries.due_queue(user, today=today, days=args.days)
        data = [
            {
                "kind": r.kind,
                "label": r.label,
                "due_on": r.due_on.isoformat(),
                "item": r.item.pk,
                "number": r.item.number,
                "level": r.item.level,
            }
            for r in rows
        ]
    else:
        data = [
            {"kind": r.kind, "due_on": r.due_on.isoformat(), "item": r.item.pk, "level": r.item.level}
            for r in queries.due_queue_all(today=today, days=args.days)
        ]
    if args.json:
        print_json({"today": today.isoformat(), "days": args.days, "rows": data})
        return 0
    for row in data:
        print(
            f"{row['due_on']}  {row['kind']:<20} #{row['item']:<8} {row['level']:<13} {row.get('number', '')}"
        )
    err(f"{len(data)} việc trong {args.days} ngày tới.")
    return 0


def cmd_tick(args: argparse.Namespace) -> int:
    from bmnn.lib import clock
    from bmnn.registry import services

    require_schema()
    done = services.apply_automatic_declassification(today=clock.today())
    if args.json:
        print_json({"declassified": [i.pk for i in done]})
    else:
        err(f"Tự động giải mật {len(done)} mục hết thời hạn bảo vệ.")
    return 0
