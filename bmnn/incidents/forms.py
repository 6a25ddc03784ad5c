"""Forms of the incident pages: they parse; services decide."""

from __future__ import annotations

from typing import Any

from django import forms

from bmnn.incidents.models import IncidentKind
from bmnn.incidents.queries import item_choices
from bmnn.lib.choices import Level

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
DATETIME = forms.DateTimeInput(attrs={"placeholder": "dd/mm/yyyy hh:mm"}, format="%d/%m/%Y %H:%M")
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class ItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        # Reference and level only: the picker never shows a summary.
        return f"#{obj.pk} · {obj} · {obj.get_level_display()}"


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="Loại sự cố", choices=IncidentKind.choices)
    items = ItemChoiceField(label="Tài liệu, vật liên quan", queryset=None, required=False)
    level = forms.ChoiceField(
        label="Độ mật (khi không chọn tài liệu, hoặc cao hơn tài liệu)",
        choices=[("", "— theo tài liệu liên quan —"), *Level.choices],
        required=False,
    )
    description = forms.CharField(label="Diễn biến (cái gì, ở đâu)", widget=forms.Textarea(attrs={"rows": 3}))
    occurred_on = forms.DateField(label="Ngày xảy ra (nếu biết)", widget=DATE, required=False)
    discovered_at = forms.DateTimeField(
        label="Thời điểm phát hiện", widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    how_found = forms.CharField(label="Phát hiện như thế nào", widget=forms.Textarea(attrs={"rows": 2}))
    persons = forms.CharField(
        label="Người liên quan", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = item_choices(user)  # type: ignore[attr-defined]


class PoliceReportForm(forms.Form):
    reference = forms.CharField(label="Số, ngày văn bản báo cáo", max_length=200)
    reported_at = forms.DateTimeField(label="Thời điểm gửi", widget=DATETIME, input_formats=DATETIME_FORMATS)
    recipient = forms.CharField(label="Nơi nhận", max_length=300, required=False)


class StepForm(forms.Form):
    on = forms.DateField(label="Ngày", widget=DATE)
    description = forms.CharField(label="Việc đã làm", widget=forms.Textarea(attrs={"rows": 2}))
    notified_classifier = forms.BooleanField(
        label="Đây là việc thông báo cơ quan xác định BMNN", required=False
    )


class ConclusionsForm(forms.Form):
    causes = forms.CharField(label="Nguyên nhân", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    remediation = forms.CharField(
        label="Biện pháp khắc phục", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    discipline = forms.CharField(
        label="Xử lý kỷ luật, trách nhiệm", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
