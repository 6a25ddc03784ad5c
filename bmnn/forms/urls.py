from django.urls import path  # noqa: F401

app_name = "forms"
urlpatterns: list = []  # type: ignore[type-arg]
