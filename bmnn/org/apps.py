from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "bmnn.org"
    label = "org"
    verbose_name = "Tổ chức"
