from __future__ import annotations

from django import forms

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".txt", ".docx", ".xlsx")


class SearchForm(forms.Form):
    q = forms.CharField(label="Tìm trong danh mục (không cần gõ dấu)", max_length=200, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp quyết định (.txt, .docx, .xlsx)")
    decision = forms.CharField(
        label="Số quyết định (để trống nếu tệp đã ghi)", max_length=100, required=False
    )
    signed_on = forms.DateField(label="Ngày ký (nếu tệp không ghi)", widget=DATE_WIDGET, required=False)
    sector = forms.CharField(label="Lĩnh vực (nếu tệp không ghi)", max_length=300, required=False)
    shared = forms.BooleanField(
        label="Quyết định công khai của cấp trên (dùng chung, không riêng cơ quan)", required=False
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError("Chỉ nhận tệp .txt, .docx hoặc .xlsx.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("Tệp lớn hơn 5 MB; danh mục BMNN thường chỉ vài chục KB.")
        return upload


class ConfirmImportForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    accept_problems = forms.BooleanField(
        label="Tôi đã xem từng vấn đề ở trên và vẫn nhập các mục đã đọc được", required=False
    )


class CloseItemForm(forms.Form):
    on = forms.DateField(label="Đóng từ ngày", widget=DATE_WIDGET)
    reason = forms.CharField(
        label="Lý do (văn bản thay thế, bãi bỏ…)", max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class SuggestForm(forms.Form):
    text = forms.CharField(label="Nội dung văn bản", max_length=200_000, widget=forms.Textarea)
