"""Plans (kế hoạch), their sections and tasks, evidence, cited legal texts and period reports.

A plan is not a secret item: everyone of the agency reads it (issue #6). Foreign keys PROTECT,
never CASCADE: a task or evidence that was reported upward must not vanish with a unit or a user.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from bmnn.org.models import Agency, Unit


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ACTIVE = "active", "Đang thực hiện"
    CLOSED = "closed", "Đã kết thúc"


class TaskStatus(models.TextChoices):
    TODO = "todo", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    OVERDUE = "overdue", "Quá hạn"  # never stored: computed from the deadline (Task.status_on)


class DeadlineKind(models.TextChoices):
    """Mirrors bmnn.plans.importing.model.DeadlineKind (how the deadline was written)."""

    NONE = "", "Không ghi thời hạn"
    ON_DATE = "on_date", "Vào ngày"
    BEFORE = "before", "Trước ngày"
    PERIOD = "period", "Trong khoảng (quý, tháng, năm)"
    RECURRING = "recurring", "Định kỳ, hằng năm"
    CONTINUOUS = "continuous", "Thường xuyên"
    EVENT = "event", "Khi có sự việc"
    UNKNOWN = "unknown", "Chưa hiểu (giữ nguyên văn)"


class Plan(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plans", verbose_name="Cơ quan")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_plans",
        verbose_name="Kế hoạch cấp trên",
    )
    number = models.CharField("Số, ký hiệu", max_length=100, blank=True)
    issued_on = models.DateField("Ngày ban hành", null=True, blank=True)
    issuer = models.CharField("Cơ quan ban hành", max_length=300, blank=True)
    governing_body = models.CharField("Cơ quan chủ quản", max_length=300, blank=True)
    place = models.CharField("Địa danh", max_length=100, blank=True)
    title = models.CharField("Tiêu đề", max_length=1000)
    year = models.PositiveIntegerField("Năm kế hoạch", null=True, blank=True)
    signer = models.CharField("Người ký", max_length=200, blank=True)
    signer_title = models.CharField("Chức vụ người ký", max_length=200, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    source_name = models.CharField("Tệp nguồn", max_length=300, blank=True)
    # The parser's output as it was, so a saved plan can always be traced to what was read.
    raw_parse = models.JSONField("Kết quả đọc tệp (nguyên bản)", default=dict, blank=True)
    recipients = models.JSONField("Nơi nhận", default=list, blank=True)
    unparsed = models.JSONField("Phần chưa hiểu", default=list, blank=True)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name="Sao từ kế hoạch",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Kế hoạch"
        verbose_name_plural = "Kế hoạch"
        ordering = ["-year", "-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip() if self.number else self.title


class PlanSection(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="sections", verbose_name="Kế hoạch")
    order = models.PositiveIntegerField("Thứ tự")
    numeral = models.CharField("Số La Mã", max_length=10, blank=True)
    title = models.CharField("Tiêu đề", max_length=500, blank=True)
    intro = models.TextField("Đoạn mở đầu", blank=True)

    class Meta:
        verbose_name = "Phần của kế hoạch"
        verbose_name_plural = "Phần của kế hoạch"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.numeral}. {self.title}".strip(". ")


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="tasks", verbose_name="Kế hoạch")
    section = models.ForeignKey(
        PlanSection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name="Phần",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="Việc cha",
    )
    order = models.PositiveIntegerField("Thứ tự")
    number = models.CharField("Số thứ tự", max_length=50, blank=True)  # "1.3.2"; "1.-2" = 2nd bullet of 1.
    text = models.TextField("Nội dung")
    lead_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_tasks",
        verbose_name="Đơn vị chủ trì",
    )
    lead_unit_text = models.CharField("Đơn vị chủ trì (như văn bản ghi)", max_length=500, blank=True)
    supporting_units_text = models.CharField("Đơn vị phối hợp", max_length=1000, blank=True)
    deadline_kind = models.CharField(
        "Loại thời hạn", max_length=20, choices=DeadlineKind.choices, default=DeadlineKind.NONE, blank=True
    )
    deadline_date = models.DateField("Hạn (ngày)", null=True, blank=True)
    deadline_text = models.CharField("Thời hạn (như văn bản ghi)", max_length=500, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=TaskStatus.choices, default=TaskStatus.TODO
    )
    progress = models.PositiveSmallIntegerField("Tiến độ (%)", default=0)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_tasks",
        verbose_name="Người thực hiện",
    )
    done_on = models.DateField("Ngày hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "Nhiệm vụ"
        verbose_name_plural = "Nhiệm vụ"
        ordering = ["plan", "order"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="plans_task_progress_max_100"),
            models.CheckConstraint(
                condition=~models.Q(status="overdue"), name="plans_task_overdue_not_stored"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:80]}".strip()

    def status_on(self, day: dt.date) -> str:
        """Stored status, except an unfinished task past its dated deadline is overdue."""
        if self.status != TaskStatus.DONE and self.deadline_date is not None and self.deadline_date < day:
            return TaskStatus.OVERDUE
        return self.status

    @property
    def depth(self) -> int:
        return self.number.count(".")


class TaskEvidence(models.Model):
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="evidence", verbose_name="Nhiệm vụ")
    note = models.TextField("Ghi chú", blank=True)
    file = models.FileField("Tệp", upload_to="plans/evidence/%Y/", blank=True)
    link_text = models.CharField(
        "Liên kết (số văn bản, lớp tập huấn, đợt kiểm tra…)", max_length=500, blank=True
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Minh chứng"
        verbose_name_plural = "Minh chứng"
        ordering = ["task", "added_at"]

    def __str__(self) -> str:
        return self.note[:80] or self.link_text[:80] or str(self.file.name or "")


class LegalReference(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="legal_refs", verbose_name="Kế hoạch"
    )
    order = models.PositiveIntegerField("Thứ tự", default=0)
    kind = models.CharField("Loại văn bản", max_length=30, blank=True)
    kind_vi = models.CharField("Loại (tiếng Việt)", max_length=50, blank=True)
    number = models.CharField("Số, ký hiệu", max_length=100, blank=True)
    date = models.DateField("Ngày", null=True, blank=True)
    article = models.CharField("Điều, khoản", max_length=200, blank=True)
    title = models.CharField("Tên văn bản", max_length=500, blank=True)
    text = models.TextField("Nguyên văn")
    # [{"code", "message", "basis"}] from bmnn.legal.check_in_force on the plan's date.
    flags = models.JSONField("Cảnh báo hiệu lực", default=list, blank=True)
    library = models.JSONField("Văn bản tương ứng trong thư viện", default=list, blank=True)

    class Meta:
        verbose_name = "Văn bản viện dẫn"
        verbose_name_plural = "Văn bản viện dẫn"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.number or self.title or self.text[:80]


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    FINAL = "final", "Đã hoàn thành"


class Report(models.Model):
    """Periodic report on BMNN work (NĐ 26/2020/NĐ-CP Điều 8; period, deadline, recipient are settings)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="reports", verbose_name="Cơ quan"
    )
    title = models.CharField("Tiêu đề", max_length=500)
    period_start = models.DateField("Số liệu từ ngày")
    period_end = models.DateField("Số liệu đến ngày")
    deadline = models.DateField("Hạn gửi", null=True, blank=True)
    # The plans seed earlier local deadlines for subordinates (domain.md §6: "báo cáo trước 10/12").
    subordinate_deadline = models.DateField("Hạn đơn vị cấp dưới gửi báo cáo", null=True, blank=True)
    recipient = models.CharField("Nơi nhận báo cáo", max_length=300, blank=True)
    # Điều 8 NĐ 26/2020: (a) tình hình, (b) kết quả, ưu/khuyết điểm, nguyên nhân, bài học,
    # (c) số vụ lộ, mất BMNN, nguyên nhân, xử lý, khắc phục, (d) dự báo, đề xuất.
    part_a = models.TextField("a) Tình hình", blank=True)
    part_b = models.TextField("b) Kết quả thực hiện; ưu điểm, hạn chế, nguyên nhân, bài học", blank=True)
    part_c = models.TextField("c) Số vụ lộ, mất BMNN; nguyên nhân, xử lý, khắc phục", blank=True)
    part_d = models.TextField("d) Dự báo tình hình, đề xuất, kiến nghị", blank=True)
    statistics = models.JSONField("Số liệu tự động", default=dict, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Báo cáo"
        verbose_name_plural = "Báo cáo"
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")), name="plans_report_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.title


# Tables that live in their own modules but belong to this app (keeps this module short).
from bmnn.plans.budget import BudgetLine  # noqa: E402
from bmnn.plans.rollup.models import ReceivedPackage, Subordinate  # noqa: E402

__all__ = [
    "BudgetLine",
    "DeadlineKind",
    "LegalReference",
    "Plan",
    "PlanSection",
    "PlanStatus",
    "ReceivedPackage",
    "Report",
    "ReportStatus",
    "Subordinate",
    "Task",
    "TaskEvidence",
    "TaskStatus",
]
