from django.urls import path

from bmnn.areas import views

app_name = "areas"
urlpatterns = [
    path("", views.area_list, name="area_list"),
    path("new/", views.area_create, name="area_create"),
    path("<int:area_id>/", views.area_detail, name="area_detail"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:meeting_id>/attendees/", views.meeting_attendees, name="meeting_attendees"),
    path("meetings/<int:meeting_id>/handout/", views.meeting_handout, name="meeting_handout"),
    path(
        "meetings/<int:meeting_id>/documents/<int:document_id>/recover/",
        views.meeting_recover,
        name="meeting_recover",
    ),
    path("rules/", views.rule_list, name="rule_list"),
    path("rules/new/", views.rule_create, name="rule_create"),
    path("rules/<int:rule_id>/version/", views.rule_create, name="rule_version"),
]
