"""Sample records for the demo agency, created through the same services a user's clicks go through
(so every one is ledgered and obeys the rules): a few classified items, an outgoing and an incoming
registration, a handover waiting for its receiver, a recorded copy permission, a drafting computer.

All of it belongs to the demo agency, whose name says DỮ LIỆU MẪU; nothing here is real.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.accounts.models import User
from bmnn.catalog.models import CatalogItem
from bmnn.lib import clock
from bmnn.registry.models import SecretItem
from bmnn.registry.services import create_item
from bmnn.registry.services.common import ItemInput

ITEMS = [  # level, document type, number, summary (none for Tuyệt mật), copies
    (
        "secret",
        "Đề án",
        "15/ĐA-SXD",
        "Đề án sắp xếp, tổ chức lại các đơn vị sự nghiệp thuộc Sở (chưa công khai)",
        3,
    ),
    ("confidential", "Báo cáo", "42/BC-SXD", "Báo cáo tình hình quản lý quy hoạch khu vực biên giới", 2),
    ("top_secret", "Kế hoạch", "03/KH-SXD", "", 1),
]


def _users() -> dict[str, Any]:
    return {u.username: u for u in User.objects.filter(is_demo=True, is_active=True)}


@transaction.atomic
def load_demo_content() -> int:
    """Create the sample records once (nothing if the demo agency already has items). Returns how many
    items were created."""
    users = _users()
    head, clerk = users.get("demo.head"), users.get("demo.clerk")
    if head is None or clerk is None or SecretItem.objects.filter(agency=head.agency).exists():
        return 0
    today = clock.today()
    start = today - dt.timedelta(days=20)
    made = [
        _item(head, level, kind, number, summary, copies, start)
        for level, kind, number, summary, copies in ITEMS
    ]
    items = [i for i in made if i is not None]
    _registers(users, items, start)
    _copies(users, items, start)
    _device(users, start)
    return len(items)


def _item(
    head: Any, level: str, kind: str, number: str, summary: str, copies: int, on: dt.date
) -> SecretItem | None:
    basis = CatalogItem.objects.filter(level=level, catalog__agency__isnull=True).order_by("pk").first()
    if basis is None:
        return None
    return create_item(
        actor=head,
        data=ItemInput(
            kind="paper_document", level=level, basis_ids=[basis.pk], classified_on=on, document_type=kind,
            number=number, date=on, issuing_body=head.agency.name, summary=summary, copies=copies,
        ),
    )  # fmt: skip


def _registers(users: dict[str, Any], items: list[SecretItem], start: dt.date) -> None:
    from bmnn.registers.services.handover import hand_over
    from bmnn.registers.services.incoming import IncomingInput, register_incoming
    from bmnn.registers.services.outgoing import OutgoingInput, register_outgoing

    clerk, staff = users["demo.clerk"], users.get("demo.unithead")
    mat = next((i for i in items if i.level == "confidential"), None)
    if mat is not None:
        register_outgoing(
            actor=clerk,
            data=OutgoingInput(
                item_id=mat.pk, date=start + dt.timedelta(days=1), recipients=["UBND tỉnh Mẫu", "Lưu: VT"],
                signer="Trần Minh Đức", storage_unit="Văn phòng Sở", quantity=2,
            ),
        )  # fmt: skip
    incoming = register_incoming(
        actor=clerk,
        data=IncomingInput(
            arrival_date=start + dt.timedelta(days=2), issuing_body="Công an tỉnh Mẫu (DỮ LIỆU MẪU)",
            number="118/CAT-PA03", doc_date=start, document_type="Công văn", level="secret",
            summary="Hướng dẫn tự kiểm tra công tác bảo vệ BMNN năm nay",
        ),
    )  # fmt: skip
    if staff is not None and incoming.item is not None:
        hand_over(actor=clerk, item=incoming.item, to_user=staff, on=start + dt.timedelta(days=3))


def _copies(users: dict[str, Any], items: list[SecretItem], start: dt.date) -> None:
    from bmnn.movements.services.copying import record_copy

    secret = next((i for i in items if i.level == "secret"), None)
    if secret is None:
        return
    record_copy(
        actor=users["demo.clerk"], item=secret, kind="sao_y", quantity=2,
        recipients=["Phòng Quản lý xây dựng", "Lưu: VT"], authoriser=users["demo.head"],
        permission_ref="Phiếu trình số 07/PT-VP (DỮ LIỆU MẪU)", authorised_on=start + dt.timedelta(days=4),
        performed_on=start + dt.timedelta(days=4),
    )  # fmt: skip


def _device(users: dict[str, Any], start: dt.date) -> None:
    from bmnn.assets.services.devices import register_device, seal_device

    officer = users.get("demo.security")
    if officer is None:
        return
    device = register_device(
        actor=officer, agency=officer.agency, kind="desktop", asset_tag="SXD-MT-001 (MẪU)", purpose="drafting",
        network_status="standalone", macs=["02:00:5e:10:00:01"], serials=["DEMO-SN-0001"],
        hostname="VT-SOANTHAO", location="Phòng Văn thư", holder=users.get("demo.clerk"), on=start,
    )  # fmt: skip
    seal_device(
        actor=officer, device=device, number="TEM-MAU-0001", sealed_on=start, sealed_by="Phạm Quốc Bảo"
    )
