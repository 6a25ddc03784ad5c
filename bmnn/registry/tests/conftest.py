import datetime as dt

import pytest

from bmnn.catalog.models import Catalog, CatalogItem
from bmnn.lib.testing import make_agency, make_unit, make_user


@pytest.fixture
def catalog_items(db):
    catalog = Catalog.objects.create(
        decision="2500/QĐ-TTg",
        signed_on=dt.date(2025, 11, 17),
        source="starter",
        valid_from=dt.date(2020, 1, 1),
    )
    make = lambda level, art, cl, pt, text: CatalogItem.objects.create(  # noqa: E731
        catalog=catalog, level=level, article=art, clause=cl, point=pt, text=text
    )
    return {
        "top_secret": make("top_secret", "1", "", "", "Văn bản về nhân sự chưa công khai"),
        "secret": make(
            "secret",
            "2",
            "1",
            "b",
            "Đề án thành lập mới, sáp nhập, hợp nhất bộ khi chưa được Quốc hội thông qua",
        ),
        "confidential": make("confidential", "3", "1", "a", "Báo cáo tình hình lao động chưa công khai"),
    }


@pytest.fixture
def org(db):
    agency = make_agency("Sở Nội vụ tỉnh Thử")
    unit_a, unit_b = make_unit(agency, "A", "Phòng A"), make_unit(agency, "B", "Phòng B")
    users = {
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "deputy": make_user(agency, "deputy", role="deputy", clearance="secret"),
        "clerk": make_user(agency, "clerk", role="clerk", clearance="secret", unit=unit_a),
        "drafter": make_user(agency, "drafter", role="staff", clearance="secret", unit=unit_a),
        "peer": make_user(agency, "peer", role="staff", clearance="secret", unit=unit_a),
        "stranger": make_user(agency, "stranger", role="staff", clearance="top_secret", unit=unit_b),
        "low": make_user(agency, "low", role="clerk", clearance="confidential", unit=unit_a),
        "inspector": make_user(agency, "inspector", role="inspector", clearance="secret"),
        "admin": make_user(agency, "admin", role="admin", clearance="top_secret"),
    }
    other = make_user(make_agency("Sở Khác"), "outsider", role="head", clearance="top_secret")
    return {"agency": agency, "unit_a": unit_a, "unit_b": unit_b, "users": users, "outsider": other}
