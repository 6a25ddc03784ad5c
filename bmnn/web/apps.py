from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "bmnn.web"
    label = "web"
    verbose_name = "Giao diện"
