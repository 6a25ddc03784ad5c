from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("bmnn.web.urls")),
    path("accounts/", include("bmnn.accounts.urls")),
    path("org/", include("bmnn.org.urls")),
    path("ledger/", include("bmnn.audit.urls")),
    path("admin/", admin.site.urls),
]
