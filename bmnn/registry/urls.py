from django.urls import path

from bmnn.registry import views, views_acts, views_assist, views_settings

app_name = "registry"
urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("new/", views.item_create, name="item_create"),
    path("due/", views.due, name="due"),
    path("rules/", views_settings.rule_settings, name="rule_settings"),
    path("new/suggest/", views_assist.basis_suggest, name="basis_suggest"),
    path("new/preview/", views_assist.classification_preview, name="classification_preview"),
    path("<int:item_id>/", views.item_detail, name="item_detail"),
    path("<int:item_id>/decide/", views.item_decide, name="item_decide"),
    path("<int:item_id>/extend/", views.item_extend, name="item_extend"),
    path("<int:item_id>/declassify/", views.item_declassify, name="item_declassify"),
    path("<int:item_id>/relevel/", views_acts.item_relevel, name="item_relevel"),
    path("<int:item_id>/correct/", views_acts.item_correct, name="item_correct"),
    path("<int:item_id>/grants/", views_acts.item_grant, name="item_grant"),
    path(
        "<int:item_id>/grants/<int:grant_id>/revoke/", views_acts.item_grant_revoke, name="item_grant_revoke"
    ),
    path("repetitive/", views_acts.standing_list, name="standing_list"),
    path("repetitive/<int:pk>/", views_acts.standing_mark, name="standing_mark"),
    path("repetitive/<int:pk>/revoke/", views_acts.standing_revoke, name="standing_revoke"),
]
