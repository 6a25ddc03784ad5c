from django.urls import path

from bmnn.scanning import views

app_name = "scanning"
urlpatterns = [
    path("", views.scan, name="scan"),
    path("report/", views.report, name="report"),
]
