import datetime as dt

import pytest

from bmnn.lib.testing import make_agency, make_unit, make_user
from bmnn.registry.models import ItemStatus, SecretItem

TODAY = dt.date(2026, 4, 10)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("bmnn.lib.clock.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def org(db):
    agency = make_agency("Sở Nội vụ tỉnh Thử")
    unit_a, unit_b = make_unit(agency, "A", "Phòng Tổng hợp"), make_unit(agency, "B", "Phòng B")
    users = {
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "clerk": make_user(agency, "clerk", role="clerk", clearance="secret", unit=unit_a),
        "officer": make_user(agency, "officer", role="security_officer", clearance="top_secret", unit=unit_a),
        "staff": make_user(agency, "staff", role="staff", clearance="secret", unit=unit_b),
        "low": make_user(agency, "low", role="staff", clearance="confidential", unit=unit_b),
        "lowclerk": make_user(agency, "lowclerk", role="clerk", clearance="confidential", unit=unit_a),
        "inspector": make_user(agency, "inspector", role="inspector", clearance="secret"),
        "admin": make_user(agency, "admin", role="admin", clearance="top_secret"),
    }
    other = make_user(make_agency("Sở Khác"), "outsider", role="clerk", clearance="top_secret")
    return {"agency": agency, "unit_a": unit_a, "unit_b": unit_b, "users": users, "outsider": other}


@pytest.fixture
def make_item(org):
    def make(level="secret", number="15/CV-SXD", summary="Kế hoạch sáp nhập phòng", holder="clerk", **kw):
        return SecretItem.objects.create(
            agency=org["agency"],
            document_type=kw.pop("document_type", "Công văn"),
            number=number,
            date=kw.pop("date", dt.date(2026, 4, 1)),
            summary="" if level == "top_secret" else summary,
            initial_level=level,
            level=level,
            status=ItemStatus.CLASSIFIED,
            regime="2025",
            classified_on=dt.date(2026, 4, 1),
            custodian=org["users"][holder] if holder else None,
            **kw,
        )

    return make
