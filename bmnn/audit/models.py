"""The ledger: an append-only, keyed, hash-chained record of every act.

Append-only three times over: this model refuses update/delete, the admin is
read-only, and database triggers (migration 0002) refuse UPDATE/DELETE on
SQLite and UPDATE/DELETE/TRUNCATE on PostgreSQL.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class LedgerIsAppendOnly(Exception):
    """Raised on any attempt to change or remove a ledger entry."""


class LedgerEntry(models.Model):
    seq = models.BigIntegerField("Số thứ tự", primary_key=True)
    created_at = models.DateTimeField("Thời điểm (UTC)")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # a legal record never dies with a user
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Người thực hiện",
    )
    actor_repr = models.CharField("Người thực hiện (ghi lại)", max_length=300)
    event = models.CharField("Sự kiện", max_length=100, db_index=True)
    subject_type = models.CharField("Loại đối tượng", max_length=100, blank=True)
    subject_id = models.CharField("Mã đối tượng", max_length=64, blank=True)
    subject_repr = models.CharField("Đối tượng (ghi lại)", max_length=500, blank=True)
    # Canonical JSON text, stored as written so the HMAC covers the exact bytes.
    payload = models.TextField("Dữ liệu", default="{}")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "audit_ledgerentry"
        ordering = ["seq"]
        verbose_name = "Bản ghi nhật ký"
        verbose_name_plural = "Sổ nhật ký"
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"#{self.seq} {self.event}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise LedgerIsAppendOnly("Sổ nhật ký chỉ được ghi thêm, không được sửa.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise LedgerIsAppendOnly("Sổ nhật ký chỉ được ghi thêm, không được xóa.")

    @property
    def head(self) -> str:
        return f"{self.seq}:{self.hash}"
