"""/api/v1/ endpoints of this app."""

urlpatterns: list = []  # type: ignore[type-arg]
