from django.apps import AppConfig


class AssetsConfig(AppConfig):
    """Computers, seals, storage devices, printers, host-check reports, wipes."""

    name = "bmnn.assets"
    label = "assets"
    verbose_name = "Máy tính, thiết bị"
