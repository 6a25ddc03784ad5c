from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """Leak and loss incidents: report, notification, handling, closure."""

    name = "bmnn.incidents"
    label = "incidents"
    verbose_name = "Sự cố lộ, mất BMNN"
