"""Items leaving their store or their holder: take-out permits, provision, recall, departing custodians.

Luật 29/2018/QH14 Điều 14 (mang ra khỏi nơi lưu giữ), 15–16 (cung cấp, chuyển giao), 25.4 and 26.2.d
(thu hồi khi người quản lý thôi việc, cam kết); NĐ 26/2020/NĐ-CP Điều 4.4, 5. From 01/03/2026 the
same articles of Luật 117/2025/QH15 and NĐ 63/2026/NĐ-CP.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PermitStatus(models.TextChoices):
    REQUESTED = "requested", "Đang đề nghị"
    APPROVED = "approved", "Đã cho phép"
    REFUSED = "refused", "Không cho phép"
    RETURNED = "returned", "Đã trả lại"


class TakeOutScope(models.TextChoices):
    IN_COUNTRY = "in_country", "Trong nước"
    ABROAD = "abroad", "Ra nước ngoài"


class TakeOutPermit(models.Model):
    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="take_outs")
    item_copy = models.ForeignKey(
        "movements.ItemCopy", on_delete=models.PROTECT, related_name="take_outs", null=True, blank=True
    )
    scope = models.CharField("Phạm vi", max_length=20, choices=TakeOutScope.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    purpose = models.TextField("Mục đích")
    place = models.CharField("Nơi đến làm việc", max_length=300)
    period_from = models.DateField("Từ ngày")
    period_to = models.DateField("Đến ngày")
    protective_measures = models.TextField("Biện pháp bảo vệ")
    status = models.CharField("Trạng thái", max_length=20, choices=PermitStatus.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_on = models.DateField("Ngày quyết định", null=True, blank=True)
    decision_ref = models.CharField("Văn bản cho phép", max_length=200, blank=True)
    refusal_reason = models.TextField("Lý do không cho phép", blank=True)
    returned_on = models.DateField("Ngày trả lại", null=True, blank=True)
    return_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    return_report = models.TextField("Báo cáo việc sử dụng khi trả lại", blank=True)

    class Meta:
        verbose_name = "Giấy phép mang ra khỏi nơi lưu giữ"
        verbose_name_plural = "Giấy phép mang ra khỏi nơi lưu giữ"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Mang {self.get_scope_display().lower()}: {self.item}"

    @property
    def is_open(self) -> bool:
        return self.status in (PermitStatus.REQUESTED, PermitStatus.APPROVED)


class RecipientKind(models.TextChoices):
    VN_BODY = "vn_body", "Cơ quan, tổ chức Việt Nam"
    VN_PERSON = "vn_person", "Người Việt Nam"
    FOREIGN_BODY = "foreign_body", "Cơ quan, tổ chức nước ngoài"
    FOREIGN_PERSON = "foreign_person", "Cá nhân nước ngoài"


class ProvisionRequest(models.Model):
    """A written request to be provided a secret (Mẫu 17 TT 24/2020) and its decision or refusal."""

    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="provisions")
    recipient_kind = models.CharField("Bên đề nghị", max_length=20, choices=RecipientKind.choices)
    recipient_name = models.CharField("Tên cơ quan, tổ chức / họ tên", max_length=300)
    representative = models.CharField("Người đại diện", max_length=300, blank=True)
    id_number = models.CharField("Số giấy tờ tùy thân (CCCD, hộ chiếu…)", max_length=50, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    position = models.CharField("Chức vụ", max_length=200, blank=True)
    nationality = models.CharField("Quốc tịch", max_length=100, blank=True)
    purpose = models.TextField("Mục đích sử dụng")
    commitment = models.TextField("Cam kết bảo vệ bí mật nhà nước")
    no_third_party = models.BooleanField("Cam kết không cung cấp cho bên thứ ba", default=False)
    request_ref = models.CharField("Văn bản đề nghị (số, ngày)", max_length=200, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField()
    status = models.CharField("Trạng thái", max_length=20, choices=PermitStatus.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    external_decider = models.CharField("Người quyết định ngoài cơ quan", max_length=200, blank=True)
    decided_on = models.DateField("Ngày quyết định", null=True, blank=True)
    decision_ref = models.CharField("Văn bản quyết định / trả lời", max_length=200, blank=True)
    refusal_reason = models.TextField("Lý do từ chối", blank=True)

    class Meta:
        verbose_name = "Đề nghị cung cấp, chuyển giao BMNN"
        verbose_name_plural = "Đề nghị cung cấp, chuyển giao BMNN"
        ordering = ["-registered_at"]

    def __str__(self) -> str:
        return f"Cung cấp cho {self.recipient_name}: {self.item}"

    @property
    def is_foreign(self) -> bool:
        return self.recipient_kind in (RecipientKind.FOREIGN_BODY, RecipientKind.FOREIGN_PERSON)


class CustodianDeparture(models.Model):
    """A custodian stops managing secrets (leaves, moves, retires): everything is recalled, a commitment signed."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    custodian = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("Lý do", max_length=300)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_on = models.DateField("Ngày quyết định thu hồi")
    deadline = models.DateField("Hạn bàn giao")
    commitment_ref = models.CharField("Bản cam kết bảo vệ BMNN (số, ngày)", max_length=200, blank=True)
    commitment_signed_on = models.DateField("Ngày ký cam kết", null=True, blank=True)
    closed_on = models.DateField("Ngày hoàn tất", null=True, blank=True)

    class Meta:
        verbose_name = "Thu hồi khi người quản lý thôi quản lý BMNN"
        verbose_name_plural = "Thu hồi khi người quản lý thôi quản lý BMNN"
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"Thu hồi BMNN do {self.custodian} thôi quản lý"


class Recall(models.Model):
    """Thu hồi: one holder must return one item (or one copy) by a deadline."""

    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="recalls")
    item_copy = models.ForeignKey(
        "movements.ItemCopy", on_delete=models.PROTECT, related_name="recalls", null=True, blank=True
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    holder_name = models.CharField("Nơi, người đang giữ", max_length=300)
    reason = models.TextField("Lý do thu hồi")
    departure = models.ForeignKey(
        CustodianDeparture, on_delete=models.PROTECT, related_name="recalls", null=True, blank=True
    )
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField("Ngày thu hồi")
    deadline = models.DateField("Hạn trả lại")
    returned_on = models.DateField("Ngày đã trả lại", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = "Thu hồi tài liệu BMNN"
        verbose_name_plural = "Thu hồi tài liệu BMNN"
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return f"Thu hồi {self.item_copy.label if self.item_copy else self.item} từ {self.holder_name}"

    @property
    def is_open(self) -> bool:
        return self.returned_on is None
