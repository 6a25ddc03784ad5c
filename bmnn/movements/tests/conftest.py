import datetime as dt

import pytest

from bmnn.registry import services as registry
from bmnn.registry.tests.conftest import catalog_items, org  # noqa: F401  (shared fixtures)


@pytest.fixture
def make_item(org, catalog_items):  # noqa: F811
    def make(level: str = "secret", actor: str = "head", **kw):
        data = {
            "kind": "paper_document",
            "level": level,
            "basis_ids": [catalog_items[level].pk],
            "classified_on": dt.date(2026, 4, 2),
            "document_type": "Đề án",
            "number": kw.pop("number", "12/ĐA-SNV"),
            "date": dt.date(2026, 4, 2),
            "summary": "" if level == "top_secret" else "Đề án sáp nhập",
            "copies": 1,
        }
        data.update(kw)
        return registry.create_item(actor=org["users"][actor], data=registry.ItemInput(**data))

    return make


@pytest.fixture(autouse=True)
def copy_book(request):
    """The 2026 copy register opened beforehand, so a copy act writes exactly its own ledger entry
    (the first act of a year would otherwise also open volume 1, a registers act of its own)."""
    if "org" not in request.fixturenames:
        return None
    agency_org = request.getfixturevalue("org")
    from bmnn.registers.services import open_book

    return open_book(
        actor=agency_org["users"]["clerk"], kind="copy", year=2026, opened_on=dt.date(2026, 1, 2)
    )
