"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.movements import api

urlpatterns = [
    path("items/<int:item_id>/copy/", api.copy_item, name="api_item_copy"),
    path("items/<int:item_id>/take-out/", api.take_out, name="api_item_take_out"),
    path("items/<int:item_id>/return/", api.return_item, name="api_item_return"),
    path("items/<int:item_id>/recall/", api.recall, name="api_item_recall"),
    path("items/<int:item_id>/destroy/", api.destroy, name="api_item_destroy"),
    path("registers/copies/", api.copy_register, name="api_register_copies"),
]
