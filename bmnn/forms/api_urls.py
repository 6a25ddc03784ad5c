"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.forms import api

urlpatterns = [
    path("forms/", api.catalogue, name="api_forms"),
    path("forms/registers/<str:kind>/<int:year>/", api.print_register, name="api_forms_register"),
    path("forms/items/<int:item_id>/<str:form_id>/", api.print_item_form, name="api_forms_item"),
    path("forms/acts/<slug:kind>/<int:act_id>/<str:form_id>/", api.print_act_form, name="api_forms_act"),
    path("forms/copies/<int:copy_id>/stamps/", api.print_copy_stamps, name="api_forms_copy_stamps"),
]
