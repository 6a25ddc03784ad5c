import pytest

from bmnn.lib.testing import make_agency, make_unit, make_user


@pytest.fixture
def org(db):
    agency = make_agency("Sở Nội vụ tỉnh Thử")
    unit = make_unit(agency, "A", "Phòng A")
    users = {
        "security": make_user(agency, "security", role="security_officer", clearance="secret", unit=unit),
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "staff": make_user(agency, "staff", role="staff", clearance="confidential", unit=unit),
        "inspector": make_user(agency, "inspector", role="inspector", clearance="secret"),
    }
    other = make_user(make_agency("Sở Khác"), "outsider", role="security_officer", clearance="secret")
    return {"agency": agency, "unit": unit, "users": users, "outsider": other}
