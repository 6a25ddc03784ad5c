from django.urls import path

from bmnn.assets import views, views_storage

app_name = "assets"
urlpatterns = [
    path("", views.device_list, name="device_list"),
    path("new/", views.device_create, name="device_create"),
    path("<int:device_id>/", views.device_detail, name="device_detail"),
    path("<int:device_id>/edit/", views.device_update, name="device_update"),
    path("<int:device_id>/seal/", views.device_seal, name="device_seal"),
    path("<int:device_id>/seals/<int:seal_id>/broken/", views.seal_break, name="seal_break"),
    path("<int:device_id>/inspect/", views.device_inspect, name="device_inspect"),
    path("<int:device_id>/hostcheck/", views.device_hostcheck, name="device_hostcheck"),
    path("<int:device_id>/wipe/", views.device_wipe, name="device_wipe"),
    path("<int:device_id>/retire/", views.device_retire, name="device_retire"),
    path("<int:device_id>/checks/<int:inspection_id>/", views.inspection_detail, name="inspection_detail"),
    path("usb/", views_storage.storage_list, name="storage_list"),
    path("usb/new/", views_storage.storage_create, name="storage_create"),
    path("usb/<int:storage_id>/", views_storage.storage_detail, name="storage_detail"),
    path("usb/<int:storage_id>/allocate/", views_storage.storage_allocate, name="storage_allocate"),
    path("usb/<int:storage_id>/return/", views_storage.storage_return, name="storage_return"),
]
