from django.apps import AppConfig


class AreasConfig(AppConfig):
    """Restricted areas, meetings with secret content, internal rules."""

    name = "bmnn.areas"
    label = "areas"
    verbose_name = "Khu vực cấm, hội nghị mật, nội quy"
