"""Handing the whole holding of one agency (or unit) to another on a merger, with a reconciliation report."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MergerStage(models.TextChoices):
    RECONCILED = "reconciled", "Đã đối chiếu, chờ ký"
    COMPLETED = "completed", "Hai bên đã ký, đã bàn giao"


class MergerHandover(models.Model):
    from_agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    from_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    to_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    level = models.CharField("Độ mật cao nhất", max_length=20)
    basis = models.CharField("Văn bản sáp nhập, hợp nhất", max_length=300)
    reconciled_on = models.DateField("Ngày đối chiếu")
    reconciliation = models.JSONField("Biên bản đối chiếu", default=dict)
    differences = models.TextField("Chênh lệch, ghi chú", blank=True)
    stage = models.CharField("Bước", max_length=20, choices=MergerStage.choices)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    giver_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    giver_confirmed_at = models.DateTimeField(null=True, blank=True)
    receiver_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    receiver_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Bàn giao khi sáp nhập"
        verbose_name_plural = "Bàn giao khi sáp nhập"
        ordering = ["-reconciled_on", "-pk"]

    def __str__(self) -> str:
        return f"Bàn giao {self.from_unit or self.from_agency} → {self.to_unit or self.to_agency}"
