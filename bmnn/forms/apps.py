from django.apps import AppConfig


class FormsConfig(AppConfig):
    """Versioned form definitions and DOCX/PDF rendering of registers, stamps and records."""

    name = "bmnn.forms"
    label = "forms"
    verbose_name = "Biểu mẫu, in ấn"
