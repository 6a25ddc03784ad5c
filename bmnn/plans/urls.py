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
    path("<int:plan_id>/budget/add/", views.budget_add, name="budget_add"),
    path("tasks/<int:task_id>/", views.task_detail, name="task_detail"),
    path("tasks/<int:task_id>/update/", views.task_update, name="task_update"),
    path("tasks/<int:task_id>/evidence/", views.task_evidence, name="task_evidence"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task_done"),
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<int:report_id>/print/", views.report_print, name="report_print"),
    path("reports/<int:report_id>/file.<str:fmt>", views.report_file, name="report_file"),
    path("reports/<int:report_id>/rollup/", views.report_rollup, name="report_rollup"),
    path("reports/<int:report_id>/package/", views.report_package, name="report_package"),
    path("rollup/keys/", views.rollup_keys, name="rollup_keys"),
    path(
        "rollup/keys/<int:subordinate_id>/deactivate/",
        views.rollup_key_deactivate,
        name="rollup_key_deactivate",
    ),
    path("rollup/keys/public.txt", views.rollup_public_key, name="rollup_public_key"),
]
