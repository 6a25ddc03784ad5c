from __future__ import annotations

from django import forms


class ScanForm(forms.Form):
    """The files themselves are read by the upload handler (``uploads.py``), not by this form."""

    redact = forms.BooleanField(
        label="Ẩn đoạn trích nội dung trong kết quả",
        required=False,
        help_text="Chỉ hiện loại dấu hiệu và vị trí, không hiện câu chữ của tệp.",
    )


class ReportForm(forms.Form):
    report = forms.CharField(widget=forms.HiddenInput)
    format = forms.ChoiceField(choices=[("html", "HTML"), ("pdf", "PDF")])
