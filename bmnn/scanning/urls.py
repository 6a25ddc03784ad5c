from django.urls import path

app_name = "scanning"
urlpatterns: list = []  # type: ignore[type-arg]
