from django.urls import path  # noqa: F401

app_name = "areas"
urlpatterns: list = []  # type: ignore[type-arg]
