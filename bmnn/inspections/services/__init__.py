"""Acts of inspections, one transaction and one ledger entry each (events ``inspections.*``)."""

from bmnn.inspections.services.checklist import (
    answer_checklist,
    open_inspection,
    plan_inspection,
    refresh_automatic_checks,
)
from bmnn.inspections.services.findings import (
    close_finding,
    close_inspection,
    mark_finding_fixed,
    recheck_finding,
    record_finding,
)

__all__ = [
    "answer_checklist",
    "close_finding",
    "close_inspection",
    "mark_finding_fixed",
    "open_inspection",
    "plan_inspection",
    "recheck_finding",
    "record_finding",
    "refresh_automatic_checks",
]
