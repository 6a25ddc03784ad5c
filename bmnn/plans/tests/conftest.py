from __future__ import annotations

from pathlib import Path

import pytest

from bmnn.lib.testing import make_agency, make_unit, make_user
from bmnn.plans import services
from bmnn.plans.cli import plan_json_with_checks
from bmnn.plans.importing import import_plan_file

FIXTURES = Path(__file__).resolve().parents[1] / "importing" / "tests" / "fixtures"
SAMPLE_2024 = FIXTURES / "ke-hoach-2024-so-xay-dung.txt"
SAMPLE_2021 = FIXTURES / "ke-hoach-2021-so-y-te.txt"


@pytest.fixture
def agency():
    return make_agency("Sở Xây dựng tỉnh Thử")


@pytest.fixture
def office(agency):
    return make_unit(agency, code="VP", name="Văn phòng Sở")


@pytest.fixture
def other_unit(agency):
    return make_unit(agency, code="TTr", name="Thanh tra Sở")


@pytest.fixture
def officer(agency):
    return make_user(agency, "baomat", role="security_officer", clearance="secret")


@pytest.fixture
def parsed_2024():
    plan = import_plan_file(SAMPLE_2024)
    return plan_json_with_checks(plan, plan.issued_on)


@pytest.fixture
def imported(agency, officer, parsed_2024):
    header = services.header_from_parsed(parsed_2024)
    return services.save_imported_plan(
        actor=officer, agency=agency, parsed=parsed_2024, header=header, task_edits={}, source_name="kh.txt"
    )
