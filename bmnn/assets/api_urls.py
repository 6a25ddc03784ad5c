"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.assets import api

urlpatterns = [
    path("computers/", dispatch(GET=api.list_devices, POST=api.create_device), name="api_computers"),
    path("computers/<int:device_id>/", api.get_device, name="api_computer"),
    path("computers/<int:device_id>/hostcheck/", api.upload_hostcheck, name="api_computer_hostcheck"),
]
