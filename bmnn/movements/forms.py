"""Forms of the movement pages. Forms only parse input; every rule lives in ``rules`` via ``services``."""

from __future__ import annotations

from typing import Any

from django import forms

from bmnn.movements.models import CopyKind, RecipientKind
from bmnn.movements.models.outside import TakeOutScope

LINES = "Mỗi dòng một mục."


def _date(label: str, **kw: Any) -> forms.DateField:
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    return forms.DateField(label=label, input_formats=["%Y-%m-%d", "%d/%m/%Y"], widget=widget, **kw)


def _lines(label: str, *, required: bool = True, help_text: str = LINES) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": 3})
    )


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AuthoriserField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        position = f" — {obj.position.name}" if getattr(obj, "position", None) else ""
        return f"{obj.get_full_name() or obj.username}{position}"


def _authorisers(agency: Any) -> Any:
    from bmnn.accounts.models import User

    return User.objects.filter(agency=agency, is_active=True, position__isnull=False).select_related(
        "position"
    )


class CopyRequestForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=CopyKind.choices)
    quantity = forms.IntegerField(label="Số lượng bản", min_value=1, initial=1)
    recipients = _lines("Nơi nhận bản sao", help_text="Mỗi dòng một nơi nhận (theo thứ tự bản sao).")
    authoriser = AuthoriserField(label="Người cho phép (người có thẩm quyền)", queryset=None)
    purpose = forms.CharField(label="Mục đích", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["authoriser"]
        field.queryset = _authorisers(agency)


class CopyRecordForm(CopyRequestForm):
    permission_ref = forms.CharField(label="Văn bản cho phép (số, ngày)", max_length=200)
    authorised_on = _date("Ngày cho phép")
    performed_on = _date("Ngày sao, chụp")

    field_order = [
        "kind",
        "quantity",
        "recipients",
        "authoriser",
        "permission_ref",
        "authorised_on",
        "performed_on",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["purpose"]


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Quyết định", choices=[("1", "Cho phép"), ("0", "Không cho phép")], coerce=lambda v: v == "1"
    )
    on = _date("Ngày quyết định")
    decision_ref = forms.CharField(label="Văn bản (số, ngày)", max_length=200, required=False)
    refusal_reason = forms.CharField(
        label="Lý do không cho phép", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PerformForm(forms.Form):
    on = _date("Ngày sao, chụp")


class TakeOutForm(forms.Form):
    scope = forms.ChoiceField(label="Phạm vi", choices=TakeOutScope.choices)
    copy = forms.IntegerField(label="Bản sao (để trống nếu là bản gốc)", required=False, widget=forms.Select)
    purpose = forms.CharField(label="Mục đích", widget=forms.Textarea(attrs={"rows": 2}))
    place = forms.CharField(label="Nơi đến làm việc", max_length=300)
    period_from = _date("Từ ngày")
    period_to = _date("Đến ngày")
    protective_measures = forms.CharField(label="Biện pháp bảo vệ", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, copies: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["copy"].widget.choices = [("", "Bản gốc")] + [(c.pk, c.label) for c in copies]


class ReturnForm(forms.Form):
    returned_on = _date("Ngày trả lại")
    report = forms.CharField(
        label="Báo cáo việc sử dụng", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ProvisionForm(forms.Form):
    recipient_kind = forms.ChoiceField(label="Bên đề nghị", choices=RecipientKind.choices)
    recipient_name = forms.CharField(label="Tên cơ quan, tổ chức / họ tên", max_length=300)
    representative = forms.CharField(
        label="Người đại diện (cơ quan, tổ chức)", max_length=300, required=False
    )
    id_number = forms.CharField(label="Số giấy tờ tùy thân (cá nhân)", max_length=50, required=False)
    address = forms.CharField(label="Địa chỉ (cá nhân)", max_length=300, required=False)
    position = forms.CharField(label="Chức vụ", max_length=200, required=False)
    nationality = forms.CharField(label="Quốc tịch (bên nước ngoài)", max_length=100, required=False)
    purpose = forms.CharField(label="Mục đích sử dụng", widget=forms.Textarea(attrs={"rows": 2}))
    commitment = forms.CharField(
        label="Cam kết bảo vệ bí mật nhà nước", widget=forms.Textarea(attrs={"rows": 2})
    )
    no_third_party = forms.BooleanField(label="Cam kết không cung cấp cho bên thứ ba", required=False)
    request_ref = forms.CharField(label="Văn bản đề nghị (số, ngày)", max_length=200, required=False)


class ProvisionDecideForm(DecideForm):
    external_decider = forms.CharField(
        label="Người quyết định ngoài cơ quan (ví dụ Thủ tướng Chính phủ)", max_length=200, required=False
    )


class RecallForm(forms.Form):
    copy = forms.IntegerField(label="Bản sao (để trống nếu là bản gốc)", required=False, widget=forms.Select)
    holder_name = forms.CharField(label="Nơi, người đang giữ", max_length=300)
    reason = forms.CharField(label="Lý do thu hồi", widget=forms.Textarea(attrs={"rows": 2}))
    on = _date("Ngày thu hồi")
    deadline = _date("Hạn trả lại")

    def __init__(self, *args: Any, copies: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["copy"].widget.choices = [("", "Bản gốc")] + [(c.pk, c.label) for c in copies]


class RecallReturnForm(forms.Form):
    returned_on = _date("Ngày nhận lại")


class EmergencyForm(forms.Form):
    copy = forms.IntegerField(label="Bản sao (để trống nếu là bản gốc)", required=False, widget=forms.Select)
    harm = forms.CharField(label="Nguy hại nếu không tiêu hủy ngay", widget=forms.Textarea(attrs={"rows": 2}))
    method = forms.CharField(label="Phương pháp tiêu hủy", max_length=300)
    report = forms.CharField(
        label="Báo cáo bằng văn bản gửi người đứng đầu", widget=forms.Textarea(attrs={"rows": 3})
    )
    on = _date("Ngày tiêu hủy")

    def __init__(self, *args: Any, copies: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["copy"].widget.choices = [("", "Bản gốc")] + [(c.pk, c.label) for c in copies]


class ProposeForm(forms.Form):
    include_item = forms.BooleanField(label="Tiêu hủy bản gốc", required=False, initial=True)
    copies = forms.MultipleChoiceField(
        label="Các bản sao cùng tiêu hủy", required=False, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        label="Lý do (không còn cần thiết, tiêu hủy không gây nguy hại)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    on = _date("Ngày đề xuất")

    def __init__(self, *args: Any, copies: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["copies"]
        field.choices = [(str(c.pk), c.label) for c in copies]


class CouncilForm(forms.Form):
    council_ref = forms.CharField(label="Quyết định thành lập hội đồng (số, ngày)", max_length=200)
    chair = forms.CharField(label="Chủ tịch hội đồng", max_length=300)
    members = _lines("Thành viên hội đồng", help_text="Mỗi dòng một thành viên (chức vụ, họ tên).")
    on = _date("Ngày thành lập")


class MinutesForm(forms.Form):
    minutes_ref = forms.CharField(label="Biên bản họp hội đồng (số, ngày)", max_length=200)
    opinion = forms.CharField(label="Kết luận của hội đồng", widget=forms.Textarea(attrs={"rows": 2}))
    on = _date("Ngày họp")


class DestroyDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Quyết định", choices=[("1", "Tiêu hủy"), ("0", "Không tiêu hủy")], coerce=lambda v: v == "1"
    )
    decision_ref = forms.CharField(label="Quyết định (số, ngày)", max_length=200)
    reason = forms.CharField(
        label="Lý do không tiêu hủy", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    on = _date("Ngày quyết định")


class DestructionRecordForm(forms.Form):
    method = forms.CharField(
        label="Phương pháp tiêu hủy",
        max_length=300,
        help_text="Ví dụ: đốt; xé, nghiền nhỏ; phá hủy vật mang tin.",
    )
    persons = _lines("Người thực hiện tiêu hủy")
    record_ref = forms.CharField(label="Biên bản tiêu hủy (số, ngày)", max_length=200)
    on = _date("Ngày tiêu hủy")


class AcknowledgeForm(forms.Form):
    on = _date("Ngày xem báo cáo")


class DepartureForm(forms.Form):
    custodian = AuthoriserField(label="Người thôi quản lý BMNN", queryset=None)
    reason = forms.CharField(label="Lý do (thôi việc, chuyển công tác, nghỉ hưu…)", max_length=300)
    on = _date("Ngày quyết định thu hồi")
    deadline = _date("Hạn bàn giao")

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from bmnn.accounts.models import User

        field: Any = self.fields["custodian"]
        field.queryset = User.objects.filter(agency=agency).order_by("username")


class CommitmentForm(forms.Form):
    commitment_ref = forms.CharField(label="Bản cam kết bảo vệ BMNN (số, ngày)", max_length=200)
    signed_on = _date("Ngày ký cam kết")


class MergerForm(forms.Form):
    to_agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label="Cơ quan nhận", queryset=None)
    from_unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Đơn vị giao (để trống: toàn cơ quan)", queryset=None, required=False
    )
    to_unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Đơn vị nhận (nếu có)", queryset=None, required=False
    )
    basis = forms.CharField(label="Văn bản sáp nhập, hợp nhất (số, ngày)", max_length=300)
    on = _date("Ngày đối chiếu")
    note = forms.CharField(
        label="Ghi chú chênh lệch", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from bmnn.org.models import Agency, Unit

        fields: dict[str, Any] = dict(self.fields)
        fields["to_agency"].queryset = Agency.objects.order_by("name")
        fields["from_unit"].queryset = Unit.objects.filter(agency=agency)
        fields["to_unit"].queryset = Unit.objects.all().select_related("agency")


class SignForm(forms.Form):
    on = _date("Ngày ký")
