from django.urls import path

from bmnn.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("new/", views.item_create, name="item_create"),
    path("due/", views.due, name="due"),
    path("<int:item_id>/", views.item_detail, name="item_detail"),
    path("<int:item_id>/decide/", views.item_decide, name="item_decide"),
    path("<int:item_id>/extend/", views.item_extend, name="item_extend"),
    path("<int:item_id>/declassify/", views.item_declassify, name="item_declassify"),
]
