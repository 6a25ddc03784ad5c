"""Inspections test the same organisation as incidents (one fixture set, shared on purpose)."""

from bmnn.incidents.tests.conftest import item_factory, make_item, org

__all__ = ["item_factory", "make_item", "org"]
