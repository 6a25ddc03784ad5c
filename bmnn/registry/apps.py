from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "bmnn.registry"
    label = "registry"
    verbose_name = "Tài liệu, vật chứa BMNN"
