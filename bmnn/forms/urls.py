from django.urls import path

from bmnn.forms import views

app_name = "forms"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("import/", views.import_definition, name="import"),
    path("registers/<str:kind>/<int:year>/", views.register_print, name="register_print"),
    path("items/<int:item_id>/", views.item_forms, name="item_forms"),
    path("items/<int:item_id>/<str:form_id>/", views.item_form, name="item_form"),
    path("acts/<slug:kind>/<int:pk>/<str:form_id>/", views.act_form, name="act_form"),
    path("copies/<int:copy_id>/stamps/", views.copy_stamps, name="copy_stamps"),
    path("statistics/", views.statistics_page, name="statistics"),
]
