"""Acts on incidents: each one transaction, one ledger entry.

Public entry points for other apps: ``report_incident`` and ``report_tampering`` (called by the
registers app when an incoming envelope shows signs of opening).
"""

from bmnn.incidents.services.handling import (
    acknowledge_head_notice,
    add_handling_step,
    close_incident,
    record_conclusions,
    record_police_report,
)
from bmnn.incidents.services.reporting import report_incident, report_tampering

__all__ = [
    "acknowledge_head_notice",
    "add_handling_step",
    "close_incident",
    "record_conclusions",
    "record_police_report",
    "report_incident",
    "report_tampering",
]
