"""Tables of the roll-up: registered subordinate keys and the packages imported from them.

Defined here and imported by ``bmnn.plans.models`` so that the plans app owns them. Foreign keys
PROTECT: a package received is part of the agency's record of who reported what and when.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Subordinate(models.Model):
    """A subordinate agency that reports here, known by the public key registered once."""

    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="subordinates", verbose_name="Cơ quan cấp trên"
    )
    name = models.CharField("Tên cơ quan, đơn vị cấp dưới", max_length=300)
    public_key = models.CharField("Khóa công khai (base64)", max_length=64)
    fingerprint = models.CharField("Dấu vân tay khóa (SHA-256)", max_length=64)
    is_active = models.BooleanField("Đang báo cáo về", default=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Đơn vị cấp dưới báo cáo"
        verbose_name_plural = "Đơn vị cấp dưới báo cáo"
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fingerprint"], name="plans_subordinate_key_once"),
        ]

    def __str__(self) -> str:
        return self.name


class ReceivedPackage(models.Model):
    """A verified report package of a subordinate, attached to this agency's report for the period."""

    report = models.ForeignKey(
        "plans.Report", on_delete=models.PROTECT, related_name="received", verbose_name="Báo cáo tổng hợp"
    )
    subordinate = models.ForeignKey(
        Subordinate, on_delete=models.PROTECT, related_name="packages", verbose_name="Đơn vị gửi"
    )
    digest = models.CharField("Mã băm của gói (SHA-256)", max_length=64)
    sender_name = models.CharField("Tên cơ quan (như gói ghi)", max_length=300)
    title = models.CharField("Tiêu đề báo cáo", max_length=500)
    period_start = models.DateField("Số liệu từ ngày")
    period_end = models.DateField("Số liệu đến ngày")
    exported_at = models.DateTimeField("Thời điểm ký gói", null=True, blank=True)
    payload = models.JSONField("Nội dung gói (đã kiểm chữ ký)")
    signature = models.CharField("Chữ ký (base64)", max_length=100)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField("Thời điểm nhập")  # set from bmnn.lib.clock (testable lateness)

    class Meta:
        verbose_name = "Gói báo cáo đã nhận"
        verbose_name_plural = "Gói báo cáo đã nhận"
        ordering = ["report", "sender_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "subordinate"], name="plans_package_once_per_report"),
            models.UniqueConstraint(fields=["report", "digest"], name="plans_package_digest_once"),
        ]

    def __str__(self) -> str:
        return f"{self.sender_name}: {self.title}"
