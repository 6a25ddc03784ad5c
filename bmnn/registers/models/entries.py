"""The concrete registers: sổ đi (outgoing), sổ đến (incoming), sổ chuyển giao (handover).

Each row is a legal record: the number columns and the content written at registration never change
(DB triggers, see the migrations); receipts and confirmations are written once, later, by services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bmnn.registers.models.base import EntryBase


class ReceiptMethod(models.TextChoices):
    IN_APP = "in_app", "Xác nhận trên hệ thống"
    PAPER = "paper", "Ký nhận trên giấy"


class HandoverStatus(models.TextChoices):
    IN_TRANSIT = "in_transit", "Đang chuyển giao (chờ người nhận ký)"
    CONFIRMED = "confirmed", "Người nhận đã ký nhận"


class DocumentColumns(models.Model):
    """Columns describing the registered document, shared by sổ đi and sổ đến."""

    item = models.ForeignKey(
        "registry.SecretItem", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    number = models.CharField("Số, ký hiệu", max_length=100, blank=True)
    doc_date = models.DateField("Ngày tháng văn bản", null=True, blank=True)
    document_type = models.CharField("Tên loại", max_length=100, blank=True)
    # Tuyệt mật: none under the 2025 regime; 2018 only with the classifier's consent. Never indexed.
    summary = models.TextField("Trích yếu", blank=True)
    summary_consent = models.BooleanField("Có ý kiến đồng ý ghi trích yếu (Tuyệt mật, 2018)", default=False)
    regime = models.CharField("Chế độ pháp lý", max_length=4, default="2025")

    class Meta:
        abstract = True


class OutgoingEntry(EntryBase, DocumentColumns):
    """Sổ đăng ký bí mật nhà nước đi (Mẫu 14 TT 24/2020/TT-BCA): registered before sending."""

    KIND = "outgoing"
    signer = models.CharField("Người ký", max_length=200, blank=True)
    storage_unit = models.CharField("Đơn vị lưu", max_length=200, blank=True)
    quantity = models.PositiveIntegerField("Số lượng bản", default=1)
    addressee_name = models.CharField(
        "Người nhận có tên (bì ghi 'Chỉ người có tên…')", max_length=200, blank=True
    )
    envelope = models.TextField("Chỉ dẫn làm bì", blank=True)

    class Meta(EntryBase.Meta):
        verbose_name = "Dòng sổ đi"
        verbose_name_plural = "Sổ đăng ký BMNN đi"
        indexes = [models.Index(fields=["book", "seq"], name="registers_out_book_seq")]

    FROZEN_COLUMNS = [*EntryBase.FROZEN_COLUMNS, "level", "item_id", "number", "summary", "doc_date"]

    def __str__(self) -> str:
        return f"Sổ đi số {self.seq}/{self.year}"


class OutgoingReceipt(models.Model):
    """One recipient of an outgoing document and their signature (who, when, in-app or on paper)."""

    entry = models.ForeignKey(OutgoingEntry, on_delete=models.PROTECT, related_name="receipts")
    recipient = models.CharField("Nơi nhận", max_length=300)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_by = models.CharField("Người ký nhận", max_length=200, blank=True)
    signed_on = models.DateField("Ngày ký nhận", null=True, blank=True)
    method = models.CharField(max_length=10, choices=ReceiptMethod.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.recipient

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None


class IncomingEntry(EntryBase, DocumentColumns):
    """Sổ đăng ký bí mật nhà nước đến (Mẫu 15): the arrival number (số đến) is the entry's ``seq``."""

    KIND = "incoming"
    arrival_date = models.DateField("Ngày đến")
    issuing_body = models.CharField("Cơ quan ban hành", max_length=300, blank=True)
    issuing_body_key = models.CharField(max_length=300, blank=True, db_index=True)  # folded, for duplicates
    receiving_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Đơn vị nhận",
    )
    receiving_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # "Chỉ người có tên mới được bóc bì": registered from the outside and passed on unopened.
    sealed_for_addressee = models.BooleanField("Bì 'Chỉ người có tên mới được bóc bì'", default=False)
    tampering = models.BooleanField("Có dấu hiệu bóc, mở bì, tráo đổi", default=False)
    tampering_report = models.TextField("Báo cáo dấu hiệu bất thường", blank=True)
    received_by = models.CharField("Người ký nhận", max_length=200, blank=True)
    received_on = models.DateField("Ngày ký nhận", null=True, blank=True)
    receipt_method = models.CharField(max_length=10, choices=ReceiptMethod.choices, blank=True)

    class Meta(EntryBase.Meta):
        verbose_name = "Dòng sổ đến"
        verbose_name_plural = "Sổ đăng ký BMNN đến"
        indexes = [
            models.Index(fields=["book", "seq"], name="registers_in_book_seq"),
            models.Index(fields=["agency", "issuing_body_key", "number"], name="registers_in_dup"),
        ]

    FROZEN_COLUMNS = [*EntryBase.FROZEN_COLUMNS, "level", "item_id", "number", "summary", "arrival_date"]

    def __str__(self) -> str:
        return f"Sổ đến số {self.seq}/{self.year}"

    @property
    def arrival_seq(self) -> int:
        return self.seq


class HandoverEntry(EntryBase):
    """Sổ chuyển giao bí mật nhà nước (Mẫu 16): custody passes when the receiver signs."""

    KIND = "handover"
    item = models.ForeignKey("registry.SecretItem", on_delete=models.PROTECT, related_name="+")
    handed_on = models.DateField("Ngày giao")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    from_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    to_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    quantity = models.PositiveIntegerField("Số lượng", default=1)
    status = models.CharField(
        max_length=20, choices=HandoverStatus.choices, default=HandoverStatus.IN_TRANSIT
    )
    confirmed_on = models.DateField("Ngày ký nhận", null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmation_method = models.CharField(max_length=10, choices=ReceiptMethod.choices, blank=True)
    paper_signer = models.CharField("Người ký trên giấy", max_length=200, blank=True)

    class Meta(EntryBase.Meta):
        verbose_name = "Dòng sổ chuyển giao"
        verbose_name_plural = "Sổ chuyển giao BMNN"
        indexes = [
            models.Index(fields=["book", "seq"], name="registers_ho_book_seq"),
            models.Index(fields=["item", "status"], name="registers_ho_item_status"),
        ]

    FROZEN_COLUMNS = [
        *EntryBase.FROZEN_COLUMNS,
        "level",
        "item_id",
        "from_user_id",
        "to_user_id",
        "handed_on",
    ]

    def __str__(self) -> str:
        return f"Sổ chuyển giao số {self.seq}/{self.year}"


class HeadNotice(models.Model):
    """A report the head must act on (signs of opening/tampering on arrival). #7 turns it into an incident."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    incoming = models.ForeignKey(IncomingEntry, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(max_length=40, default="tampering")
    description = models.TextField()
    basis = models.CharField(max_length=300)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.description[:80]


class SearchRow(models.Model):
    """One searchable register row or item. Folded text only, never a Tuyệt mật summary.

    SQLite keeps an FTS5 index over ``tokens`` (triggers); PostgreSQL a stored generated tsvector column
    ``tsv`` with a GIN index (migrations 0004, 0005; the column is not a Django field).
    """

    kind = models.CharField(max_length=20)
    entry_id = models.BigIntegerField()
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    level = models.CharField(max_length=20)
    year = models.PositiveIntegerField(null=True)
    seq = models.PositiveIntegerField(null=True)
    on_date = models.DateField(null=True)
    number = models.CharField(max_length=200, blank=True)  # folded
    body = models.CharField(max_length=300, blank=True)  # folded
    unit = models.CharField(max_length=300, blank=True)  # folded
    status = models.CharField(max_length=20, blank=True)
    parties = models.CharField(max_length=200, blank=True)  # " 12 34 ": users a chuyên viên may see it as
    title = models.CharField(max_length=400)  # display line (NFC), never a Tuyệt mật summary
    tokens = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "entry_id"], name="registers_search_unique")]
        indexes = [
            models.Index(fields=["agency", "level", "on_date"], name="registers_search_access"),
            # Date-range searches walk this backwards, newest date first (see search._recent_window).
            models.Index(fields=["agency", "on_date", "id"], name="registers_search_date"),
        ]

    def __str__(self) -> str:
        return self.title
