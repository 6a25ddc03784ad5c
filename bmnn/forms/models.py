"""Definitions an administrator imported (the shipped ones are files in ``definitions/``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportedDefinition(models.Model):
    """One imported definition file, kept verbatim. Rows are never edited: a correction is a new
    file that ``supersedes`` the old version, so what was printed on a date stays reproducible."""

    form_id = models.CharField("Mã biểu mẫu", max_length=100)
    version = models.CharField("Phiên bản", max_length=50)
    content = models.TextField("Nội dung tệp (JSON)")
    file_name = models.CharField("Tên tệp", max_length=255, blank=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField("Thời điểm nhập")

    class Meta:
        verbose_name = "Biểu mẫu đã nhập"
        verbose_name_plural = "Biểu mẫu đã nhập"
        constraints = [
            models.UniqueConstraint(fields=["form_id", "version"], name="forms_imported_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.form_id}@{self.version}"
