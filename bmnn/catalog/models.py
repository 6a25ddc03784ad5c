"""Danh mục BMNN: catalog decisions and their items.

A classification always cites an item (decision + level + Điều/khoản/điểm). Items in use
are never deleted, only closed (valid_to), so past decisions keep their basis.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from bmnn.lib.choices import Level
from bmnn.lib.citation import format_citation
from bmnn.lib.vntext import fold


class CatalogSource(models.TextChoices):
    PUBLIC = "public", "Danh mục công khai"
    AGENCY = "agency", "Do cơ quan nhập"
    STARTER = "starter", "Danh mục mẫu (theo tin công khai)"


class Catalog(models.Model):
    decision = models.CharField("Số quyết định", max_length=100)  # e.g. 2500/QĐ-TTg
    signed_on = models.DateField("Ngày ký", null=True, blank=True)
    title = models.CharField("Trích yếu quyết định", max_length=500, blank=True)
    sector = models.CharField("Lĩnh vực", max_length=300, blank=True)
    valid_from = models.DateField("Hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("Hết hiệu lực từ", null=True, blank=True)
    source = models.CharField(
        "Nguồn", max_length=20, choices=CatalogSource.choices, default=CatalogSource.AGENCY
    )
    source_note = models.TextField("Ghi chú nguồn", blank=True)
    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="catalogs",
        verbose_name="Cơ quan nhập (để trống nếu dùng chung)",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Danh mục BMNN"
        verbose_name_plural = "Danh mục BMNN"
        ordering = ["-signed_on", "decision"]

    def __str__(self) -> str:
        return f"Quyết định {self.decision}"

    def in_force(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on < self.valid_to
        )


class CatalogItem(models.Model):
    catalog = models.ForeignKey(
        Catalog, on_delete=models.PROTECT, related_name="items", verbose_name="Danh mục"
    )
    level = models.CharField("Độ mật", max_length=20, choices=Level.choices)
    article = models.CharField("Điều", max_length=10)
    clause = models.CharField("Khoản", max_length=10, blank=True)
    point = models.CharField("Điểm", max_length=10, blank=True)
    text = models.TextField("Nội dung")
    context = models.TextField("Tiêu đề nhóm (khoản/điều chứa mục)", blank=True)
    search_text = models.TextField(editable=False, blank=True)  # folded (accent-insensitive, đ→d)
    valid_from = models.DateField("Áp dụng từ", null=True, blank=True)
    valid_to = models.DateField("Đóng từ ngày", null=True, blank=True)
    closed_reason = models.CharField("Lý do đóng", max_length=300, blank=True)

    class Meta:
        verbose_name = "Mục danh mục BMNN"
        verbose_name_plural = "Mục danh mục BMNN"
        ordering = ["catalog", "article", "clause", "point"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalog", "article", "clause", "point"], name="catalog_item_citation_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.citation

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = fold(f"{self.context} {self.text}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def citation(self) -> str:
        return format_citation(self.article, self.clause, self.point, self.catalog.decision)

    def valid_on(self, on: dt.date) -> bool:
        start = self.valid_from or self.catalog.valid_from or self.catalog.signed_on
        end = self.valid_to or self.catalog.valid_to
        return (start is None or start <= on) and (end is None or on < end)
