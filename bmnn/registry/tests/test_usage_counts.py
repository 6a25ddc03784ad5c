"""Catalog usage counts never count items above the viewer's clearance or outside their need-to-know."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from bmnn.registry import queries, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited(org, catalog_items):
    for level in ("confidential", "secret", "top_secret"):
        item = services.create_item(
            actor=org["users"]["head"],
            data=services.ItemInput(
                kind="paper_document",
                level=level,
                basis_ids=[catalog_items[level].pk],
                classified_on=dt.date(2026, 4, 2),
                copies=1,
            ),
        )
        type(item).objects.filter(pk=item.pk).update(
            drafting_unit=org["unit_a"], drafter=org["users"]["drafter"]
        )
    return catalog_items


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("head", {"confidential": 1, "secret": 1, "top_secret": 1}),
        ("clerk", {"confidential": 1, "secret": 1}),  # Tối mật clearance, keeps the registers
        ("low", {"confidential": 1}),  # Mật clearance
        ("drafter", {"confidential": 1, "secret": 1}),  # unit A, Tối mật
        ("stranger", {}),  # Tuyệt mật clearance but unit B: no need-to-know
        ("admin", {}),  # separation of duties: not cleared to read secrets
    ],
)
def test_usage_counts_follow_clearance_and_need_to_know(org, cited, who, expected):
    counts = queries.basis_usage_counts(org["users"][who])
    assert {lv: counts[cited[lv].pk] for lv in cited if cited[lv].pk in counts} == expected


def test_the_catalog_page_shows_the_counts_the_viewer_may_know(org, cited):
    client = Client()
    client.force_login(org["users"]["low"])
    page = client.get(reverse("catalog:detail", args=[cited["secret"].catalog_id])).content.decode()
    assert f'data-testid="usage-{cited["confidential"].pk}">1<' in page
    assert f'data-testid="usage-{cited["secret"].pk}">0<' in page
