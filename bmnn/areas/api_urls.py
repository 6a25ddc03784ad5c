"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.areas import api

urlpatterns = [
    path("restricted-areas/", api.list_areas, name="api_restricted_areas"),
    path("meetings/", api.list_meetings, name="api_meetings"),
]
