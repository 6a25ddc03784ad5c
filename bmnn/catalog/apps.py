from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "bmnn.catalog"
    label = "catalog"
    verbose_name = "Danh mục BMNN"
