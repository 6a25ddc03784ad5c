from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from bmnn.accounts.models import Role
from bmnn.lib.choices import Clearance
from bmnn.org.models import Position, Unit


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: nhập sai nhiều lần sẽ bị tạm khóa.",
        "inactive": "Tài khoản này đã bị khóa. Liên hệ quản trị hệ thống.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"


class OtpForm(forms.Form):
    token = forms.CharField(
        label="Mã xác thực (6 chữ số)",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class _OrgChoices(forms.Form):
    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "unit" in self.fields:
            self.fields["unit"].queryset = Unit.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]
        if "position" in self.fields:
            self.fields["position"].queryset = Position.objects.filter(agency=agency, is_active=True)  # type: ignore[attr-defined]


class UserCreateForm(_OrgChoices):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    full_name = forms.CharField(label="Họ và tên", max_length=200)
    email = forms.EmailField(label="Thư điện tử nội bộ", required=False)
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    clearance = forms.ChoiceField(label="Mức được tiếp cận BMNN", choices=Clearance.choices)
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(), required=False)
    position = forms.ModelChoiceField(
        label="Chức vụ",
        queryset=Position.objects.none(),
        required=False,
        help_text="Để trống: lãnh đạo/cấp phó nhận chức vụ Thủ trưởng/Phó Thủ trưởng cơ quan.",
    )
    password = forms.CharField(label="Mật khẩu ban đầu", widget=forms.PasswordInput, min_length=10)


class UserEditForm(_OrgChoices):
    full_name = forms.CharField(label="Họ và tên", max_length=200)
    email = forms.EmailField(label="Thư điện tử nội bộ", required=False)
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(), required=False)
    position = forms.ModelChoiceField(label="Chức vụ", queryset=Position.objects.none(), required=False)


class ClearanceForm(forms.Form):
    clearance = forms.ChoiceField(label="Mức được tiếp cận BMNN", choices=Clearance.choices)
    reason = forms.CharField(label="Lý do / văn bản căn cứ", max_length=500)


class ActiveForm(forms.Form):
    reason = forms.CharField(label="Lý do", max_length=500)


class PasswordForm(forms.Form):
    password = forms.CharField(label="Mật khẩu mới", widget=forms.PasswordInput, min_length=10)
    password2 = forms.CharField(label="Nhập lại mật khẩu mới", widget=forms.PasswordInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", "Hai lần nhập mật khẩu không khớp.")
        return data


class PolicyForm(forms.Form):
    totp_required = forms.BooleanField(
        label="Bắt buộc xác thực hai lớp (TOTP) với quản trị hệ thống và lãnh đạo", required=False
    )
