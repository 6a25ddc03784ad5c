app_name = "registers"
urlpatterns: list = []  # type: ignore[type-arg]
