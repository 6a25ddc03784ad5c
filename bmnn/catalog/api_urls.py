"""/api/v1/catalogs/ and /api/v1/catalog-items/ (mounted by bmnn.api.urls)."""

from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.catalog import api

urlpatterns = [
    path("catalogs/", dispatch(GET=api.list_catalogs, POST=api.create_catalog), name="api_catalogs"),
    path("catalog-items/", api.list_items, name="api_catalog_items"),
]
