"""A realistic demo agency (a provincial Sở) with one user per role, clearly marked as demo data.

Removing it cannot erase the ledger (append-only by law and design): ``remove_demo`` disables
every demo account and deactivates the demo units and positions; their history stays provable.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from bmnn.accounts import services as accounts
from bmnn.accounts.models import User
from bmnn.audit.ledger import record
from bmnn.org import services as org
from bmnn.org.models import Agency, Position, Unit

DEMO_PASSWORD = "Demo@bmnn-2026"  # noqa: S105  (printed to the user on purpose: demo only)
AGENCY = "Sở Xây dựng tỉnh Mẫu (DỮ LIỆU MẪU)"

UNITS = [
    ("VP", "Văn phòng Sở"),
    ("QLXD", "Phòng Quản lý xây dựng"),
    ("KHTC", "Phòng Kế hoạch - Tài chính"),
    ("PTDT", "Phòng Phát triển đô thị"),
    ("TTR", "Thanh tra Sở"),
]
POSITIONS = [  # code, name, kind, unit
    ("CVP", "Chánh Văn phòng", "unit_head", "VP"),
    ("TP-QLXD", "Trưởng phòng Quản lý xây dựng", "unit_head", "QLXD"),
    ("TP-KHTC", "Trưởng phòng Kế hoạch - Tài chính", "unit_head", "KHTC"),
    ("CV", "Chuyên viên", "staff", None),
    ("VT", "Văn thư", "staff", "VP"),
]
USERS = [  # username, full name, role, clearance, unit, position
    ("demo.admin", "Nguyễn Văn Quản", "admin", "none", "VP", None),
    ("demo.head", "Trần Minh Đức", "head", "top_secret", None, None),
    ("demo.deputy", "Lê Thị Hồng Nhung", "deputy", "secret", None, None),
    ("demo.security", "Phạm Quốc Bảo", "security_officer", "top_secret", "VP", "CV"),
    ("demo.clerk", "Đỗ Thị Thu Hà", "clerk", "secret", "VP", "VT"),
    ("demo.unithead", "Vũ Đình Khải", "staff", "secret", "QLXD", "TP-QLXD"),
    ("demo.staff", "Hoàng Văn Mạnh", "staff", "confidential", "QLXD", "CV"),
    ("demo.inspector", "Bùi Thanh Tùng", "inspector", "secret", None, None),
]


@dataclass
class DemoLogin:
    username: str
    full_name: str
    role: str
    clearance: str


def demo_agency() -> Agency | None:
    return Agency.objects.filter(is_demo=True).order_by("pk").first()


@transaction.atomic
def load_demo() -> list[DemoLogin]:
    """Create the demo agency, or re-enable it after ``remove_demo``. Idempotent."""
    agency = demo_agency()
    if agency is None:
        agency = _create_demo_org()
    else:
        _reactivate(agency)
    return [DemoLogin(u, n, r, c) for u, n, r, c, _, _ in USERS]


def _create_demo_org() -> Agency:
    agency = org.create_agency(
        actor=None,
        name=AGENCY,
        level="provincial",
        short_name="SXD",
        governing_body="Ủy ban nhân dân tỉnh Mẫu",
        place="Thành phố Mẫu",
        is_demo=True,
    )
    units = {
        code: org.create_unit(actor=None, agency=agency, code=code, name=name, is_demo=True)
        for code, name in UNITS
    }
    positions = {
        code: org.create_position(
            actor=None,
            agency=agency,
            code=code,
            name=name,
            kind=kind,
            unit=units.get(unit) if unit else None,
            is_demo=True,
        )
        for code, name, kind, unit in POSITIONS
    }
    for username, full_name, role, clearance, unit, position in USERS:
        accounts.create_user(
            actor=None,
            username=username,
            password=DEMO_PASSWORD,
            role=role,
            clearance=clearance,
            agency=agency,
            unit=units.get(unit) if unit else None,
            position=positions.get(position) if position else None,
            full_name=full_name,
            is_demo=True,
        )
    return agency


def _reactivate(agency: Agency) -> None:
    users = User.objects.filter(agency=agency, is_demo=True, is_active=False)
    names = [u.username for u in users]
    users.update(is_active=True)
    Unit.objects.filter(agency=agency, is_demo=True).update(is_active=True)
    Position.objects.filter(agency=agency, is_demo=True).update(is_active=True)
    record(event="demo.enabled", actor=None, subject=agency, payload={"users": names})


@transaction.atomic
def remove_demo() -> int:
    agency = demo_agency()
    if agency is None:
        return 0
    users = list(
        User.objects.filter(agency=agency, is_demo=True, is_active=True).values_list("username", flat=True)
    )
    User.objects.filter(agency=agency, is_demo=True).update(is_active=False)
    Unit.objects.filter(agency=agency, is_demo=True).update(is_active=False)
    Position.objects.filter(agency=agency, is_demo=True).update(is_active=False)
    record(event="demo.disabled", actor=None, subject=agency, payload={"users": users})
    return len(users)
