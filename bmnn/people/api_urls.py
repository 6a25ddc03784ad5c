"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.people import api

urlpatterns = [
    path("staff/", dispatch(GET=api.list_staff, POST=api.create_staff), name="api_staff"),
]
