from django.urls import path

from bmnn.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/", views.plan_create, name="plan_create"),
    path("import/", views.plan_import, name="plan_import"),
    path("import/<str:token>/", views.plan_review, name="import_review"),
    path("<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("<int:plan_id>/copy/", views.plan_copy, name="plan_copy"),
    path("<int:plan_id>/status/", views.plan_status, name="plan_status"),
    path("<int:plan_id>/tasks/add/", views.task_add, name="task_add"),
    path("tasks/<int:task_id>/", views.task_detail, name="task_detail"),
    path("tasks/<int:task_id>/update/", views.task_update, name="task_update"),
    path("tasks/<int:task_id>/evidence/", views.task_evidence, name="task_evidence"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task_done"),
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<int:report_id>/print/", views.report_print, name="report_print"),
]
