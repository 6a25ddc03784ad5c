from __future__ import annotations

from typing import Any

from django import forms

from bmnn.catalog.models import CatalogItem
from bmnn.lib.choices import Level
from bmnn.registry.models import ItemKind

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


class BasisField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"[{obj.get_level_display()}] {obj.citation}: {obj.text[:120]}"


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ItemKind.choices)
    document_type = forms.CharField(label="Tên loại (Đề án, Báo cáo, Kế hoạch…)", max_length=100)
    number = forms.CharField(label="Số, ký hiệu", max_length=100, required=False)
    date = forms.DateField(label="Ngày văn bản", widget=DATE, required=False)
    summary = forms.CharField(
        label="Trích yếu",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Tài liệu Tuyệt mật: để trống (Luật 117/2025/QH15 không cho ghi trích yếu).",
    )
    basis = BasisField(
        label="Căn cứ: mục danh mục BMNN",
        queryset=CatalogItem.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Bắt buộc. Độ mật là độ cao nhất trong các mục được chọn.",
    )
    level = forms.ChoiceField(
        label="Độ mật đề xuất",
        choices=[("", "Theo căn cứ (độ cao nhất của các mục đã chọn)"), *Level.choices],
        required=False,
        help_text="Để trống: độ mật là độ cao nhất của các căn cứ (khoản 2 Điều 10 Luật 29/2018/QH14).",
    )
    level_reason = forms.CharField(label="Lý do (nếu chọn độ mật thấp hơn căn cứ)", required=False)
    copies = forms.IntegerField(label="Số lượng bản", min_value=1, initial=1)
    circulation_scope = forms.CharField(label="Phạm vi lưu hành", required=False)
    classified_on = forms.DateField(label="Ngày xác định / đề xuất", widget=DATE)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = CatalogItem.objects.select_related("catalog").filter(valid_to__isnull=True)
        basis = self.fields["basis"]
        assert isinstance(basis, BasisField)
        basis.queryset = qs.filter(catalog__agency__isnull=True) | qs.filter(catalog__agency=agency)


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Quyết định", choices=[("1", "Phê duyệt"), ("0", "Trả lại")], coerce=lambda v: v == "1"
    )
    on = forms.DateField(label="Ngày quyết định", widget=DATE)
    reason = forms.CharField(label="Lý do (bắt buộc khi trả lại)", required=False)


class ExtendForm(forms.Form):
    years = forms.IntegerField(label="Gia hạn thêm (năm)", min_value=1)
    on = forms.DateField(label="Ngày quyết định", widget=DATE)


class DeclassifyForm(forms.Form):
    council_members = forms.CharField(
        label="Thành viên hội đồng giải mật (mỗi dòng một người)", widget=forms.Textarea(attrs={"rows": 3})
    )
    minutes_ref = forms.CharField(label="Biên bản họp hội đồng (số, ngày)")
    decision_ref = forms.CharField(label="Quyết định giải mật (số, ngày)")
    partial_text = forms.CharField(label="Giải mật một phần: nêu phần được giải mật", required=False)
    on = forms.DateField(label="Ngày quyết định", widget=DATE)


def _basis_queryset(agency: Any) -> Any:
    qs = CatalogItem.objects.select_related("catalog").filter(valid_to__isnull=True)
    return qs.filter(catalog__agency__isnull=True) | qs.filter(catalog__agency=agency)


class RelevelForm(forms.Form):
    new_level = forms.ChoiceField(label="Độ mật mới", choices=Level.choices)
    basis = BasisField(
        label="Căn cứ của độ mật mới (mục danh mục)",
        queryset=CatalogItem.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    reason = forms.CharField(label="Lý do (bắt buộc nếu thấp hơn căn cứ)", required=False)
    on = forms.DateField(label="Ngày quyết định", widget=DATE)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["basis"].queryset = _basis_queryset(agency)  # type: ignore[attr-defined]


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Hình thức",
        choices=[("recall", "Văn bản thu hồi"), ("amend", "Văn bản đính chính")],
    )
    document_ref = forms.CharField(label="Số, ngày văn bản thu hồi / đính chính", max_length=200)
    reason = forms.CharField(label="Sai sót cần sửa", widget=forms.Textarea(attrs={"rows": 2}))
    new_level = forms.ChoiceField(
        label="Độ mật đúng (đính chính)", choices=[("", "Giữ nguyên"), *Level.choices], required=False
    )
    basis = BasisField(
        label="Căn cứ đúng (đính chính; để trống nếu giữ nguyên)",
        queryset=CatalogItem.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 5}),
        required=False,
    )
    level_reason = forms.CharField(label="Lý do nếu độ mật thấp hơn căn cứ", required=False)
    on = forms.DateField(label="Ngày văn bản", widget=DATE)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["basis"].queryset = _basis_queryset(agency)  # type: ignore[attr-defined]


class GrantForm(forms.Form):
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Người được tiếp cận",
        queryset=None,  # type: ignore[arg-type]  # set per item in __init__
    )
    reason = forms.CharField(label="Nhiệm vụ cần tiếp cận", max_length=300)

    def __init__(self, *args: Any, item: Any = None, **kwargs: Any) -> None:
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(agency_id=item.agency_id, is_active=True).order_by("username")
        self.fields["user"].queryset = users  # type: ignore[attr-defined]


class RevokeForm(forms.Form):
    reason = forms.CharField(label="Lý do thu hồi quyền", max_length=300)


class StandingForm(forms.Form):
    document_type = forms.CharField(label="Loại văn bản lặp lại (ví dụ: Báo cáo tuần tình hình an ninh)")
    basis = forms.ModelChoiceField(label="Căn cứ (mục danh mục)", queryset=CatalogItem.objects.none())
    level = forms.ChoiceField(label="Độ mật", choices=Level.choices)
    decision_ref = forms.CharField(label="Văn bản cho phép (số, ngày)", max_length=200)
    on = forms.DateField(label="Áp dụng từ", widget=DATE)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["basis"]
        field.queryset = _basis_queryset(agency)  # type: ignore[attr-defined]
        field.label_from_instance = lambda o: f"[{o.get_level_display()}] {o.citation}: {o.text[:100]}"  # type: ignore[attr-defined]


class MarkForm(forms.Form):
    document_type = forms.CharField(label="Tên loại", max_length=100)
    number = forms.CharField(label="Số, ký hiệu", max_length=100, required=False)
    date = forms.DateField(label="Ngày văn bản", widget=DATE, required=False)
    summary = forms.CharField(
        label="Trích yếu", required=False, help_text="Tài liệu Tuyệt mật: để trống (Luật 117/2025/QH15)."
    )
    copies = forms.IntegerField(label="Số lượng bản", min_value=1, initial=1)
    circulation_scope = forms.CharField(label="Phạm vi lưu hành", required=False)
    on = forms.DateField(label="Ngày đánh dấu", widget=DATE)
