from __future__ import annotations

from typing import Any

from django import forms

from bmnn.accounts.models import User
from bmnn.areas.models import AreaKind, RestrictedArea, RuleKind
from bmnn.lib.choices import Level
from bmnn.org.models import Unit

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
TEXT = forms.Textarea(attrs={"rows": 4})


class AreaForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=AreaKind.choices)
    name = forms.CharField(label="Tên", max_length=300)
    location = forms.CharField(label="Vị trí", max_length=300)
    decision_number = forms.CharField(label="Quyết định xác định số", max_length=100, required=False)
    decision_date = forms.DateField(label="Ngày quyết định", widget=DATE, required=False)
    decided_by = forms.CharField(label="Cơ quan, người quyết định", max_length=300, required=False)
    rules_text = forms.CharField(label="Nội quy ra, vào, làm việc", widget=TEXT)
    responsible_unit = forms.ModelChoiceField(
        label="Đơn vị chịu trách nhiệm", queryset=Unit.objects.none(), required=False
    )
    signage = forms.BooleanField(label="Đã cắm biển cấm", required=False)
    signage_checked_on = forms.DateField(label="Ngày kiểm tra biển", widget=DATE, required=False)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_unit"].queryset = Unit.objects.filter(agency=agency)  # type: ignore[attr-defined]


class MeetingForm(forms.Form):
    title = forms.CharField(label="Tên cuộc họp", max_length=300)
    level = forms.ChoiceField(label="Độ mật của nội dung", choices=Level.choices)
    starts_on = forms.DateField(label="Ngày họp", widget=DATE)
    ends_on = forms.DateField(label="Ngày kết thúc", widget=DATE)
    venue = forms.CharField(label="Địa điểm", max_length=300)
    area = forms.ModelChoiceField(
        label="Tại khu vực (nếu có)", queryset=RestrictedArea.objects.none(), required=False
    )
    approved_by = forms.CharField(label="Người phê duyệt", max_length=300)
    approval_reference = forms.CharField(label="Văn bản phê duyệt", max_length=200)
    approved_on = forms.DateField(label="Ngày phê duyệt", widget=DATE)
    has_foreign_participants = forms.BooleanField(label="Có người nước ngoài tham dự", required=False)
    recording_allowed = forms.BooleanField(
        label="Chủ trì cho phép thiết bị ghi âm, ghi hình (chỉ độ Mật)", required=False
    )

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = RestrictedArea.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]


class AttendeesForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label="Người dự họp", queryset=User.objects.none(), widget=forms.SelectMultiple(attrs={"size": 10})
    )
    role = forms.CharField(label="Vai trò", max_length=100, required=False)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = User.objects.filter(agency=agency)  # type: ignore[attr-defined]


class ItemChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"[{obj.get_level_display()}] {obj}"


class HandoutForm(forms.Form):
    item = ItemChoice(label="Tài liệu BMNN", queryset=User.objects.none())
    handed_to = forms.ModelChoiceField(label="Người nhận", queryset=User.objects.none())
    copies = forms.IntegerField(label="Số bản", min_value=1, initial=1)
    on = forms.DateField(label="Ngày phát", widget=DATE)

    def __init__(self, *args: Any, items: Any, attendees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items  # type: ignore[attr-defined]
        self.fields["handed_to"].queryset = attendees  # type: ignore[attr-defined]


class RecoverForm(forms.Form):
    on = forms.DateField(label="Ngày thu hồi", widget=DATE)


class RuleVersionForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=RuleKind.choices)
    title = forms.CharField(label="Tên văn bản", max_length=300)
    number = forms.CharField(label="Số, ký hiệu", max_length=100)
    issued_on = forms.DateField(label="Ngày ban hành", widget=DATE)
    effective_from = forms.DateField(label="Hiệu lực từ", widget=DATE)
    review_due = forms.DateField(label="Hạn rà soát", widget=DATE)
    legal_basis = forms.CharField(label="Căn cứ", widget=TEXT, required=False)
    note = forms.CharField(label="Nội dung sửa đổi", widget=TEXT, required=False)


class NewVersionForm(RuleVersionForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["kind"]
        del self.fields["title"]
