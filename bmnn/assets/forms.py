from __future__ import annotations

from typing import Any

from django import forms

from bmnn.accounts.models import User
from bmnn.assets.models import CheckResult, DeviceKind, DeviceStatus, NetworkStatus, Purpose
from bmnn.org.models import Unit

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
LINES = forms.Textarea(attrs={"rows": 3})


def _lines(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", "\n").splitlines() if part.strip()]


class DeviceForm(forms.Form):
    kind = forms.ChoiceField(label="Loại thiết bị", choices=DeviceKind.choices)
    asset_tag = forms.CharField(label="Mã tài sản", max_length=60)
    hostname = forms.CharField(label="Tên máy (hostname)", max_length=120, required=False)
    model_name = forms.CharField(label="Hãng, model", max_length=200, required=False)
    macs = forms.CharField(
        label="Địa chỉ MAC của mọi card mạng",
        widget=LINES,
        required=False,
        help_text="Mỗi dòng một địa chỉ (kể cả card Wi-Fi, card đã tháo dây). Dùng để đối chiếu báo cáo kiểm tra.",
    )
    serials = forms.CharField(label="Số sê-ri (máy, bo mạch)", widget=LINES, required=False)
    purpose = forms.ChoiceField(label="Mục đích sử dụng", choices=Purpose.choices)
    network_status = forms.ChoiceField(
        label="Tình trạng kết nối mạng",
        choices=NetworkStatus.choices,
        help_text="Máy soạn thảo BMNN: không kết nối mạng; mạng LAN độc lập chỉ từ 01/03/2026 (Luật 117/2025/QH15).",
    )
    location = forms.CharField(label="Vị trí đặt máy", max_length=300, required=False)
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(), required=False)
    holder = forms.ModelChoiceField(
        label="Người quản lý, sử dụng", queryset=User.objects.none(), required=False
    )
    notes = forms.CharField(label="Ghi chú", widget=LINES, required=False)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency)  # type: ignore[attr-defined]
        self.fields["holder"].queryset = User.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]

    def clean_macs(self) -> list[str]:
        return _lines(self.cleaned_data["macs"])

    def clean_serials(self) -> list[str]:
        return _lines(self.cleaned_data["serials"])


class SealForm(forms.Form):
    number = forms.CharField(label="Số tem", max_length=60)
    sealed_on = forms.DateField(label="Ngày dán tem", widget=DATE)
    sealed_by = forms.CharField(
        label="Người, đơn vị dán tem", max_length=300, help_text="Ví dụ: Phòng PA03 Công an tỉnh"
    )


class BreakSealForm(forms.Form):
    on = forms.DateField(label="Ngày phát hiện", widget=DATE)
    reason = forms.CharField(label="Lý do, tình trạng", max_length=300)


class InspectionForm(forms.Form):
    checked_on = forms.DateField(label="Ngày kiểm tra", widget=DATE)
    result = forms.ChoiceField(label="Kết quả", choices=CheckResult.choices)
    inspector = forms.CharField(label="Người, đơn vị kiểm tra", max_length=300)
    notes = forms.CharField(label="Ghi chú", widget=LINES, required=False)


class HostcheckUploadForm(forms.Form):
    report = forms.FileField(
        label="Tệp báo cáo hostcheck-report.json",
        help_text="Tệp JSON do lệnh “bmnn hostcheck --out” tạo ra (lược đồ bmnn.hostcheck.report/1).",
    )
    inspector = forms.CharField(label="Người kiểm tra", max_length=300, required=False)


class WipeForm(forms.Form):
    wiped_on = forms.DateField(label="Ngày xóa dữ liệu", widget=DATE)
    method = forms.CharField(
        label="Phương pháp xóa", max_length=300, help_text="Ví dụ: ghi đè toàn bộ ổ đĩa, hủy ổ cứng"
    )
    performed_by = forms.CharField(label="Người thực hiện", max_length=300)
    witness = forms.CharField(label="Người chứng kiến", max_length=300, required=False)
    reference = forms.CharField(label="Biên bản số", max_length=100, required=False)


class RetireForm(forms.Form):
    new_status = forms.ChoiceField(
        label="Hình thức", choices=[c for c in DeviceStatus.choices if c[0] != DeviceStatus.IN_USE]
    )
    on = forms.DateField(label="Ngày", widget=DATE)
    reason = forms.CharField(label="Lý do", max_length=300, required=False)


class StorageForm(forms.Form):
    serial = forms.CharField(label="Số sê-ri", max_length=120)
    label = forms.CharField(label="Tên, nhãn", max_length=200, required=False)
    issued_by = forms.CharField(
        label="Đơn vị cấp", max_length=300, required=False, help_text="Ví dụ: Ban Cơ yếu Chính phủ"
    )


class AllocateForm(forms.Form):
    holder = forms.ModelChoiceField(label="Người nhận", queryset=User.objects.none())
    on = forms.DateField(label="Ngày giao", widget=DATE)
    due_on = forms.DateField(label="Hạn trả", widget=DATE, required=False)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = User.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]


class ReturnForm(forms.Form):
    on = forms.DateField(label="Ngày trả", widget=DATE)


class DeviceUpdateForm(forms.Form):
    hostname = forms.CharField(label="Tên máy (hostname)", max_length=120, required=False)
    network_status = forms.ChoiceField(label="Tình trạng kết nối mạng", choices=NetworkStatus.choices)
    location = forms.CharField(label="Vị trí đặt máy", max_length=300, required=False)
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(), required=False)
    holder = forms.ModelChoiceField(
        label="Người quản lý, sử dụng", queryset=User.objects.none(), required=False
    )
    add_macs = forms.CharField(label="Thêm địa chỉ MAC (card mạng mới)", widget=LINES, required=False)
    add_serials = forms.CharField(label="Thêm số sê-ri", widget=LINES, required=False)
    notes = forms.CharField(label="Ghi chú", widget=LINES, required=False)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency)  # type: ignore[attr-defined]
        self.fields["holder"].queryset = User.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]

    def clean_add_macs(self) -> list[str]:
        return _lines(self.cleaned_data["add_macs"])

    def clean_add_serials(self) -> list[str]:
        return _lines(self.cleaned_data["add_serials"])
