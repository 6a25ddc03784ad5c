from django.urls import path

from bmnn.movements.views import acts, destruction, items, merger, registers

app_name = "movements"
urlpatterns = [
    path("", registers.index, name="index"),
    path("copies/register/", registers.copy_register, name="copy_register"),
    path("copies/<int:pk>/", acts.copy_detail, name="copy"),
    path("items/<int:item_id>/", items.item_movements, name="item"),
    path("items/<int:item_id>/copy/request/", items.copy_request, name="copy_request"),
    path("items/<int:item_id>/copy/record/", items.copy_record, name="copy_record"),
    path("items/<int:item_id>/take-out/", items.take_out, name="item_take_out"),
    path("items/<int:item_id>/provision/", items.provision, name="item_provision"),
    path("items/<int:item_id>/recall/", items.recall, name="item_recall"),
    path("items/<int:item_id>/emergency/", items.emergency, name="item_emergency"),
    path("items/<int:item_id>/destroy/", items.propose, name="item_propose"),
    path("permissions/<int:pk>/", acts.permission, name="permission"),
    path("permissions/<int:pk>/decide/", acts.permission_decide, name="permission_decide"),
    path("permissions/<int:pk>/perform/", acts.permission_perform, name="permission_perform"),
    path("take-outs/<int:pk>/", acts.take_out, name="take_out"),
    path("take-outs/<int:pk>/decide/", acts.take_out_decide, name="take_out_decide"),
    path("take-outs/<int:pk>/return/", acts.take_out_return, name="take_out_return"),
    path("provisions/<int:pk>/", acts.provision, name="provision"),
    path("provisions/<int:pk>/decide/", acts.provision_decide, name="provision_decide"),
    path("recalls/<int:pk>/return/", acts.recall_return, name="recall_return"),
    path("emergencies/<int:pk>/", acts.emergency, name="emergency"),
    path("emergencies/<int:pk>/acknowledge/", acts.emergency_acknowledge, name="emergency_acknowledge"),
    path("destructions/", destruction.case_list, name="case_list"),
    path("destructions/<int:pk>/", destruction.case_detail, name="case"),
    path("destructions/<int:pk>/step/", destruction.case_step, name="case_step"),
    path("departures/new/", registers.departure_new, name="departure_new"),
    path("departures/<int:pk>/", registers.departure, name="departure"),
    path("departures/<int:pk>/commitment/", registers.departure_commitment, name="departure_commitment"),
    path("mergers/", merger.merger_list, name="merger_list"),
    path("mergers/new/", merger.merger_new, name="merger_new"),
    path("mergers/<int:pk>/", merger.merger, name="merger"),
    path("mergers/<int:pk>/sign/", merger.merger_sign, name="merger_sign"),
]
