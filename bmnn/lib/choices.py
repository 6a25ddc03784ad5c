"""Django choices for levels and clearances (labels in Vietnamese)."""

from django.db import models


class Level(models.TextChoices):
    CONFIDENTIAL = "confidential", "Mật"
    SECRET = "secret", "Tối mật"
    TOP_SECRET = "top_secret", "Tuyệt mật"


class Clearance(models.TextChoices):
    NONE = "none", "Không được tiếp cận BMNN"
    CONFIDENTIAL = "confidential", "Mật"
    SECRET = "secret", "Tối mật"
    TOP_SECRET = "top_secret", "Tuyệt mật"
