"""Optional budget lines (kinh phí) of a plan: provincial plans carry a yearly estimate (issue #6).

Amounts are whole đồng; the law sets no format, so the plan's own lines are kept as written.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class BudgetLine(models.Model):
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.PROTECT, related_name="budget_lines", verbose_name="Kế hoạch"
    )
    order = models.PositiveIntegerField("Thứ tự", default=0)
    item = models.CharField("Nội dung chi", max_length=500)
    amount = models.PositiveBigIntegerField("Số tiền (đồng)")
    source = models.CharField("Nguồn kinh phí", max_length=300, blank=True)
    note = models.CharField("Ghi chú", max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Dòng kinh phí"
        verbose_name_plural = "Kinh phí"
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.amount:,} đ".replace(",", ".")
