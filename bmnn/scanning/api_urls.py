"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.scanning import api

urlpatterns = [path("scan/", api.scan, name="api_scan")]
