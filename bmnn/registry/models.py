"""Secret items (tài liệu, vật chứa BMNN) and the history of acts on them. Tables only; no workflows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from bmnn.lib.choices import Level


class ItemKind(models.TextChoices):
    PAPER_DOCUMENT = "paper_document", "Tài liệu giấy"
    ELECTRONIC_DOCUMENT = "electronic_document", "Văn bản điện tử"
    OBJECT = "object", "Vật"
    PLACE = "place", "Địa điểm"
    SPEECH = "speech", "Lời nói"
    ACTIVITY = "activity", "Hoạt động"
    OTHER = "other", "Hình thức khác"


class ItemStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    PROPOSED = "proposed", "Đang đề xuất"
    CLASSIFIED = "classified", "Đã xác định độ mật"
    DECLASSIFIED = "declassified", "Đã giải mật"
    DESTROYED = "destroyed", "Đã tiêu hủy"
    LOST = "lost", "Bị mất"


class SecretItem(models.Model):
    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="items", verbose_name="Cơ quan"
    )
    kind = models.CharField("Loại", max_length=30, choices=ItemKind.choices, default=ItemKind.PAPER_DOCUMENT)
    document_type = models.CharField("Tên loại", max_length=100, blank=True)
    number = models.CharField("Số, ký hiệu", max_length=100, blank=True)
    date = models.DateField("Ngày văn bản", null=True, blank=True)
    issuing_body = models.CharField("Cơ quan ban hành", max_length=300, blank=True)
    drafting_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Đơn vị soạn thảo",
    )
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="drafted_items",
        verbose_name="Người soạn thảo",
    )
    summary = models.TextField("Trích yếu", blank=True)
    summary_consent = models.BooleanField(
        "Người xác định độ mật đồng ý ghi trích yếu (Tuyệt mật, chế độ 2018)", default=False
    )
    initial_level = models.CharField("Độ mật ban đầu", max_length=20, choices=Level.choices)
    level = models.CharField("Độ mật", max_length=20, choices=Level.choices)
    level_reason = models.TextField("Lý do chọn độ mật thấp hơn căn cứ", blank=True)
    basis = models.ManyToManyField(
        "catalog.CatalogItem", through="ItemBasis", related_name="items", verbose_name="Căn cứ (mục danh mục)"
    )
    circulation_scope = models.TextField("Phạm vi lưu hành", blank=True)
    copies = models.PositiveIntegerField("Số lượng bản", default=1)
    copy_forbidden = models.BooleanField("Không được phép sao, chụp", default=False)
    regime = models.CharField("Chế độ pháp lý", max_length=4, default="2025")
    classified_on = models.DateField("Ngày xác định độ mật", null=True, blank=True)
    protection_ends_on = models.DateField("Hết thời hạn bảo vệ (ngày cuối)", null=True, blank=True)
    protection_note = models.CharField("Ghi chú thời hạn", max_length=300, blank=True)
    shorter_period_until = models.DateField("Thời hạn ngắn hơn (hoạt động)", null=True, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    storage_location = models.CharField("Nơi lưu giữ", max_length=300, blank=True)
    custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="held_items",
        verbose_name="Người quản lý",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Người đề xuất",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Người quyết định",
    )
    returned_reason = models.TextField("Lý do trả lại đề xuất", blank=True)
    declassified_on = models.DateField("Ngày giải mật", null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)  # folded; never a Tuyệt mật summary
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Tài liệu, vật chứa BMNN"
        verbose_name_plural = "Tài liệu, vật chứa BMNN"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["agency", "level", "status"], name="registry_item_access_idx"),
            models.Index(fields=["protection_ends_on"], name="registry_item_end_idx"),
            # The list pages show the newest first: walk this index instead of sorting 100k rows.
            models.Index(fields=["agency", "-created_at"], name="registry_item_recent_idx"),
        ]
        constraints = [
            # Luật 117/2025: a Tuyệt mật item carries no trích yếu; 2018 only with the classifier's consent.
            models.CheckConstraint(
                condition=~Q(level="top_secret") | Q(summary="") | Q(regime="2018", summary_consent=True),
                name="registry_top_secret_no_summary",
                violation_error_message="Tài liệu Tuyệt mật không được ghi trích yếu (Luật 117/2025/QH15).",
            ),
            models.CheckConstraint(condition=Q(copies__gte=1), name="registry_copies_positive"),
        ]

    def __str__(self) -> str:
        label = " ".join(p for p in (self.document_type, self.number) if p) or f"Mục #{self.pk}"
        return label


class ItemBasis(models.Model):
    item = models.ForeignKey(SecretItem, on_delete=models.PROTECT, related_name="basis_links")
    catalog_item = models.ForeignKey("catalog.CatalogItem", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "catalog_item"], name="registry_basis_unique")]

    def __str__(self) -> str:
        return f"{self.item_id} ← {self.catalog_item_id}"


class ItemGrant(models.Model):
    """Explicit need-to-know: this user may see this item (within their clearance)."""

    item = models.ForeignKey(SecretItem, on_delete=models.PROTECT, related_name="grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="item_grants")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    reason = models.CharField("Lý do", max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    # Revoking keeps the row: who could see the item, and when, stays answerable.
    revoked_at = models.DateTimeField("Thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    revoke_reason = models.CharField("Lý do thu hồi", max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "user"],
                condition=Q(revoked_at__isnull=True),
                name="registry_grant_active_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.item_id}"


class ItemAct(models.Model):
    """History of legal acts on an item (proposal, classification, extension, re-level, declassification)."""

    item = models.ForeignKey(SecretItem, on_delete=models.PROTECT, related_name="acts")
    act = models.CharField(max_length=40)
    on = models.DateField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    details = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    LABELS = {
        "proposed": "Đề xuất độ mật",
        "classified": "Xác định độ mật",
        "proposal_returned": "Trả lại đề xuất",
        "extended": "Gia hạn thời hạn bảo vệ",
        "relevelled": "Điều chỉnh độ mật",
        "declassified": "Giải mật",
        "corrected_recall": "Thu hồi (xác định không đúng)",
        "corrected_amend": "Đính chính độ mật / căn cứ",
        "marked_repetitive": "Đánh dấu văn bản lặp lại (không cần đề xuất)",
    }

    def __str__(self) -> str:
        return f"{self.label} {self.on}"

    @property
    def label(self) -> str:
        return self.LABELS.get(self.act, self.act)


class Obligation(models.Model):
    """A duty the law sets after an act (e.g. notify holders within 15 days), owned by a user."""

    item = models.ForeignKey(SecretItem, on_delete=models.PROTECT, related_name="obligations")
    kind = models.CharField(max_length=40)
    description = models.CharField(max_length=300)
    basis = models.CharField(max_length=300)
    due_on = models.DateField()
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="obligations"
    )
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        # The due queue asks for open obligations up to a horizon before it asks which items are visible.
        indexes = [models.Index(fields=["done_on", "due_on"], name="registry_obligation_open_idx")]

    def __str__(self) -> str:
        return f"{self.description} ({self.due_on})"


class RuleSettingChange(models.Model):
    """One change of a rule-set value the law leaves unclear, for one agency (append-only history).

    The value in force is the newest change of (agency, regime, key); ``value`` null means "back to
    the law's default" (data/rulesets/*.json). Rows are never edited or deleted (DB triggers)."""

    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="Cơ quan"
    )
    regime = models.CharField("Chế độ pháp lý", max_length=4)
    key = models.CharField("Giá trị", max_length=60)
    value = models.JSONField("Giá trị mới", null=True, blank=True)
    reason = models.TextField("Lý do")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người thay đổi"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Thay đổi giá trị bộ quy tắc"
        verbose_name_plural = "Thay đổi giá trị bộ quy tắc"
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["agency", "regime", "key"], name="registry_rulesetting_idx")]

    def __str__(self) -> str:
        return f"{self.regime}.{self.key}"


class StandingAuthorisation(models.Model):
    """A competent person's written decision classifying one repetitive kind of document once, so its
    drafters mark each document under the "Lưu" line without a proposal (khoản 5 Điều 2 TT 115/2026)."""

    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="Cơ quan"
    )
    document_type = models.CharField("Loại văn bản lặp lại", max_length=200)
    level = models.CharField("Độ mật", max_length=20, choices=Level.choices)
    basis = models.ForeignKey(
        "catalog.CatalogItem",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Căn cứ (mục danh mục)",
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Đơn vị soạn thảo (để trống: cả cơ quan)",
    )
    decision_ref = models.CharField("Văn bản cho phép (số, ngày)", max_length=200)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="Người cho phép"
    )
    approved_position = models.ForeignKey(
        "org.Position", on_delete=models.PROTECT, null=True, related_name="+", verbose_name="Chức vụ"
    )
    valid_from = models.DateField("Áp dụng từ")
    revoked_on = models.DateField("Thôi áp dụng từ", null=True, blank=True)
    revoke_reason = models.CharField("Lý do thôi áp dụng", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Cho phép đánh dấu văn bản lặp lại"
        verbose_name_plural = "Cho phép đánh dấu văn bản lặp lại"
        ordering = ["document_type", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.document_type} ({self.get_level_display()})"
