import datetime as dt

import pytest

from bmnn.lib.testing import make_agency, make_unit, make_user
from bmnn.registry.models import SecretItem


@pytest.fixture
def people(db):
    agency = make_agency("Sở Nội vụ tỉnh Thử")
    unit_a, unit_b = make_unit(agency, "A", "Phòng A"), make_unit(agency, "B", "Phòng B")
    return {
        "agency": agency,
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "officer": make_user(agency, "officer", role="security_officer", clearance="secret"),
        "clerk": make_user(agency, "clerk", role="clerk", clearance="secret", unit=unit_a),
        "stranger": make_user(agency, "stranger", role="staff", clearance="top_secret", unit=unit_b),
        "unit_a": unit_a,
    }


@pytest.fixture
def item(people):
    # Test data set-up only; the application creates items through registry.services.
    return SecretItem.objects.create(
        agency=people["agency"], document_type="Báo cáo", number="12/BC-SNV", date=dt.date(2026, 3, 5),
        summary="Tình hình sáp nhập", level="secret", initial_level="secret", drafting_unit=people["unit_a"],
        classified_on=dt.date(2026, 3, 5), protection_ends_on=dt.date(2046, 3, 4), status="classified",
    )  # fmt: skip
