"""Organisation: agency (cơ quan), units, positions and the authority attached to positions.

Authority belongs to positions, not to people (Luật 29/2018 Điều 10–11, 14, 23):
who may classify, authorise copying, destruction, take-out ... up to which level is
configuration seeded with the law's defaults (see ``defaults.py``).
"""

from __future__ import annotations

from django.db import models

from bmnn.lib.choices import Level


class AgencyLevel(models.TextChoices):
    CENTRAL = "central", "Trung ương"
    PROVINCIAL = "provincial", "Tỉnh"
    COMMUNE = "commune", "Xã"
    UNIT = "unit", "Đơn vị"


class Agency(models.Model):
    name = models.CharField("Tên cơ quan", max_length=300)
    short_name = models.CharField("Tên viết tắt", max_length=50, blank=True)
    governing_body = models.CharField("Cơ quan chủ quản", max_length=300, blank=True)
    level = models.CharField(
        "Cấp", max_length=20, choices=AgencyLevel.choices, default=AgencyLevel.PROVINCIAL
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="Cơ quan cấp trên",
    )
    place = models.CharField("Địa danh (dòng ngày tháng)", max_length=100, blank=True)
    is_demo = models.BooleanField("Dữ liệu mẫu", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Cơ quan"
        verbose_name_plural = "Cơ quan"

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="units", verbose_name="Cơ quan")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="Đơn vị cấp trên",
    )
    code = models.CharField("Mã đơn vị", max_length=30)
    name = models.CharField("Tên đơn vị", max_length=300)
    is_active = models.BooleanField("Đang hoạt động", default=True)
    is_demo = models.BooleanField("Dữ liệu mẫu", default=False)

    class Meta:
        verbose_name = "Đơn vị"
        verbose_name_plural = "Đơn vị"
        ordering = ["agency", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="org_unit_code_unique")]

    def __str__(self) -> str:
        return self.name


class PositionKind(models.TextChoices):
    HEAD = "head", "Người đứng đầu"
    DEPUTY_HEAD = "deputy_head", "Cấp phó của người đứng đầu"
    UNIT_HEAD = "unit_head", "Trưởng đơn vị"
    DEPUTY_UNIT_HEAD = "deputy_unit_head", "Phó trưởng đơn vị"
    STAFF = "staff", "Cán bộ, công chức"


class Position(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="positions", verbose_name="Cơ quan"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="positions", verbose_name="Đơn vị"
    )
    code = models.CharField("Mã chức vụ", max_length=30)
    name = models.CharField("Tên chức vụ", max_length=200)
    kind = models.CharField("Loại", max_length=20, choices=PositionKind.choices, default=PositionKind.STAFF)
    is_active = models.BooleanField("Đang sử dụng", default=True)
    is_demo = models.BooleanField("Dữ liệu mẫu", default=False)

    class Meta:
        verbose_name = "Chức vụ"
        verbose_name_plural = "Chức vụ"
        ordering = ["agency", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="org_position_code_unique")]

    def __str__(self) -> str:
        return self.name


class Act(models.TextChoices):
    CLASSIFY = "classify", "Xác định BMNN và độ mật"
    COPY = "copy", "Cho phép sao, chụp"
    PROVIDE = "provide", "Cho phép cung cấp, chuyển giao"
    TAKE_OUT = "take_out", "Cho phép mang ra khỏi nơi lưu giữ (trong nước)"
    TAKE_ABROAD = "take_abroad", "Cho phép mang ra nước ngoài"
    DESTROY = "destroy", "Quyết định tiêu hủy"
    EXTEND = "extend", "Gia hạn thời hạn bảo vệ"
    RELEVEL = "relevel", "Điều chỉnh độ mật"
    DECLASSIFY = "declassify", "Quyết định giải mật"


class PositionAuthority(models.Model):
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="authorities", verbose_name="Chức vụ"
    )
    act = models.CharField("Thẩm quyền", max_length=20, choices=Act.choices)
    max_level = models.CharField("Đến độ mật", max_length=20, choices=Level.choices)
    valid_from = models.DateField("Áp dụng từ", null=True, blank=True)
    valid_to = models.DateField("Áp dụng đến", null=True, blank=True)
    basis = models.CharField("Căn cứ", max_length=300, blank=True)

    class Meta:
        verbose_name = "Thẩm quyền của chức vụ"
        verbose_name_plural = "Thẩm quyền của chức vụ"
        constraints = [
            models.UniqueConstraint(fields=["position", "act", "valid_from"], name="org_authority_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.get_act_display()} đến {self.get_max_level_display()}"


class Delegation(models.Model):
    """Written delegation (ủy quyền) from a position to a deputy — Luật 29/2018 Điều 11.2.

    The delegate may not delegate further; that rule is checked in ``rules.check_delegation``.
    """

    from_position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="delegations_given", verbose_name="Người ủy quyền"
    )
    to_position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        related_name="delegations_received",
        verbose_name="Cấp phó được ủy quyền",
    )
    act = models.CharField("Thẩm quyền", max_length=20, choices=Act.choices)
    max_level = models.CharField("Đến độ mật", max_length=20, choices=Level.choices)
    valid_from = models.DateField("Từ ngày")
    valid_to = models.DateField(
        "Đến ngày", null=True, blank=True, help_text="Để trống nếu ủy quyền thường xuyên."
    )
    document_ref = models.CharField("Văn bản ủy quyền (số, ngày)", max_length=200)
    scope = models.TextField("Phạm vi, nội dung", blank=True)
    revoked_on = models.DateField("Thu hồi từ ngày", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Ủy quyền"
        verbose_name_plural = "Ủy quyền"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.from_position} → {self.to_position}: {self.get_act_display()}"
