"""Destruction (tiêu hủy): proposal → council → minutes → decision → destruction record; emergency case.

Luật 29/2018/QH14 Điều 23; Luật 117/2025/QH15 Điều 23 and NĐ 63/2026/NĐ-CP Điều 12 from 01/03/2026.
The file keeps: council decision, list, council minutes, destruction decision, destruction minutes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DestructionStage(models.TextChoices):
    PROPOSED = "proposed", "Đề xuất tiêu hủy"
    COUNCIL = "council", "Đã thành lập hội đồng"
    REVIEWED = "reviewed", "Hội đồng đã họp (có biên bản)"
    DECIDED = "decided", "Đã có quyết định tiêu hủy"
    DESTROYED = "destroyed", "Đã tiêu hủy (có biên bản)"
    REJECTED = "rejected", "Không tiêu hủy"


class DestructionCase(models.Model):
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    stage = models.CharField("Bước", max_length=20, choices=DestructionStage.choices)
    level = models.CharField("Độ mật cao nhất", max_length=20)
    reason = models.TextField("Lý do đề xuất (không còn cần thiết, tiêu hủy không gây nguy hại)")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_on = models.DateField("Ngày đề xuất")
    council_ref = models.CharField("Quyết định thành lập hội đồng", max_length=200, blank=True)
    council_on = models.DateField("Ngày thành lập hội đồng", null=True, blank=True)
    council_chair = models.CharField("Chủ tịch hội đồng", max_length=300, blank=True)
    council_members = models.JSONField("Thành viên hội đồng", default=list)
    minutes_ref = models.CharField("Biên bản họp hội đồng", max_length=200, blank=True)
    minutes_on = models.DateField("Ngày họp hội đồng", null=True, blank=True)
    council_opinion = models.TextField("Kết luận của hội đồng", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decision_ref = models.CharField("Quyết định tiêu hủy", max_length=200, blank=True)
    decided_on = models.DateField("Ngày quyết định", null=True, blank=True)
    method = models.CharField("Phương pháp tiêu hủy", max_length=300, blank=True)
    destroyed_on = models.DateField("Ngày tiêu hủy", null=True, blank=True)
    persons = models.JSONField("Người thực hiện tiêu hủy", default=list)
    record_ref = models.CharField("Biên bản tiêu hủy", max_length=200, blank=True)
    rejection_reason = models.TextField("Lý do không tiêu hủy", blank=True)

    class Meta:
        verbose_name = "Hồ sơ tiêu hủy BMNN"
        verbose_name_plural = "Hồ sơ tiêu hủy BMNN"
        ordering = ["-proposed_on", "-pk"]

    def __str__(self) -> str:
        return f"Hồ sơ tiêu hủy số {self.pk}"


class DestructionLine(models.Model):
    """One item or one copy in a destruction file (the list of the biên bản)."""

    case = models.ForeignKey(DestructionCase, on_delete=models.PROTECT, related_name="lines")
    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="+")
    item_copy = models.ForeignKey(
        "movements.ItemCopy", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["item_id", "item_copy_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "item"],
                condition=models.Q(item_copy__isnull=True),
                name="movements_line_item_once",
            ),
            models.UniqueConstraint(fields=["case", "item_copy"], name="movements_line_copy_once"),
        ]

    def __str__(self) -> str:
        return self.item_copy.label if self.item_copy else str(self.item)


class EmergencyDestruction(models.Model):
    """Destroyed at once by the custodian because keeping it would cause harm; reported in writing at once."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="+")
    item_copy = models.ForeignKey(
        "movements.ItemCopy", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    destroyed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    destroyed_on = models.DateField("Ngày tiêu hủy")
    method = models.CharField("Phương pháp", max_length=300)
    harm = models.TextField("Nguy hại nếu không tiêu hủy ngay")
    report = models.TextField("Báo cáo bằng văn bản gửi người đứng đầu")
    reported_at = models.DateTimeField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    acknowledged_on = models.DateField("Ngày người đứng đầu xem báo cáo", null=True, blank=True)

    class Meta:
        verbose_name = "Tiêu hủy khẩn cấp"
        verbose_name_plural = "Tiêu hủy khẩn cấp"
        ordering = ["-reported_at"]

    def __str__(self) -> str:
        return f"Tiêu hủy khẩn cấp: {self.item_copy.label if self.item_copy else self.item}"
