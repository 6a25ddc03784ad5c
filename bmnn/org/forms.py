from __future__ import annotations

from typing import Any

from django import forms

from bmnn.lib.choices import Level
from bmnn.org.models import Act, AgencyLevel, Position, PositionKind, Unit

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


class AgencyForm(forms.Form):
    name = forms.CharField(label="Tên cơ quan", max_length=300)
    short_name = forms.CharField(label="Tên viết tắt", max_length=50, required=False)
    governing_body = forms.CharField(label="Cơ quan chủ quản", max_length=300, required=False)
    level = forms.ChoiceField(label="Cấp", choices=AgencyLevel.choices)
    place = forms.CharField(label="Địa danh (dòng “…, ngày … tháng … năm …”)", max_length=100, required=False)


class _AgencyScoped(forms.Form):
    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                field.queryset = field.queryset.model.objects.filter(agency=agency)


class UnitForm(_AgencyScoped):
    code = forms.CharField(label="Mã đơn vị", max_length=30)
    name = forms.CharField(label="Tên đơn vị", max_length=300)
    parent = forms.ModelChoiceField(label="Đơn vị cấp trên", queryset=Unit.objects.none(), required=False)


class PositionForm(_AgencyScoped):
    code = forms.CharField(label="Mã chức vụ", max_length=30)
    name = forms.CharField(label="Tên chức vụ", max_length=200)
    kind = forms.ChoiceField(label="Loại", choices=PositionKind.choices)
    unit = forms.ModelChoiceField(label="Thuộc đơn vị", queryset=Unit.objects.none(), required=False)


class AuthorityForm(forms.Form):
    act = forms.ChoiceField(label="Thẩm quyền", choices=Act.choices)
    max_level = forms.ChoiceField(
        label="Đến độ mật", choices=[("", "— Không có thẩm quyền —"), *Level.choices], required=False
    )
    on = forms.DateField(label="Áp dụng từ ngày", widget=DATE_WIDGET)
    basis = forms.CharField(label="Căn cứ (văn bản, điều khoản)", max_length=300)


class DelegationForm(_AgencyScoped):
    from_position = forms.ModelChoiceField(label="Chức vụ ủy quyền", queryset=Position.objects.none())
    to_position = forms.ModelChoiceField(label="Cấp phó được ủy quyền", queryset=Position.objects.none())
    act = forms.ChoiceField(label="Thẩm quyền", choices=Act.choices)
    max_level = forms.ChoiceField(label="Đến độ mật", choices=Level.choices)
    valid_from = forms.DateField(label="Từ ngày", widget=DATE_WIDGET)
    valid_to = forms.DateField(
        label="Đến ngày (để trống nếu thường xuyên)", widget=DATE_WIDGET, required=False
    )
    document_ref = forms.CharField(label="Văn bản ủy quyền (số, ngày)", max_length=200)
    scope = forms.CharField(
        label="Phạm vi, nội dung", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class RevokeForm(forms.Form):
    on = forms.DateField(label="Thu hồi từ ngày", widget=DATE_WIDGET)
