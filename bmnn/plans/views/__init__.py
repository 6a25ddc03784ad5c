from bmnn.plans.views.importing import plan_import, plan_review
from bmnn.plans.views.plans import plan_copy, plan_create, plan_detail, plan_list, plan_status, task_add
from bmnn.plans.views.reports import report_detail, report_list, report_print
from bmnn.plans.views.tasks import task_detail, task_done, task_evidence, task_update

__all__ = [
    "plan_copy",
    "plan_create",
    "plan_detail",
    "plan_import",
    "plan_list",
    "plan_review",
    "plan_status",
    "report_detail",
    "report_list",
    "report_print",
    "task_add",
    "task_detail",
    "task_done",
    "task_evidence",
    "task_update",
]
