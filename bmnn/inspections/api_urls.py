"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.inspections import api

urlpatterns = [
    path(
        "inspections/", dispatch(GET=api.list_inspections, POST=api.create_inspection), name="api_inspections"
    ),
]
