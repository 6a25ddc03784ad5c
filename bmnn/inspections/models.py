"""Inspections (kiểm tra, tự kiểm tra), their checklist answers and findings. Tables only."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class InspectionMode(models.TextChoices):
    SELF = "self", "Tự kiểm tra"
    EXTERNAL = "external", "Kiểm tra của cơ quan cấp trên / Công an"


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", "Kế hoạch"
    IN_PROGRESS = "in_progress", "Đang kiểm tra"
    CLOSED = "closed", "Đã kết thúc"


class AnswerStatus(models.TextChoices):
    UNANSWERED = "unanswered", "Chưa đánh giá"
    PASS = "pass", "Đạt"
    FAIL = "fail", "Không đạt"
    UNKNOWN = "unknown", "Không đánh giá được"
    NOT_APPLICABLE = "na", "Không áp dụng"


class Severity(models.TextChoices):
    LOW = "low", "Thấp"
    MEDIUM = "medium", "Trung bình"
    HIGH = "high", "Nghiêm trọng"


class FindingStatus(models.TextChoices):
    OPEN = "open", "Chưa khắc phục"
    FIXED = "fixed", "Đã báo cáo khắc phục, chờ kiểm tra lại"
    VERIFIED = "verified", "Kiểm tra lại: đạt"
    CLOSED = "closed", "Đã kết thúc"


class Inspection(models.Model):
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("Tên đợt kiểm tra", max_length=300)
    mode = models.CharField("Hình thức", max_length=20, choices=InspectionMode.choices)
    inspecting_body = models.CharField("Cơ quan kiểm tra", max_length=300, blank=True)
    inspected_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Đơn vị được kiểm tra (trống: toàn cơ quan)",
    )
    starts_on = models.DateField("Ngày bắt đầu")
    ends_on = models.DateField("Ngày kết thúc dự kiến", null=True, blank=True)
    scope = models.TextField("Phạm vi, nội dung kiểm tra")
    team = models.TextField("Thành phần đoàn kiểm tra")
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Người lập kế hoạch",
    )
    status = models.CharField(
        max_length=20, choices=InspectionStatus.choices, default=InspectionStatus.PLANNED
    )
    checklist_version = models.CharField("Phiên bản danh mục kiểm tra", max_length=20, blank=True)
    opened_at = models.DateTimeField("Thời điểm mở", null=True, blank=True)
    conclusion = models.TextField("Kết luận", blank=True)
    closed_on = models.DateField("Ngày kết thúc", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Đợt kiểm tra"
        verbose_name_plural = "Đợt kiểm tra"
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class ChecklistAnswer(models.Model):
    """One question of the inspection's checklist; automatic ones keep the evaluation snapshot."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="answers")
    code = models.CharField(max_length=20)
    group = models.CharField(max_length=200)
    question = models.TextField()
    basis = models.CharField(max_length=400)
    auto = models.CharField(max_length=60, blank=True)
    status = models.CharField(max_length=20, choices=AnswerStatus.choices, default=AnswerStatus.UNANSWERED)
    auto_status = models.CharField(max_length=20, blank=True)  # what the automatic check said
    summary = models.TextField(blank=True)
    details = models.JSONField(default=list)
    evidence = models.JSONField(default=list)  # [{"label", "url"}]
    note = models.TextField("Ghi chú của đoàn kiểm tra", blank=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "code"], name="inspections_answer_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.question}"


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    answer = models.ForeignKey(
        ChecklistAnswer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="Nội dung kiểm tra liên quan",
    )
    description = models.TextField("Nội dung phát hiện")
    severity = models.CharField("Mức độ", max_length=10, choices=Severity.choices)
    responsible_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="Đơn vị chịu trách nhiệm"
    )
    found_on = models.DateField("Ngày phát hiện")
    due_on = models.DateField("Hạn khắc phục")
    status = models.CharField(max_length=20, choices=FindingStatus.choices, default=FindingStatus.OPEN)
    remediation = models.TextField("Biện pháp khắc phục", blank=True)
    fixed_on = models.DateField("Ngày báo cáo khắc phục", null=True, blank=True)
    fixed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recheck_note = models.TextField("Kết quả kiểm tra lại", blank=True)
    rechecked_on = models.DateField("Ngày kiểm tra lại", null=True, blank=True)
    rechecked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField("Ngày kết thúc", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "Phát hiện kiểm tra"
        verbose_name_plural = "Phát hiện kiểm tra"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]
