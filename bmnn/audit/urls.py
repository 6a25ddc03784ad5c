from django.urls import path

from bmnn.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.ledger_list, name="ledger"),
    path("verify/", views.ledger_verify, name="verify"),
    path("head/", views.ledger_head_print, name="head_print"),
]
