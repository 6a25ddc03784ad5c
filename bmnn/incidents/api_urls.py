"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.incidents import api

urlpatterns = [
    path("incidents/", dispatch(GET=api.list_incidents, POST=api.create_incident), name="api_incidents"),
]
