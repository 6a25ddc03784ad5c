from django.apps import AppConfig


class ScanningConfig(AppConfig):
    """The web and API face of the pre-publication scanner (the scanner itself is ``bmnn.scanner``)."""

    name = "bmnn.scanning"
    label = "scanning"
    verbose_name = "Rà soát trước khi phát hành"
