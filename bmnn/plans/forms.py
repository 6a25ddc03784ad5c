from __future__ import annotations

from typing import Any, cast

from django import forms

from bmnn.accounts.models import User
from bmnn.org.models import Agency, Unit
from bmnn.plans.models import Plan, TaskStatus
from bmnn.plans.services import PlanHeader

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
ALLOWED_SUFFIXES = (".txt", ".docx", ".pdf", ".odt")


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp kế hoạch (.docx, .pdf, .odt, .txt)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not str(upload.name).lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError("Chỉ nhận tệp .docx, .pdf, .odt hoặc .txt.")
        return upload


class PlanHeaderForm(forms.Form):
    title = forms.CharField(label="Tiêu đề", max_length=1000)
    number = forms.CharField(label="Số, ký hiệu", max_length=100, required=False)
    issued_on = forms.DateField(label="Ngày ban hành", widget=DATE_WIDGET, required=False)
    year = forms.IntegerField(label="Năm kế hoạch", min_value=1990, max_value=2100, required=False)
    issuer = forms.CharField(label="Cơ quan ban hành", max_length=300, required=False)
    governing_body = forms.CharField(label="Cơ quan chủ quản", max_length=300, required=False)
    place = forms.CharField(label="Địa danh", max_length=100, required=False)
    signer = forms.CharField(label="Người ký", max_length=200, required=False)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)
    parent = forms.ModelChoiceField(
        label="Kế hoạch cấp trên (nếu là kế hoạch triển khai)", queryset=Plan.objects.none(), required=False
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["parent"]).queryset = Plan.objects.filter(
            agency__in=[agency.pk, agency.parent_id]
        )


def header_from_form(data: dict[str, Any]) -> PlanHeader:
    """The reviewed header; empty optional fields become "" (text) or None (date, year)."""
    text = {name: data.get(name) or "" for name in ("number", "issuer", "governing_body", "place")}
    return PlanHeader(
        title=data["title"],
        issued_on=data.get("issued_on"),
        year=data.get("year"),
        signer=data.get("signer") or "",
        signer_title=data.get("signer_title") or "",
        **text,
    )


class TaskUpdateForm(forms.Form):
    lead_unit = forms.ModelChoiceField(label="Đơn vị chủ trì", queryset=Unit.objects.none(), required=False)
    deadline_date = forms.DateField(label="Hạn", widget=DATE_WIDGET, required=False)
    assignee = forms.ModelChoiceField(label="Người thực hiện", queryset=User.objects.none(), required=False)
    status = forms.ChoiceField(
        label="Trạng thái", choices=[(s.value, s.label) for s in (TaskStatus.TODO, TaskStatus.IN_PROGRESS)]
    )
    progress = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["lead_unit"]).queryset = Unit.objects.filter(
            agency=agency, is_active=True
        )
        cast(forms.ModelChoiceField, self.fields["assignee"]).queryset = User.objects.filter(
            agency=agency, is_active=True
        ).order_by("username")


class EvidenceForm(forms.Form):
    note = forms.CharField(label="Ghi chú kết quả", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    link_text = forms.CharField(
        label="Liên kết (số văn bản, lớp tập huấn, đợt kiểm tra…)", max_length=500, required=False
    )
    file = forms.FileField(label="Tệp đính kèm", required=False)


class DoneForm(forms.Form):
    note = forms.CharField(
        label="Ghi chú kết quả (bắt buộc nếu chưa có minh chứng)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
