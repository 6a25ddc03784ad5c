"""Register books and their numbering. Tables only; workflows live in ``services``.

A register (sổ) is numbered per agency, per register kind, per year, continuing across the books
(quyển) of that year. ``RegisterCounter`` holds the last number given; ``EntryBase`` is the common
shape of every register row (its number is unique in the database and never changes: a trigger
refuses edits of the number columns and any deletion).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class RegisterKind(models.TextChoices):
    OUTGOING = "outgoing", "Sổ đăng ký bí mật nhà nước đi"
    INCOMING = "incoming", "Sổ đăng ký bí mật nhà nước đến"
    HANDOVER = "handover", "Sổ chuyển giao bí mật nhà nước"
    COPY = "copy", "Sổ quản lý sao, chụp bí mật nhà nước"


class RegisterBook(models.Model):
    """One volume (quyển) of a register in a year. Locked books refuse new entries."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="register_books")
    kind = models.CharField("Loại sổ", max_length=20, choices=RegisterKind.choices)
    year = models.PositiveIntegerField("Năm")
    volume = models.PositiveIntegerField("Quyển số")
    first_seq = models.PositiveIntegerField("Số thứ tự đầu")
    last_seq = models.PositiveIntegerField("Số thứ tự cuối", null=True, blank=True)
    opened_on = models.DateField("Ngày mở sổ")
    closed_on = models.DateField("Ngày khóa sổ", null=True, blank=True)
    locked = models.BooleanField("Đã khóa", default=False)
    migrated_from_paper = models.BooleanField("Tiếp nối sổ giấy", default=False)
    note = models.CharField("Ghi chú", max_length=300, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Quyển sổ"
        verbose_name_plural = "Quyển sổ"
        ordering = ["kind", "-year", "-volume"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year", "volume"], name="registers_book_unique"
            ),
            models.CheckConstraint(condition=Q(first_seq__gte=1), name="registers_book_first_seq_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} năm {self.year}, quyển {self.volume}"


class UnlockRequest(models.Model):
    """Reopening a locked book: asked by one person with a reason, approved by another from the leadership."""

    book = models.ForeignKey(RegisterBook, on_delete=models.PROTECT, related_name="unlock_requests")
    reason = models.TextField("Lý do mở khóa")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    approved = models.BooleanField(null=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Mở khóa {self.book}"


class RegisterCounter(models.Model):
    """Last number given in a register for a year. Incremented only inside the registering transaction."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=RegisterKind.choices)
    year = models.PositiveIntegerField()
    last_seq = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "year"], name="registers_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_seq}"


class EntryBase(models.Model):
    """Common columns of a register row. Subclasses add their register's columns.

    ``cancelled_*`` are the only columns a service ever sets after registration (the number stays;
    the row shows "ĐÃ HỦY"). Receipts live in their own rows.
    """

    KIND: str = ""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    book = models.ForeignKey(
        RegisterBook, on_delete=models.PROTECT, related_name="+", verbose_name="Quyển sổ"
    )
    year = models.PositiveIntegerField("Năm")
    seq = models.PositiveIntegerField("Số thứ tự")
    level = models.CharField("Độ mật", max_length=20)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người vào sổ"
    )
    registered_at = models.DateTimeField("Thời điểm vào sổ")
    imported = models.BooleanField("Nhập từ sổ cũ", default=False)
    note = models.TextField("Ghi chú", blank=True)
    cancelled_at = models.DateTimeField("Thời điểm hủy", null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    cancel_reason = models.TextField("Lý do hủy", blank=True)
    search_text = models.TextField(editable=False, blank=True)  # folded; never a Tuyệt mật summary

    class Meta:
        abstract = True
        ordering = ["-year", "-seq"]
        constraints = [
            # The legal number: unique per agency and year in each register (one table per register).
            models.UniqueConstraint(
                fields=["agency", "year", "seq"], name="%(app_label)s_%(class)s_number_unique"
            ),
            models.CheckConstraint(condition=Q(seq__gte=1), name="%(app_label)s_%(class)s_seq_positive"),
        ]

    FROZEN_COLUMNS = ["agency_id", "book_id", "year", "seq", "registered_at", "registered_by_id"]

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def number_label(self) -> str:
        return f"{self.seq}/{self.year}"
