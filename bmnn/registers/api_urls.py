"""/api/v1/ endpoints of this app."""

from django.urls import path

from bmnn.api.framework import dispatch
from bmnn.registers import api

urlpatterns = [
    path(
        "registers/outgoing/",
        dispatch(GET=api.list_outgoing, POST=api.create_outgoing),
        name="api_reg_outgoing",
    ),
    path(
        "registers/incoming/",
        dispatch(GET=api.list_incoming, POST=api.create_incoming),
        name="api_reg_incoming",
    ),
    path(
        "registers/handover/",
        dispatch(GET=api.list_handover, POST=api.create_handover),
        name="api_reg_handover",
    ),
    path("registers/handover/<int:entry_id>/confirm/", api.confirm_handover, name="api_reg_handover_confirm"),
    path("items/<int:item_id>/hand-over/", api.item_hand_over, name="api_item_hand_over"),
    path("search/", api.search_api, name="api_search"),
]
