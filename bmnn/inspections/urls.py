from django.urls import path

from bmnn.inspections import views, views_dashboard, views_findings

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("new/", views.inspection_create, name="create"),
    path("dashboard/", views_dashboard.dashboard_page, name="dashboard"),
    path("findings/", views_findings.finding_list, name="finding_list"),
    path("<int:inspection_id>/", views.inspection_detail, name="detail"),
    path("<int:inspection_id>/open/", views.inspection_open, name="open"),
    path("<int:inspection_id>/refresh/", views.inspection_refresh, name="refresh"),
    path("<int:inspection_id>/answers/", views.checklist_answer, name="answer"),
    path("<int:inspection_id>/close/", views.inspection_close, name="close"),
    path("<int:inspection_id>/record/", views.inspection_record, name="record"),
    path("<int:inspection_id>/record.<str:fmt>", views.inspection_record_file, name="record_file"),
    path("<int:inspection_id>/findings/new/", views_findings.finding_create, name="finding_create"),
    path("findings/<int:finding_id>/fix/", views_findings.finding_fix, name="finding_fix"),
    path("findings/<int:finding_id>/recheck/", views_findings.finding_recheck, name="finding_recheck"),
    path("findings/<int:finding_id>/close/", views_findings.finding_close, name="finding_close"),
]
