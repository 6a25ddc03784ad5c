"""People who work with state secrets: records, designations, commitments, training, committees,
declarations and departures. Tables only; every change goes through ``services``. Nothing is deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StaffStatus(models.TextChoices):
    ACTIVE = "active", "Đang công tác"
    DEPARTED = "departed", "Đã thôi quản lý BMNN"


class StaffRecord(models.Model):
    """A person of the agency, with or without a login."""

    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="Cơ quan"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_record",
        verbose_name="Tài khoản",
    )
    full_name = models.CharField("Họ và tên", max_length=200)
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="Đơn vị"
    )
    position = models.ForeignKey(
        "org.Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Chức vụ",
    )
    is_key_post = models.BooleanField("Vị trí trọng yếu, cơ mật", default=False)
    key_post_reviewed_on = models.DateField(
        "Ngày thẩm tra tiêu chuẩn chính trị gần nhất", null=True, blank=True
    )
    key_post_review_due = models.DateField("Hạn thẩm tra lại", null=True, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=StaffStatus.choices, default=StaffStatus.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Hồ sơ cán bộ"
        verbose_name_plural = "Hồ sơ cán bộ"
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class DesignationMode(models.TextChoices):
    FULL_TIME = "full_time", "Chuyên trách"
    PART_TIME = "part_time", "Kiêm nhiệm"


class Designation(models.Model):
    """Written decision designating a người làm công tác bảo vệ BMNN (Điều 3, 7 NĐ 26/2020/NĐ-CP)."""

    staff = models.ForeignKey(StaffRecord, on_delete=models.PROTECT, related_name="designations")
    number = models.CharField("Số quyết định", max_length=100)
    signed_on = models.DateField("Ngày quyết định")
    mode = models.CharField("Hình thức", max_length=20, choices=DesignationMode.choices)
    scope = models.TextField("Phạm vi nhiệm vụ")
    ended_on = models.DateField("Ngày thôi", null=True, blank=True)

    class Meta:
        verbose_name = "Quyết định phân công"
        verbose_name_plural = "Quyết định phân công"
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} ({self.get_mode_display()})"


class CommitmentReason(models.TextChoices):
    APPOINTMENT = "appointment", "Khi được giao nhiệm vụ"
    DEPARTURE = "departure", "Khi thôi quản lý BMNN (khoản 2 Điều 26 Luật 29/2018)"
    PROVISION = "provision", "Khi được cung cấp BMNN"
    OTHER = "other", "Khác"


class Commitment(models.Model):
    """Cam kết bảo vệ BMNN, with the scan of the signed paper kept in the data folder."""

    staff = models.ForeignKey(StaffRecord, on_delete=models.PROTECT, related_name="commitments")
    signed_on = models.DateField("Ngày ký")
    reason = models.CharField("Trường hợp", max_length=20, choices=CommitmentReason.choices)
    scope = models.TextField("Nội dung, phạm vi cam kết")
    scan = models.FileField("Bản quét", upload_to="people/commitments/%Y/", blank=True)
    scan_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Cam kết bảo vệ BMNN"
        verbose_name_plural = "Cam kết bảo vệ BMNN"
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff} {self.signed_on:%d/%m/%Y}"


class TrainingSession(models.Model):
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    topic = models.CharField("Chủ đề", max_length=300)
    held_on = models.DateField("Ngày tổ chức")
    organiser = models.CharField("Đơn vị tổ chức", max_length=300)
    materials = models.TextField("Tài liệu", blank=True)
    attendees = models.ManyToManyField(
        StaffRecord, related_name="trainings", verbose_name="Người tham dự", blank=True
    )

    class Meta:
        verbose_name = "Lớp tập huấn"
        verbose_name_plural = "Lớp tập huấn"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.topic} ({self.held_on:%d/%m/%Y})"


class AwarenessKind(models.TextChoices):
    CONFERENCE = "conference", "Hội nghị quán triệt"
    BROADCAST = "broadcast", "Phát thanh, truyền hình, cổng thông tin"
    PRINTED = "printed", "Tài liệu in, tờ rơi, pano"
    OTHER = "other", "Hình thức khác"


class AwarenessActivity(models.Model):
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Hình thức", max_length=20, choices=AwarenessKind.choices)
    title = models.CharField("Nội dung", max_length=300)
    held_on = models.DateField("Ngày")
    reach = models.PositiveIntegerField("Số người, lượt tiếp cận", default=0)

    class Meta:
        verbose_name = "Hoạt động tuyên truyền"
        verbose_name_plural = "Hoạt động tuyên truyền"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class Committee(models.TextChoices):
    STEERING = "steering", "Ban Chỉ đạo công tác bảo vệ BMNN"
    SECURITY_TEAM = "security_team", "Tổ bảo mật"


class CommitteeMembership(models.Model):
    """One term of one member; a change closes the term (ended_on) and opens another, never edits."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    committee = models.CharField("Ban, tổ", max_length=20, choices=Committee.choices)
    staff = models.ForeignKey(StaffRecord, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("Vai trò", max_length=200, help_text="Trưởng ban, Phó trưởng ban, Thành viên…")
    decision = models.CharField("Quyết định số", max_length=100, blank=True)
    started_on = models.DateField("Từ ngày")
    ended_on = models.DateField("Đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "Thành viên Ban Chỉ đạo / Tổ bảo mật"
        verbose_name_plural = "Thành viên Ban Chỉ đạo / Tổ bảo mật"
        ordering = ["committee", "-started_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff} — {self.role}"


class DeclarationKind(models.TextChoices):
    TRIP_ABROAD = "trip_abroad", "Đi nước ngoài"
    PRESS = "press", "Tiếp xúc báo chí"
    FOREIGN_CONTACT = "foreign_contact", "Tiếp xúc với tổ chức, cá nhân nước ngoài"


class DeclarationStatus(models.TextChoices):
    PENDING = "pending", "Chờ phê duyệt"
    APPROVED = "approved", "Đã phê duyệt"
    REFUSED = "refused", "Không phê duyệt"


class Declaration(models.Model):
    staff = models.ForeignKey(StaffRecord, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField("Loại", max_length=20, choices=DeclarationKind.choices)
    starts_on = models.DateField("Từ ngày")
    ends_on = models.DateField("Đến ngày", null=True, blank=True)
    counterpart = models.CharField("Nơi đến / đối tác", max_length=300)
    purpose = models.TextField("Mục đích, nội dung")
    status = models.CharField(
        "Trạng thái", max_length=20, choices=DeclarationStatus.choices, default=DeclarationStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField("Ngày quyết định", null=True, blank=True)
    decision_note = models.TextField("Ý kiến", blank=True)

    class Meta:
        verbose_name = "Khai báo đi nước ngoài, tiếp xúc"
        verbose_name_plural = "Khai báo đi nước ngoài, tiếp xúc"
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.staff}"


class DepartureReason(models.TextChoices):
    RESIGNATION = "resignation", "Thôi việc"
    TRANSFER = "transfer", "Chuyển công tác"
    RETIREMENT = "retirement", "Nghỉ hưu"
    DEATH = "death", "Từ trần"
    REASSIGNMENT = "reassignment", "Thôi làm nhiệm vụ quản lý BMNN"


class Departure(models.Model):
    """Recall and handover when a custodian leaves (khoản 4 Điều 25, điểm d khoản 2 Điều 26 Luật 29/2018)."""

    staff = models.OneToOneField(StaffRecord, on_delete=models.PROTECT, related_name="departure")
    reason = models.CharField("Lý do", max_length=20, choices=DepartureReason.choices)
    leaves_on = models.DateField("Ngày thôi")
    held_items = models.JSONField(
        "Tài liệu, vật chứa BMNN đang quản lý (ảnh chụp lúc lập)", default=list, blank=True
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField("Ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Thôi quản lý BMNN"
        verbose_name_plural = "Thôi quản lý BMNN"
        ordering = ["-leaves_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff} ({self.leaves_on:%d/%m/%Y})"
