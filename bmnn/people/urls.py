from django.urls import path

from bmnn.people import views, views_training

app_name = "people"
urlpatterns = [
    path("", views.staff_list, name="staff_list"),
    path("new/", views.staff_create, name="staff_create"),
    path("<int:staff_id>/", views.staff_detail, name="staff_detail"),
    path("<int:staff_id>/designate/", views.staff_designate, name="staff_designate"),
    path("<int:staff_id>/key-post/", views.staff_key_post, name="staff_key_post"),
    path("<int:staff_id>/commit/", views.staff_commit, name="staff_commit"),
    path("<int:staff_id>/declare/", views.staff_declare, name="staff_declare"),
    path("<int:staff_id>/depart/", views.staff_depart, name="staff_depart"),
    path("<int:staff_id>/recall/", views.staff_recall, name="staff_recall"),
    path("declarations/<int:declaration_id>/decide/", views.declaration_decide, name="declaration_decide"),
    path("commitments/<int:commitment_id>/scan/", views.commitment_scan, name="commitment_scan"),
    path("training/", views_training.training_list, name="training_list"),
    path("training/new/", views_training.training_create, name="training_create"),
    path("awareness/new/", views_training.awareness_create, name="awareness_create"),
    path("committee/", views_training.committee_list, name="committee_list"),
    path("committee/new/", views_training.committee_add, name="committee_add"),
    path("committee/<int:membership_id>/end/", views_training.committee_end, name="committee_end"),
]
