from __future__ import annotations

import pytest

from bmnn.catalog import services
from bmnn.catalog.models import Catalog
from bmnn.catalog.rules import ItemInput
from bmnn.lib.testing import make_agency, make_user


@pytest.fixture
def agency():
    return make_agency()


@pytest.fixture
def officer(agency):
    return make_user(agency, "baomat", role="security_officer", clearance="secret")


@pytest.fixture
def staff(agency):
    return make_user(agency, "chuyenvien", role="staff", clearance="confidential")


@pytest.fixture
def catalog(officer) -> Catalog:
    import datetime as dt

    return services.create_catalog(
        actor=officer,
        decision="2500/QĐ-TTg",
        signed_on=dt.date(2025, 11, 17),
        sector="Tổ chức, cán bộ",
        agency=officer.agency,
        items=[
            ItemInput("secret", "2", "1", "a", "Đề án sáp nhập, hợp nhất đơn vị hành chính chưa công khai"),
            ItemInput("confidential", "3", "1", "", "Kế hoạch tuyển dụng công chức chưa công bố"),
        ],
    )
