"""bmnn user create · disable · set-clearance"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bmnn.cli import LEVELS, ROLES, CliError, err, read_password_file

if TYPE_CHECKING:
    from bmnn.accounts.models import User
    from bmnn.org.models import Agency


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help="Quản lý người dùng (cho kịch bản)")
    usub = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    c = usub.add_parser("create", help="Tạo người dùng")
    c.add_argument("username")
    c.add_argument("--role", required=True, choices=ROLES)
    c.add_argument("--clearance", required=True, choices=LEVELS)
    c.add_argument("--unit", metavar="CODE")
    c.add_argument("--position", metavar="CODE")
    c.add_argument("--full-name", default="")
    c.add_argument("--agency", metavar="ID", type=int, help="Mặc định: cơ quan của bản cài đặt")
    c.add_argument("--password-file")
    c.set_defaults(handler=cmd_create)
    d = usub.add_parser("disable", help="Khóa tài khoản")
    d.add_argument("username")
    d.add_argument("--reason", default="Khóa bằng dòng lệnh")
    d.set_defaults(handler=cmd_disable)
    s = usub.add_parser("set-clearance", help="Đổi mức được tiếp cận BMNN")
    s.add_argument("username")
    s.add_argument("level", choices=LEVELS)
    s.add_argument("--reason", default="")
    s.set_defaults(handler=cmd_set_clearance)


def _agency(agency_id: int | None) -> Agency:
    from bmnn.org.models import Agency

    qs = Agency.objects.all()
    agency = qs.filter(pk=agency_id).first() if agency_id else qs.filter(is_demo=False).order_by("pk").first()
    if agency is None:
        raise CliError(
            "Chưa có cơ quan. Hãy chạy 'bmnn init' trước."
            if not agency_id
            else f"Không có cơ quan #{agency_id}."
        )
    return agency


def _user(username: str) -> User:
    from bmnn.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise CliError(f"Không có người dùng '{username}'.")
    return user


def cmd_create(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from bmnn.accounts import services
    from bmnn.org.models import Position, Unit

    agency = _agency(args.agency)
    unit = position = None
    if args.unit:
        unit = Unit.objects.filter(agency=agency, code=args.unit).first()
        if unit is None:
            raise CliError(f"--unit: không có đơn vị mã '{args.unit}' trong cơ quan.")
    if args.position:
        position = Position.objects.filter(agency=agency, code=args.position).first()
        if position is None:
            raise CliError(f"--position: không có chức vụ mã '{args.position}' trong cơ quan.")
    password = read_password_file(args.password_file, prompt=f"Mật khẩu cho {args.username}: ")
    try:
        user = services.create_user(
            actor=None,
            username=args.username,
            password=password,
            role=args.role,
            clearance=args.clearance,
            agency=agency,
            unit=unit,
            position=position,
            full_name=args.full_name,
        )
    except ValidationError as exc:
        raise CliError("Không tạo được người dùng: " + " ".join(exc.messages)) from exc
    err(
        f"Đã tạo người dùng {user.username} (vai trò {user.get_role_display()}, chức vụ {user.position or '—'})."
    )
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    from bmnn.accounts import services

    user = _user(args.username)
    services.set_active(actor=None, user=user, active=False, reason=args.reason)
    err(f"Đã khóa tài khoản {args.username}.")
    return 0


def cmd_set_clearance(args: argparse.Namespace) -> int:
    from bmnn.accounts import services

    user = _user(args.username)
    services.set_clearance(actor=None, user=user, clearance=args.level, reason=args.reason)
    err(f"Đã đặt mức tiếp cận của {args.username}: {args.level}.")
    return 0
