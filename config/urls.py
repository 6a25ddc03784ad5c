from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("bmnn.web.urls")),
    path("accounts/", include("bmnn.accounts.urls")),
    path("org/", include("bmnn.org.urls")),
    path("ledger/", include("bmnn.audit.urls")),
    path("catalogs/", include("bmnn.catalog.urls")),
    path("items/", include("bmnn.registry.urls")),
    path("plans/", include("bmnn.plans.urls")),
    path("registers/", include("bmnn.registers.urls")),
    path("movements/", include("bmnn.movements.urls")),
    path("people/", include("bmnn.people.urls")),
    path("assets/", include("bmnn.assets.urls")),
    path("areas/", include("bmnn.areas.urls")),
    path("inspections/", include("bmnn.inspections.urls")),
    path("incidents/", include("bmnn.incidents.urls")),
    path("forms/", include("bmnn.forms.urls")),
    path("scan/", include("bmnn.scanning.urls")),
    path("api/v1/", include("bmnn.api.urls")),
    path("admin/", admin.site.urls),
]
