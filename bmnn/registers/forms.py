"""Forms of the register pages. Forms only parse input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms

from bmnn.accounts.models import User
from bmnn.lib.choices import Level
from bmnn.org.models import Unit
from bmnn.registry.models import SecretItem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _people(agency: Any) -> Any:
    return User.objects.filter(agency=agency, is_active=True).exclude(role="admin").order_by("username")


class OutgoingForm(forms.Form):
    item = forms.ModelChoiceField(queryset=SecretItem.objects.none(), label="Tài liệu (đã xác định độ mật)")
    date = forms.DateField(label="Ngày tháng", widget=DATE)
    signer = forms.CharField(label="Người ký", max_length=200, required=False)
    recipients = forms.CharField(
        label="Nơi nhận (mỗi dòng một nơi)", widget=forms.Textarea(attrs={"rows": 3})
    )
    storage_unit = forms.CharField(label="Đơn vị lưu", max_length=200, required=False)
    quantity = forms.IntegerField(label="Số lượng bản", min_value=1, initial=1)
    addressee_name = forms.CharField(
        label="Gửi đích danh người nhận (nếu có)", max_length=200, required=False
    )
    note = forms.CharField(label="Ghi chú", required=False)

    def __init__(self, *args: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items  # type: ignore[attr-defined]


class IncomingForm(forms.Form):
    arrival_date = forms.DateField(label="Ngày đến", widget=DATE)
    issuing_body = forms.CharField(label="Cơ quan ban hành", max_length=300)
    number = forms.CharField(label="Số, ký hiệu", max_length=100, required=False)
    doc_date = forms.DateField(label="Ngày tháng văn bản", widget=DATE, required=False)
    document_type = forms.CharField(label="Tên loại", max_length=100, required=False)
    level = forms.ChoiceField(label="Độ mật (theo dấu của cơ quan gửi)", choices=Level.choices)
    summary = forms.CharField(
        label="Trích yếu",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Để trống với tài liệu Tuyệt mật (Luật 117/2025/QH15) và với bì 'Chỉ người có tên mới được bóc bì'.",
    )
    receiving_unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label="Đơn vị nhận", required=False)
    receiving_user = forms.ModelChoiceField(queryset=User.objects.none(), label="Người nhận", required=False)
    sealed_for_addressee = forms.BooleanField(
        label="Bì ghi 'Chỉ người có tên mới được bóc bì' (không bóc)", required=False
    )
    tampering = forms.BooleanField(label="Có dấu hiệu bóc, mở bì, tráo đổi, mất", required=False)
    tampering_report = forms.CharField(
        label="Nội dung báo cáo dấu hiệu bất thường", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label="Ghi chú", required=False)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiving_unit"].queryset = Unit.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]
        self.fields["receiving_user"].queryset = _people(agency)  # type: ignore[attr-defined]


class HandoverForm(forms.Form):
    item = forms.ModelChoiceField(queryset=SecretItem.objects.none(), label="Tài liệu")
    to_user = forms.ModelChoiceField(queryset=User.objects.none(), label="Người nhận")
    on = forms.DateField(label="Ngày giao", widget=DATE)
    quantity = forms.IntegerField(label="Số lượng", min_value=1, initial=1)
    note = forms.CharField(label="Ghi chú", required=False)

    def __init__(self, *args: Any, items: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items  # type: ignore[attr-defined]
        self.fields["to_user"].queryset = _people(agency)  # type: ignore[attr-defined]


class ConfirmForm(forms.Form):
    on = forms.DateField(label="Ngày ký nhận", widget=DATE)
    paper_signer = forms.CharField(
        label="Người ký trên giấy (văn thư ghi thay)", max_length=200, required=False
    )


class ReceiptForm(forms.Form):
    signed_on = forms.DateField(label="Ngày ký nhận", widget=DATE)
    signed_by = forms.CharField(label="Người ký nhận", max_length=200, required=False)


class CancelForm(forms.Form):
    reason = forms.CharField(label="Lý do hủy", max_length=500)


class OpenBookForm(forms.Form):
    kind = forms.ChoiceField(label="Loại sổ", choices=())
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    start_seq = forms.IntegerField(label="Bắt đầu từ số (tiếp nối sổ giấy)", min_value=1, required=False)
    note = forms.CharField(label="Ghi chú", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from bmnn.registers.models import RegisterKind

        self.fields["kind"].choices = RegisterKind.choices  # type: ignore[attr-defined]


class UnlockRequestForm(forms.Form):
    reason = forms.CharField(label="Lý do mở khóa", widget=forms.Textarea(attrs={"rows": 2}))
