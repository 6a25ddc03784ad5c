"""Plan acts: one function, one transaction, one ledger entry each."""

from bmnn.plans.services.budget import add_budget_line
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
from bmnn.plans.services.rollup import (
    deactivate_subordinate,
    export_package,
    import_package,
    import_packages,
    register_subordinate,
)
from bmnn.plans.services.tasks import add_evidence, mark_task_done, update_task

__all__ = [
    "PlanHeader",
    "TaskEdit",
    "add_budget_line",
    "add_evidence",
    "add_task",
    "copy_plan_for_next_year",
    "create_plan",
    "create_report",
    "deactivate_subordinate",
    "export_package",
    "header_from_parsed",
    "import_package",
    "import_packages",
    "mark_task_done",
    "register_subordinate",
    "save_imported_plan",
    "set_plan_status",
    "update_report",
    "update_task",
]
