"""Accounts: every user has an agency, a unit, a position, a role and a clearance."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from bmnn.lib.choices import Clearance


class Role(models.TextChoices):
    ADMIN = "admin", "Quản trị hệ thống"
    HEAD = "head", "Lãnh đạo"
    DEPUTY = "deputy", "Cấp phó"
    SECURITY_OFFICER = "security_officer", "Cán bộ bảo mật"
    CLERK = "clerk", "Văn thư"
    STAFF = "staff", "Chuyên viên"
    INSPECTOR = "inspector", "Kiểm tra viên"


class User(AbstractUser):
    full_name = models.CharField("Họ và tên", max_length=200, blank=True)
    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="Cơ quan",
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="Đơn vị",
    )
    position = models.ForeignKey(
        "org.Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="holders",
        verbose_name="Chức vụ",
    )
    role = models.CharField("Vai trò", max_length=30, choices=Role.choices, default=Role.STAFF)
    clearance = models.CharField(
        "Mức được tiếp cận", max_length=20, choices=Clearance.choices, default=Clearance.NONE
    )
    is_demo = models.BooleanField("Dữ liệu mẫu", default=False)

    class Meta:
        verbose_name = "Người dùng"
        verbose_name_plural = "Người dùng"
        ordering = ["username"]

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name()

    def __str__(self) -> str:
        return self.full_name or self.username


class AccountPolicy(models.Model):
    """Agency-wide account policy; an admin may make TOTP mandatory for admins and heads."""

    agency = models.OneToOneField("org.Agency", on_delete=models.PROTECT, related_name="account_policy")
    totp_required_for_admins_and_heads = models.BooleanField(
        "Bắt buộc xác thực hai lớp (TOTP) với quản trị và lãnh đạo", default=False
    )

    class Meta:
        verbose_name = "Chính sách tài khoản"
        verbose_name_plural = "Chính sách tài khoản"

    def __str__(self) -> str:
        return f"Chính sách tài khoản — {self.agency}"
