from django.urls import path

from bmnn.forms import views

app_name = "forms"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("import/", views.import_definition, name="import"),
    path("registers/<str:kind>/<int:year>/", views.register_print, name="register_print"),
    path("items/<int:item_id>/", views.item_forms, name="item_forms"),
    path("items/<int:item_id>/<str:form_id>/", views.item_form, name="item_form"),
]
