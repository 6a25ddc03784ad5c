from django.urls import path

from bmnn.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.catalog_list, name="list"),
    path("<int:catalog_id>/", views.catalog_detail, name="detail"),
    path("<int:catalog_id>/export.xlsx", views.catalog_export, name="export"),
    path("search/", views.item_search, name="search"),
    path("import/", views.catalog_import, name="import"),
    path("import/confirm/", views.catalog_import_confirm, name="import_confirm"),
    path("items/<int:item_id>/close/", views.item_close, name="item_close"),
    path("starter/", views.load_starter, name="load_starter"),
    path("suggest/", views.suggest, name="suggest"),
]
