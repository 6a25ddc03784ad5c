"""Lộ / mất incidents, the items involved, their tasks (notify the head, report to Công an) and
handling steps. Tables only; workflows live in ``services``."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bmnn.lib.choices import Level


class IncidentKind(models.TextChoices):
    LEAK = "leak", "Lộ bí mật nhà nước"
    LOSS = "loss", "Mất tài liệu, vật chứa bí mật nhà nước"
    SUSPECTED = "suspected", "Dấu hiệu lộ, mất (bì bị bóc, mở, tráo đổi…)"


class IncidentStatus(models.TextChoices):
    OPEN = "open", "Đang xử lý"
    CLOSED = "closed", "Đã kết thúc"


class TaskKind(models.TextChoices):
    NOTIFY_HEAD = "notify_head", "Báo cáo ngay người đứng đầu"
    POLICE_REPORT = "police_report", "Báo cáo đột xuất gửi Công an"
    NOTIFY_CLASSIFIER = "notify_classifier", "Thông báo cơ quan xác định BMNN"


class Incident(models.Model):
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Loại sự cố", max_length=20, choices=IncidentKind.choices)
    level = models.CharField("Độ mật cao nhất liên quan", max_length=20, choices=Level.choices)
    # Never shown to anyone below ``level``; for Tuyệt mật it holds no content of the document.
    description = models.TextField("Diễn biến (cái gì, ở đâu)")
    occurred_on = models.DateField("Ngày xảy ra (nếu biết)", null=True, blank=True)
    discovered_at = models.DateTimeField("Thời điểm phát hiện")
    how_found = models.TextField("Phát hiện như thế nào")
    persons = models.TextField("Người liên quan", blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người báo cáo"
    )
    reported_at = models.DateTimeField("Thời điểm ghi nhận")
    source = models.CharField("Nguồn", max_length=40, blank=True)  # "incoming_tampering", "manual"
    source_ref = models.CharField("Tham chiếu nguồn", max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=IncidentStatus.choices, default=IncidentStatus.OPEN)
    police_report_due = models.DateTimeField("Hạn báo cáo Công an (theo dõi)")
    police_reported_at = models.DateTimeField("Đã báo cáo Công an lúc", null=True, blank=True)
    police_report_ref = models.CharField("Số, ngày văn bản báo cáo", max_length=200, blank=True)
    police_recipient = models.CharField("Nơi nhận báo cáo", max_length=300, blank=True)
    causes = models.TextField("Nguyên nhân", blank=True)
    remediation = models.TextField("Biện pháp khắc phục", blank=True)
    discipline = models.TextField("Xử lý kỷ luật, trách nhiệm", blank=True)
    closed_on = models.DateField("Ngày kết thúc", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    items = models.ManyToManyField(
        "registry.SecretItem",
        through="IncidentItem",
        related_name="+",
        verbose_name="Tài liệu, vật liên quan",
    )

    class Meta:
        verbose_name = "Sự cố lộ, mất BMNN"
        verbose_name_plural = "Sự cố lộ, mất BMNN"
        ordering = ["-discovered_at", "-pk"]
        indexes = [models.Index(fields=["agency", "level", "status"], name="incidents_access_idx")]

    def __str__(self) -> str:
        return f"Sự cố số {self.pk}/{self.discovered_at:%Y} ({self.get_kind_display()})"


class IncidentItem(models.Model):
    """An item involved, with its status before the incident (a lost item stays traceable)."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="item_links")
    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="+")
    level_at_report = models.CharField(max_length=20, choices=Level.choices)
    status_before = models.CharField(max_length=20)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["incident", "item"], name="incidents_item_unique")]

    def __str__(self) -> str:
        return f"Mục #{self.item_id} trong sự cố #{self.incident_id}"


class IncidentTask(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField(max_length=30, choices=TaskKind.choices)
    basis = models.CharField(max_length=300)
    due_at = models.DateTimeField("Hạn")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["incident", "kind"], name="incidents_task_unique")]

    def __str__(self) -> str:
        return self.get_kind_display()


class HandlingStep(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="steps")
    on = models.DateField("Ngày")
    description = models.TextField("Việc đã làm")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}: {self.description[:60]}"
