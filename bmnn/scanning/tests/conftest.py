import datetime as dt
import io

import pytest

from bmnn.catalog.models import Catalog, CatalogItem
from bmnn.lib.testing import make_agency, make_user
from bmnn.registry.models import ItemStatus, SecretItem


@pytest.fixture
def org(db):
    agency = make_agency("Sở Thử")
    users = {
        "staff": make_user(agency, "staff", role="staff", clearance="confidential"),
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "none": make_user(agency, "plain", role="staff", clearance="none"),
    }
    return {"agency": agency, "users": users}


@pytest.fixture
def registered(org):
    """A Tối mật item of the agency whose number must be caught in uploads (fixture rows, not an act)."""
    return SecretItem.objects.create(
        agency=org["agency"],
        document_type="Báo cáo",
        number="27/BC-STH",
        initial_level="secret",
        level="secret",
        status=ItemStatus.CLASSIFIED,
    )


@pytest.fixture
def catalog(db):
    catalog = Catalog.objects.create(
        decision="2500/QĐ-TTg",
        signed_on=dt.date(2025, 11, 17),
        source="starter",
        valid_from=dt.date(2020, 1, 1),
    )
    return CatalogItem.objects.create(
        catalog=catalog,
        level="secret",
        article="2",
        clause="1",
        point="b",
        text="Đề án thành lập mới, sáp nhập, hợp nhất bộ, cơ quan ngang bộ khi chưa được Quốc hội thông qua",
    )


def docx_bytes(*paragraphs: str, header: str = "") -> bytes:
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
