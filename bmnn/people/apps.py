from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Staff records, designations, commitments, training, awareness, departures."""

    name = "bmnn.people"
    label = "people"
    verbose_name = "Cán bộ, cam kết, tập huấn"
