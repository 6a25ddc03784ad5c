import datetime as dt

import pytest

from bmnn.lib.testing import make_agency, make_unit, make_user
from bmnn.registry.models import SecretItem


@pytest.fixture
def org(db):
    agency = make_agency("Sở Thử Sự Cố")
    unit_a, unit_b = make_unit(agency, "A", "Phòng A"), make_unit(agency, "B", "Phòng B")
    users = {
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "deputy": make_user(agency, "deputy", role="deputy", clearance="secret"),
        "security": make_user(
            agency, "security", role="security_officer", clearance="top_secret", unit=unit_a
        ),
        "clerk": make_user(agency, "clerk", role="clerk", clearance="confidential", unit=unit_a),
        "drafter": make_user(agency, "drafter", role="staff", clearance="secret", unit=unit_a),
        "peer": make_user(agency, "peer", role="staff", clearance="secret", unit=unit_a),
        "inspector": make_user(agency, "inspector", role="inspector", clearance="secret"),
        "low_inspector": make_user(agency, "lowinsp", role="inspector", clearance="confidential"),
        "admin": make_user(agency, "admin", role="admin", clearance="top_secret"),
    }
    outsider = make_user(make_agency("Sở Khác"), "outsider", role="head", clearance="top_secret")
    return {"agency": agency, "unit_a": unit_a, "unit_b": unit_b, "users": users, "outsider": outsider}


def make_item(
    org, level="secret", *, unit=None, number="01/BC", drafter=None, status="classified", ends=None
):
    return SecretItem.objects.create(
        agency=org["agency"],
        level=level,
        initial_level=level,
        document_type="Báo cáo",
        number=number,
        drafting_unit=unit or org["unit_a"],
        drafter=drafter,
        status=status,
        classified_on=dt.date(2026, 4, 1),
        protection_ends_on=ends or dt.date(2046, 3, 31),
    )


@pytest.fixture
def item_factory(org):
    return lambda **kw: make_item(org, **kw)
