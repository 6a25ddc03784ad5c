from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    """Inspection plans, checklists, findings, remediation; compliance dashboard."""

    name = "bmnn.inspections"
    label = "inspections"
    verbose_name = "Kiểm tra"
