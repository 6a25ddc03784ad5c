from bmnn.plans.views.budget import budget_add
from bmnn.plans.views.importing import plan_import, plan_review
from bmnn.plans.views.plans import plan_copy, plan_create, plan_detail, plan_list, plan_status, task_add
from bmnn.plans.views.reports import report_detail, report_file, report_list, report_print
from bmnn.plans.views.rollup import (
    report_package,
    report_rollup,
    rollup_key_deactivate,
    rollup_keys,
    rollup_public_key,
)
from bmnn.plans.views.tasks import task_detail, task_done, task_evidence, task_update

__all__ = [
    "budget_add",
    "plan_copy",
    "plan_create",
    "plan_detail",
    "plan_import",
    "plan_list",
    "plan_review",
    "plan_status",
    "report_detail",
    "report_file",
    "report_list",
    "report_package",
    "report_print",
    "report_rollup",
    "rollup_key_deactivate",
    "rollup_keys",
    "rollup_public_key",
    "task_add",
    "task_detail",
    "task_done",
    "task_evidence",
    "task_update",
]
