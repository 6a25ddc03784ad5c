"""Devices that draft, store or print state secrets, their seals, inspections, wipes and secure USBs.

Tables only; every change goes through ``services``. Rows are never deleted (PROTECT everywhere):
a device's history is evidence for inspections (Điều 5 Luật 29/2018/QH14).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DeviceKind(models.TextChoices):
    DESKTOP = "desktop", "Máy tính để bàn"
    LAPTOP = "laptop", "Máy tính xách tay"
    PRINTER = "printer", "Máy in"
    COPIER = "copier", "Máy photocopy"
    SCANNER = "scanner", "Máy quét"
    OTHER = "other", "Thiết bị khác"


COMPUTER_KINDS = (DeviceKind.DESKTOP, DeviceKind.LAPTOP)


class Purpose(models.TextChoices):
    DRAFTING = "drafting", "Soạn thảo, lưu giữ BMNN"
    ORDINARY = "ordinary", "Thông thường (không dùng cho BMNN)"


class NetworkStatus(models.TextChoices):
    STANDALONE = "standalone", "Độc lập, không kết nối mạng"
    INDEPENDENT_LAN = "independent_lan", "Mạng LAN độc lập"
    NETWORKED = "networked", "Có kết nối Internet / mạng ngoài"
    NONE = "none", "Chưa khai báo"


class DeviceStatus(models.TextChoices):
    IN_USE = "in_use", "Đang sử dụng"
    REPURPOSED = "repurposed", "Đã chuyển mục đích sử dụng"
    DISPOSED = "disposed", "Đã thanh lý"


class Device(models.Model):
    """A computer, printer or copier. ``purpose=drafting`` marks a device used for secrets."""

    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="Cơ quan"
    )
    kind = models.CharField("Loại thiết bị", max_length=20, choices=DeviceKind.choices)
    asset_tag = models.CharField("Mã tài sản", max_length=60)
    hostname = models.CharField("Tên máy (hostname)", max_length=120, blank=True)
    model_name = models.CharField("Hãng, model", max_length=200, blank=True)
    location = models.CharField("Vị trí đặt máy", max_length=300, blank=True)
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="Đơn vị"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Người quản lý, sử dụng",
    )
    purpose = models.CharField("Mục đích sử dụng", max_length=20, choices=Purpose.choices)
    network_status = models.CharField(
        "Tình trạng kết nối mạng (khai báo)", max_length=20, choices=NetworkStatus.choices
    )
    status = models.CharField(
        "Trạng thái", max_length=20, choices=DeviceStatus.choices, default=DeviceStatus.IN_USE
    )
    notes = models.TextField("Ghi chú", blank=True)
    registered_on = models.DateField("Ngày đăng ký")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Thiết bị"
        verbose_name_plural = "Thiết bị"
        ordering = ["asset_tag"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "asset_tag"], name="assets_device_tag_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.asset_tag} ({self.get_kind_display()})"

    @property
    def is_computer(self) -> bool:
        return self.kind in COMPUTER_KINDS


class IdentifierKind(models.TextChoices):
    MAC = "mac", "Địa chỉ MAC"
    SERIAL = "serial", "Số sê-ri"


class DeviceIdentifier(models.Model):
    """MAC of one interface, or a hardware serial; unique across the installation (normalised)."""

    device = models.ForeignKey(Device, on_delete=models.PROTECT, related_name="identifiers")
    kind = models.CharField(max_length=10, choices=IdentifierKind.choices)
    value = models.CharField(max_length=120)

    class Meta:
        verbose_name = "Định danh thiết bị"
        verbose_name_plural = "Định danh thiết bị"
        ordering = ["kind", "value"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="assets_identifier_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class SealStatus(models.TextChoices):
    ACTIVE = "active", "Còn nguyên"
    BROKEN = "broken", "Bị rách, bóc"
    REPLACED = "replaced", "Đã thay tem mới"
    REMOVED = "removed", "Đã gỡ (thanh lý, chuyển mục đích)"


class Seal(models.Model):
    """Tem an toàn an ninh thông tin. A number is used once, ever: rows are never deleted."""

    device = models.ForeignKey(Device, on_delete=models.PROTECT, related_name="seals")
    number = models.CharField("Số tem", max_length=60, unique=True)
    sealed_on = models.DateField("Ngày dán tem")
    sealed_by = models.CharField("Người, đơn vị dán tem", max_length=300)
    status = models.CharField(
        "Tình trạng", max_length=20, choices=SealStatus.choices, default=SealStatus.ACTIVE
    )
    ended_on = models.DateField("Ngày hết hiệu lực", null=True, blank=True)
    end_reason = models.CharField("Lý do", max_length=300, blank=True)

    class Meta:
        verbose_name = "Tem an toàn"
        verbose_name_plural = "Tem an toàn"
        ordering = ["-sealed_on", "-pk"]

    def __str__(self) -> str:
        return self.number


class CheckResult(models.TextChoices):
    PASS = "PASS", "Đạt"
    WARN = "WARN", "Cảnh báo"
    UNKNOWN = "UNKNOWN", "Không xác định"
    FAIL = "FAIL", "Không đạt"


class DeviceInspection(models.Model):
    """One check of a device: by hand, or from an uploaded ``bmnn hostcheck`` JSON report."""

    device = models.ForeignKey(Device, on_delete=models.PROTECT, related_name="inspections")
    checked_on = models.DateField("Ngày kiểm tra")
    inspector = models.CharField("Người, đơn vị kiểm tra", max_length=300, blank=True)
    result = models.CharField("Kết quả", max_length=10, choices=CheckResult.choices)
    notes = models.TextField("Ghi chú", blank=True)
    from_hostcheck = models.BooleanField("Từ báo cáo kiểm tra máy tính", default=False)
    report = models.JSONField("Báo cáo (JSON)", null=True, blank=True)
    report_sha256 = models.CharField("SHA-256 của báo cáo", max_length=64, blank=True)
    verdicts = models.JSONField("Kết luận từng mục", default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Lần kiểm tra thiết bị"
        verbose_name_plural = "Lần kiểm tra thiết bị"
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.device.asset_tag} {self.checked_on:%d/%m/%Y}: {self.result}"


class WipeRecord(models.Model):
    """Xóa dữ liệu BMNN before repurposing or disposal (khoản 7 Điều 5 Luật 29/2018/QH14)."""

    device = models.ForeignKey(Device, on_delete=models.PROTECT, related_name="wipes")
    wiped_on = models.DateField("Ngày xóa dữ liệu")
    method = models.CharField("Phương pháp", max_length=300)
    performed_by = models.CharField("Người thực hiện", max_length=300)
    witness = models.CharField("Người chứng kiến", max_length=300, blank=True)
    reference = models.CharField("Biên bản số", max_length=100, blank=True)
    consumed = models.BooleanField("Đã dùng cho một lần chuyển mục đích/thanh lý", default=False)

    class Meta:
        verbose_name = "Biên bản xóa dữ liệu"
        verbose_name_plural = "Biên bản xóa dữ liệu"
        ordering = ["-wiped_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.device.asset_tag} {self.wiped_on:%d/%m/%Y}"


class StorageDevice(models.Model):
    """USB an toàn (secure USB) and similar removable storage for secrets."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    serial = models.CharField("Số sê-ri", max_length=120, unique=True)
    label = models.CharField("Tên, nhãn", max_length=200, blank=True)
    issued_by = models.CharField("Đơn vị cấp (Ban Cơ yếu…)", max_length=300, blank=True)
    registered_on = models.DateField("Ngày đăng ký")

    class Meta:
        verbose_name = "Thiết bị lưu trữ"
        verbose_name_plural = "Thiết bị lưu trữ"
        ordering = ["serial"]

    def __str__(self) -> str:
        return self.serial


class StorageAllocation(models.Model):
    storage = models.ForeignKey(StorageDevice, on_delete=models.PROTECT, related_name="allocations")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người nhận"
    )
    allocated_on = models.DateField("Ngày giao")
    due_on = models.DateField("Hạn trả", null=True, blank=True)
    returned_on = models.DateField("Ngày trả", null=True, blank=True)

    class Meta:
        verbose_name = "Giao, trả thiết bị lưu trữ"
        verbose_name_plural = "Giao, trả thiết bị lưu trữ"
        ordering = ["-allocated_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["storage"],
                condition=models.Q(returned_on__isnull=True),
                name="assets_one_open_allocation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.storage.serial} → {self.holder}"
