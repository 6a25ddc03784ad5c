from django.urls import path

from bmnn.org import views

app_name = "org"
urlpatterns = [
    path("", views.agency, name="agency"),
    path("units/new/", views.unit_create, name="unit_create"),
    path("units/<int:unit_id>/", views.unit_edit, name="unit_edit"),
    path("positions/new/", views.position_create, name="position_create"),
    path("positions/<int:position_id>/", views.position_detail, name="position_detail"),
    path("delegations/new/", views.delegation_create, name="delegation_create"),
    path("delegations/<int:delegation_id>/revoke/", views.delegation_revoke, name="delegation_revoke"),
]
