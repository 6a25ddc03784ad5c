"""Plan acts: one function, one transaction, one ledger entry each."""

from bmnn.plans.services.copying import copy_plan_for_next_year
from bmnn.plans.services.creating import (
    PlanHeader,
    TaskEdit,
    add_task,
    create_plan,
    header_from_parsed,
    save_imported_plan,
    set_plan_status,
)
from bmnn.plans.services.reports import create_report, update_report
from bmnn.plans.services.tasks import add_evidence, mark_task_done, update_task

__all__ = [
    "PlanHeader",
    "TaskEdit",
    "add_evidence",
    "add_task",
    "copy_plan_for_next_year",
    "create_plan",
    "create_report",
    "header_from_parsed",
    "mark_task_done",
    "save_imported_plan",
    "set_plan_status",
    "update_report",
    "update_task",
]
