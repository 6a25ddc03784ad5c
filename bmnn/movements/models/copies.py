"""Copies (bản sao, chụp): the permission, each numbered copy, and the copy register row.

Copies have the legal value of the original and are protected as the original (Điều 11 Luật
29/2018/QH14, Điều 3 NĐ 26/2020/NĐ-CP; Điều 11 Luật 117/2025/QH15, Điều 5 NĐ 63/2026/NĐ-CP).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from bmnn.lib.choices import Level
from bmnn.registers.models import EntryBase


class CopyKind(models.TextChoices):
    COPY_TRUE = "sao_y", "Sao y"
    COPY_FROM_COPY = "sao_luc", "Sao lục"
    EXTRACT = "trich_sao", "Trích sao"
    PHOTO = "chup", "Chụp"
    DIGITISE = "so_hoa", "Số hóa"


class CopyStatus(models.TextChoices):
    REQUESTED = "requested", "Đang đề nghị"
    APPROVED = "approved", "Đã cho phép, chờ sao"
    REFUSED = "refused", "Không cho phép"
    PERFORMED = "performed", "Đã sao, chụp"


class CopyPermission(models.Model):
    """The authoriser's permission to copy one item: requested in the app, or recorded from paper."""

    item = models.ForeignKey(
        "registry.SecretItem",
        on_delete=models.PROTECT,
        related_name="copy_permissions",
        verbose_name="Tài liệu",
    )
    kind = models.CharField("Hình thức", max_length=20, choices=CopyKind.choices)
    quantity = models.PositiveIntegerField("Số lượng bản")
    recipients = models.JSONField("Nơi nhận bản sao", default=list)
    purpose = models.TextField("Mục đích", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người đề nghị"
    )
    requested_at = models.DateTimeField("Thời điểm đề nghị")
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người cho phép"
    )
    authoriser_repr = models.CharField("Chức vụ, họ tên người cho phép", max_length=300, blank=True)
    status = models.CharField("Trạng thái", max_length=20, choices=CopyStatus.choices)
    permission_ref = models.CharField("Văn bản cho phép (số, ngày)", max_length=200, blank=True)
    decided_on = models.DateField("Ngày cho phép", null=True, blank=True)
    refusal_reason = models.TextField("Lý do không cho phép", blank=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="Người sao, chụp",
    )
    performed_on = models.DateField("Ngày sao, chụp", null=True, blank=True)
    recorded_from_paper = models.BooleanField("Ghi nhận từ văn bản giấy", default=False)

    class Meta:
        verbose_name = "Cho phép sao, chụp"
        verbose_name_plural = "Cho phép sao, chụp"
        ordering = ["-requested_at"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="movements_copy_quantity")]

    def __str__(self) -> str:
        return f"Sao, chụp {self.quantity} bản — {self.item}"


class CopyEntry(EntryBase):
    """One row of the sổ quản lý sao, chụp BMNN: one copying act with all its copy numbers.

    The official columns are not published (legal-notes §4.4, open question Q1); these follow
    the fields the copy stamps and minutes require.
    """

    KIND = "copy"

    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="+")
    permission = models.OneToOneField(CopyPermission, on_delete=models.PROTECT, related_name="entry")
    copied_on = models.DateField("Ngày sao, chụp")
    source_repr = models.CharField("Tài liệu gốc (số, ký hiệu, ngày, cơ quan ban hành)", max_length=500)
    kind = models.CharField("Hình thức", max_length=20, choices=CopyKind.choices)
    quantity = models.PositiveIntegerField("Số lượng bản")
    copy_numbers = models.CharField("Số bản sao", max_length=500)
    authoriser_repr = models.CharField("Người cho phép", max_length=300)
    performer_repr = models.CharField("Người sao, chụp", max_length=300)
    recipients_repr = models.TextField("Nơi nhận")

    class Meta(EntryBase.Meta):
        verbose_name = "Dòng sổ quản lý sao, chụp BMNN"
        verbose_name_plural = "Sổ quản lý sao, chụp BMNN"

    def __str__(self) -> str:
        return f"Sổ sao, chụp số {self.number_label}"


class ItemCopy(models.Model):
    """One copy ("Bản sao số n/N"): same level as the original, seen exactly by who sees the original."""

    item = models.ForeignKey(
        "registry.SecretItem",
        on_delete=models.PROTECT,
        related_name="item_copies",
        verbose_name="Tài liệu gốc",
    )
    permission = models.ForeignKey(CopyPermission, on_delete=models.PROTECT, related_name="copies")
    entry = models.ForeignKey(CopyEntry, on_delete=models.PROTECT, related_name="copies")
    number = models.PositiveIntegerField("Bản số")
    total = models.PositiveIntegerField("Tổng số bản")
    kind = models.CharField("Hình thức", max_length=20, choices=CopyKind.choices)
    level = models.CharField("Độ mật khi sao", max_length=20, choices=Level.choices)
    recipient = models.CharField("Nơi nhận", max_length=300, blank=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="held_copies",
        null=True,
        blank=True,
        verbose_name="Người đang giữ",
    )
    destroyed_on = models.DateField("Ngày tiêu hủy", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Bản sao"
        verbose_name_plural = "Bản sao"
        ordering = ["permission_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["permission", "number"], name="movements_copy_number_unique"),
            models.CheckConstraint(
                condition=Q(number__gte=1) & Q(number__lte=models.F("total")),
                name="movements_copy_n_of_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} — {self.item}"

    @property
    def copy_number(self) -> str:
        return f"{self.number}/{self.total}"

    @property
    def label(self) -> str:
        return f"Bản sao số {self.copy_number}"

    @property
    def is_destroyed(self) -> bool:
        return self.destroyed_on is not None
