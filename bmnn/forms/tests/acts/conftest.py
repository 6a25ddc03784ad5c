"""Real data made through the movements services: the registry's and movements' own fixtures."""

import pytest

from bmnn.movements.tests.conftest import copy_book, make_item  # noqa: F401  (shared fixtures)
from bmnn.registry.tests.conftest import catalog_items, org  # noqa: F401


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client

    return as_
