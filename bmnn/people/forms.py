from __future__ import annotations

from typing import Any

from django import forms

from bmnn.accounts.models import User
from bmnn.org.models import Position, Unit
from bmnn.people.models import (
    AwarenessKind,
    CommitmentReason,
    Committee,
    DeclarationKind,
    DepartureReason,
    DesignationMode,
    StaffRecord,
)

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
TEXT = forms.Textarea(attrs={"rows": 3})


class AgencyForm(forms.Form):
    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            qs = getattr(field, "queryset", None)
            if qs is not None and agency is not None:
                field.queryset = qs.model.objects.filter(agency=agency)  # type: ignore[attr-defined]
                if qs.model is StaffRecord:
                    field.queryset = field.queryset.filter(status="active")  # type: ignore[attr-defined]
                if qs.model is User:
                    field.queryset = field.queryset.filter(is_active=True)  # type: ignore[attr-defined]


class StaffForm(AgencyForm):
    full_name = forms.CharField(label="Họ và tên", max_length=200)
    user = forms.ModelChoiceField(label="Tài khoản (nếu có)", queryset=User.objects.all(), required=False)
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.all(), required=False)
    position = forms.ModelChoiceField(label="Chức vụ", queryset=Position.objects.all(), required=False)
    is_key_post = forms.BooleanField(label="Vị trí trọng yếu, cơ mật", required=False)
    key_post_reviewed_on = forms.DateField(label="Ngày thẩm tra gần nhất", widget=DATE, required=False)
    key_post_review_due = forms.DateField(label="Hạn thẩm tra lại", widget=DATE, required=False)


class KeyPostForm(forms.Form):
    is_key_post = forms.BooleanField(label="Vị trí trọng yếu, cơ mật", required=False)
    reviewed_on = forms.DateField(label="Ngày thẩm tra", widget=DATE, required=False)
    next_due = forms.DateField(label="Hạn thẩm tra lại", widget=DATE, required=False)


class DesignationForm(forms.Form):
    number = forms.CharField(label="Số quyết định", max_length=100)
    signed_on = forms.DateField(label="Ngày quyết định", widget=DATE)
    mode = forms.ChoiceField(label="Hình thức", choices=DesignationMode.choices)
    scope = forms.CharField(label="Phạm vi nhiệm vụ", widget=TEXT)


class CommitmentForm(forms.Form):
    signed_on = forms.DateField(label="Ngày ký", widget=DATE)
    reason = forms.ChoiceField(label="Trường hợp", choices=CommitmentReason.choices)
    scope = forms.CharField(label="Nội dung, phạm vi cam kết", widget=TEXT)
    scan = forms.FileField(label="Bản quét (PDF/JPG/PNG)", required=False)


class TrainingForm(AgencyForm):
    topic = forms.CharField(label="Chủ đề", max_length=300)
    held_on = forms.DateField(label="Ngày tổ chức", widget=DATE)
    organiser = forms.CharField(label="Đơn vị tổ chức", max_length=300)
    materials = forms.CharField(label="Tài liệu", widget=TEXT, required=False)
    attendees = forms.ModelMultipleChoiceField(
        label="Người tham dự",
        queryset=StaffRecord.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )


class AwarenessForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=AwarenessKind.choices)
    title = forms.CharField(label="Nội dung", max_length=300)
    held_on = forms.DateField(label="Ngày", widget=DATE)
    reach = forms.IntegerField(label="Số người, lượt tiếp cận", min_value=0, initial=0)


class MemberForm(AgencyForm):
    staff = forms.ModelChoiceField(label="Cán bộ", queryset=StaffRecord.objects.all())
    committee = forms.ChoiceField(label="Ban, tổ", choices=Committee.choices)
    role = forms.CharField(label="Vai trò", max_length=200)
    started_on = forms.DateField(label="Từ ngày", widget=DATE)
    decision = forms.CharField(label="Quyết định số", max_length=100, required=False)


class EndMemberForm(forms.Form):
    ended_on = forms.DateField(label="Đến ngày", widget=DATE)


class DeclarationForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=DeclarationKind.choices)
    starts_on = forms.DateField(label="Từ ngày", widget=DATE)
    ends_on = forms.DateField(label="Đến ngày", widget=DATE, required=False)
    counterpart = forms.CharField(label="Nơi đến / đối tác", max_length=300)
    purpose = forms.CharField(label="Mục đích, nội dung", widget=TEXT)


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Quyết định", choices=[("1", "Phê duyệt"), ("0", "Không phê duyệt")], coerce=lambda v: v == "1"
    )
    on = forms.DateField(label="Ngày", widget=DATE)
    note = forms.CharField(label="Ý kiến", widget=TEXT, required=False)


class DepartureForm(forms.Form):
    reason = forms.ChoiceField(label="Lý do", choices=DepartureReason.choices)
    leaves_on = forms.DateField(label="Ngày thôi", widget=DATE)
    commitment_signed_on = forms.DateField(label="Ngày ký cam kết", widget=DATE)
    commitment_scope = forms.CharField(
        label="Nội dung cam kết",
        widget=TEXT,
        initial="Cam kết bảo vệ bí mật nhà nước đã quản lý, tiếp cận trong thời gian công tác.",
    )
    scan = forms.FileField(label="Bản quét cam kết", required=False)
    note = forms.CharField(label="Ghi chú", widget=TEXT, required=False)


class RecallForm(forms.Form):
    deadline = forms.DateField(label="Hạn bàn giao", widget=DATE)
