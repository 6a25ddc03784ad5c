"""/api/v1/ — each app contributes its own ``api_urls`` module."""

from django.urls import include, path

from bmnn.api import views

urlpatterns = [
    path("auth/token", views.auth_token, name="api_auth_token"),
    path("openapi.json", views.openapi, name="api_openapi"),
    path("", include("bmnn.catalog.api_urls")),
    path("", include("bmnn.registry.api_urls")),
    path("", include("bmnn.registers.api_urls")),
    path("", include("bmnn.movements.api_urls")),
    path("", include("bmnn.people.api_urls")),
    path("", include("bmnn.assets.api_urls")),
    path("", include("bmnn.areas.api_urls")),
    path("", include("bmnn.inspections.api_urls")),
    path("", include("bmnn.incidents.api_urls")),
    path("", include("bmnn.forms.api_urls")),
    path("", include("bmnn.scanning.api_urls")),
]
