from django.urls import path

from bmnn.incidents import views

app_name = "incidents"
urlpatterns = [
    path("", views.incident_list, name="list"),
    path("new/", views.incident_create, name="create"),
    path("<int:incident_id>/", views.incident_detail, name="detail"),
    path("<int:incident_id>/police-report/", views.police_report, name="police_report"),
    path("<int:incident_id>/police-report.<str:fmt>", views.police_report_file, name="police_report_file"),
    path("<int:incident_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:incident_id>/police-reported/", views.police_reported, name="police_reported"),
    path("<int:incident_id>/steps/", views.add_step, name="add_step"),
    path("<int:incident_id>/conclusions/", views.conclusions, name="conclusions"),
    path("<int:incident_id>/close/", views.close, name="close"),
]
