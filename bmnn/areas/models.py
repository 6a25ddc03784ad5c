"""Restricted areas, meetings with secret content, internal rules (nội quy / quy chế). Tables only."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bmnn.lib.choices import Level


class AreaKind(models.TextChoices):
    FORBIDDEN_AREA = "forbidden_area", "Khu vực cấm"
    FORBIDDEN_PLACE = "forbidden_place", "Địa điểm cấm"
    PROTECTED_AREA = "protected_area", "Khu vực bảo vệ"
    NO_RECORDING = "no_recording", "Nơi cấm chụp ảnh, ghi âm, ghi hình"


class RestrictedArea(models.Model):
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Loại", max_length=20, choices=AreaKind.choices)
    name = models.CharField("Tên", max_length=300)
    location = models.CharField("Vị trí", max_length=300)
    decision_number = models.CharField("Quyết định xác định số", max_length=100, blank=True)
    decision_date = models.DateField("Ngày quyết định", null=True, blank=True)
    decided_by = models.CharField("Cơ quan, người quyết định", max_length=300, blank=True)
    rules = models.TextField("Nội quy ra, vào, làm việc")
    responsible_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Đơn vị chịu trách nhiệm",
    )
    signage = models.BooleanField("Đã cắm biển cấm", default=False)
    signage_checked_on = models.DateField("Ngày kiểm tra biển", null=True, blank=True)
    is_active = models.BooleanField("Đang áp dụng", default=True)

    class Meta:
        verbose_name = "Khu vực, địa điểm cấm"
        verbose_name_plural = "Khu vực, địa điểm cấm"
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Đã phê duyệt, chưa họp"
    HELD = "held", "Đã họp"
    CLOSED = "closed", "Đã thu hồi đủ tài liệu, kết thúc"


class SecretMeeting(models.Model):
    """Hội nghị, hội thảo, cuộc họp có nội dung BMNN (Điều 17–18 Luật 29/2018; Điều 6 NĐ 26/2020)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("Tên cuộc họp", max_length=300)
    level = models.CharField("Độ mật của nội dung", max_length=20, choices=Level.choices)
    starts_on = models.DateField("Ngày họp")
    ends_on = models.DateField("Ngày kết thúc")
    venue = models.CharField("Địa điểm", max_length=300)
    area = models.ForeignKey(
        RestrictedArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name="Tại khu vực",
    )
    approved_by = models.CharField("Người phê duyệt", max_length=300)
    approval_reference = models.CharField("Văn bản phê duyệt", max_length=200)
    approved_on = models.DateField("Ngày phê duyệt")
    has_foreign_participants = models.BooleanField("Có người nước ngoài tham dự", default=False)
    recording_allowed = models.BooleanField(
        "Chủ trì cho phép thiết bị ghi âm, ghi hình (chỉ độ Mật)", default=False
    )
    status = models.CharField(
        "Trạng thái", max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Hội nghị, cuộc họp có nội dung BMNN"
        verbose_name_plural = "Hội nghị, cuộc họp có nội dung BMNN"
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class MeetingAttendee(models.Model):
    meeting = models.ForeignKey(SecretMeeting, on_delete=models.PROTECT, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người dự"
    )
    role = models.CharField("Vai trò", max_length=100, blank=True)

    class Meta:
        verbose_name = "Người dự họp"
        verbose_name_plural = "Người dự họp"
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="areas_attendee_unique")]

    def __str__(self) -> str:
        return str(self.user)


class MeetingDocument(models.Model):
    """A secret item handed out at the meeting and, afterwards, recovered."""

    meeting = models.ForeignKey(SecretMeeting, on_delete=models.PROTECT, related_name="documents")
    item = models.ForeignKey(
        "registry.SecretItem", on_delete=models.PROTECT, related_name="+", verbose_name="Tài liệu"
    )
    handed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người nhận"
    )
    copies = models.PositiveIntegerField("Số bản", default=1)
    handed_out_on = models.DateField("Ngày phát")
    recovered_on = models.DateField("Ngày thu hồi", null=True, blank=True)

    class Meta:
        verbose_name = "Tài liệu phát tại cuộc họp"
        verbose_name_plural = "Tài liệu phát tại cuộc họp"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.item} → {self.handed_to}"


class RuleKind(models.TextChoices):
    NOI_QUY = "noi_quy", "Nội quy bảo vệ BMNN"
    QUY_CHE = "quy_che", "Quy chế bảo vệ BMNN"


class InternalRule(models.Model):
    """Nội quy / quy chế (khoản 3 Điều 24, Điều 25 Luật 29/2018/QH14); each version is a row of its own."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Loại", max_length=20, choices=RuleKind.choices)
    title = models.CharField("Tên văn bản", max_length=300)

    class Meta:
        verbose_name = "Nội quy, quy chế"
        verbose_name_plural = "Nội quy, quy chế"
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title


class InternalRuleVersion(models.Model):
    rule = models.ForeignKey(InternalRule, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField("Lần ban hành")
    number = models.CharField("Số, ký hiệu", max_length=100)
    issued_on = models.DateField("Ngày ban hành")
    effective_from = models.DateField("Hiệu lực từ")
    review_due = models.DateField("Hạn rà soát")
    legal_basis = models.TextField("Căn cứ", blank=True)
    note = models.TextField("Nội dung sửa đổi", blank=True)

    class Meta:
        verbose_name = "Phiên bản nội quy, quy chế"
        verbose_name_plural = "Phiên bản nội quy, quy chế"
        ordering = ["rule", "-version"]
        constraints = [models.UniqueConstraint(fields=["rule", "version"], name="areas_rule_version_unique")]

    def __str__(self) -> str:
        return f"{self.number} (lần {self.version})"
