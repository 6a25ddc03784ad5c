"""Forms of the inspection pages: they only parse; services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from bmnn.inspections.models import InspectionMode, Severity
from bmnn.org.models import Unit

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


class PlanForm(forms.Form):
    title = forms.CharField(label="Tên đợt kiểm tra", max_length=300)
    mode = forms.ChoiceField(label="Hình thức", choices=InspectionMode.choices)
    inspecting_body = forms.CharField(
        label="Cơ quan kiểm tra (khi không tự kiểm tra)", max_length=300, required=False
    )
    inspected_unit = forms.ModelChoiceField(
        label="Đơn vị được kiểm tra", queryset=Unit.objects.none(), required=False, empty_label="Toàn cơ quan"
    )
    starts_on = forms.DateField(label="Ngày bắt đầu", widget=DATE)
    ends_on = forms.DateField(label="Ngày kết thúc dự kiến", widget=DATE, required=False)
    scope = forms.CharField(label="Phạm vi, nội dung kiểm tra", widget=forms.Textarea(attrs={"rows": 3}))
    team = forms.CharField(label="Thành phần đoàn kiểm tra", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inspected_unit"].queryset = Unit.objects.filter(agency=agency).order_by("code")  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    description = forms.CharField(label="Nội dung phát hiện", widget=forms.Textarea(attrs={"rows": 3}))
    severity = forms.ChoiceField(label="Mức độ", choices=Severity.choices)
    responsible_unit = forms.ModelChoiceField(
        label="Đơn vị chịu trách nhiệm khắc phục", queryset=Unit.objects.none()
    )
    due_on = forms.DateField(label="Hạn khắc phục", widget=DATE)
    answer_code = forms.ChoiceField(label="Nội dung kiểm tra liên quan", required=False)

    def __init__(self, *args: Any, inspection: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = cast(forms.ModelChoiceField, self.fields["responsible_unit"])
        units.queryset = Unit.objects.filter(agency_id=inspection.agency_id).order_by("code")
        codes = [("", "—")] + [(a.code, f"{a.code}. {a.question[:80]}") for a in inspection.answers.all()]
        self.fields["answer_code"].choices = codes  # type: ignore[attr-defined]


class FixForm(forms.Form):
    remediation = forms.CharField(label="Biện pháp đã khắc phục", widget=forms.Textarea(attrs={"rows": 2}))


class RecheckForm(forms.Form):
    passed = forms.TypedChoiceField(
        label="Kết quả kiểm tra lại",
        choices=[("1", "Đạt — đã khắc phục"), ("0", "Chưa đạt — mở lại")],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(label="Đã kiểm tra những gì", widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    conclusion = forms.CharField(label="Kết luận kiểm tra", widget=forms.Textarea(attrs={"rows": 4}))
