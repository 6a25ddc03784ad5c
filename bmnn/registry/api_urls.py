from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.registry import api

urlpatterns = [
    path("items/", dispatch(GET=api.list_items, POST=api.create_item), name="api_items"),
    path("items/<int:item_id>/", api.get_item, name="api_item"),
    path("items/<int:item_id>/classify/", api.classify, name="api_item_classify"),
    path("items/<int:item_id>/propose/", api.propose, name="api_item_propose"),
    path("items/<int:item_id>/extend/", api.extend, name="api_item_extend"),
    path("items/<int:item_id>/relevel/", api.relevel, name="api_item_relevel"),
    path("items/<int:item_id>/declassify/", api.declassify, name="api_item_declassify"),
]
