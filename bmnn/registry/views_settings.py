"""Rule-set settings page: every value of each regime with its legal basis and confidence; the values
the law leaves unclear can be changed for the agency by the admin (security officers may read)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from bmnn.accounts import access
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.registry import agency_rules, services
from bmnn.registry.rulesets import available_codes

LABELS = {
    "protection_years": "Thời hạn bảo vệ theo độ mật (năm)",
    "extension_min_days_before_expiry": "Quyết định gia hạn chậm nhất trước khi hết hạn (ngày)",
    "extension_max_years": "Mỗi lần gia hạn tối đa (năm)",
    "notify_days_extend": "Thông báo gia hạn trong (ngày)",
    "notify_days_relevel": "Thông báo điều chỉnh độ mật trong (ngày)",
    "notify_days_declassify": "Thông báo giải mật trong (ngày)",
    "notify_days_catalog_removal": "Thông báo khi mục bị đưa ra khỏi danh mục (ngày; 0 = ngay)",
    "classify_positions": "Chức vụ được xác định độ mật",
    "extend_positions": "Chức vụ được gia hạn",
    "relevel_positions": "Chức vụ được điều chỉnh độ mật",
    "declassify_positions": "Chức vụ được giải mật",
    "deputy_delegation_allowed": "Được ủy quyền cho cấp phó",
    "sub_delegation_allowed": "Được ủy quyền lại",
    "classify_outside_catalog_prohibited": "Cấm xác định BMNN ngoài danh mục",
    "top_secret_summary": "Trích yếu tài liệu Tuyệt mật",
    "declassify_on_catalog_removal": "Giải mật khi mục căn cứ bị đưa ra khỏi danh mục",
    "relevel_period_start": "Thời hạn sau điều chỉnh độ mật tính từ",
    "leap_day_rule": "Ngày 29/02 cộng năm rơi vào năm không nhuận",
    "prohibited_acts": "Hành vi bị nghiêm cấm",
}
CONFIDENCE = {
    "H": "Cao (đọc trong văn bản luật)",
    "M": "Trung bình (nguồn chính thức)",
    "L": "Thấp (suy luận)",
}


class SettingForm(forms.Form):
    regime = forms.ChoiceField(label="Chế độ pháp lý", choices=[])
    key = forms.CharField(label="Giá trị", max_length=60, widget=forms.HiddenInput)
    value = forms.CharField(
        label="Giá trị mới (JSON)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reset = forms.BooleanField(label="Trở về giá trị mặc định theo luật", required=False)
    reason = forms.CharField(label="Lý do thay đổi", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regime"].choices = [(c, c) for c in available_codes()]  # type: ignore[attr-defined]


def _viewer(request: AuthedRequest) -> None:
    if not (access.can_manage_org(request.user) or request.user.role == "security_officer"):
        raise PermissionDenied("Chỉ Quản trị hệ thống và cán bộ bảo mật được xem bộ quy tắc.")


def _rows(code: str, agency_id: int | None) -> list[dict[str, Any]]:
    rows = agency_rules.regime_for_agency(code, agency_id).describe()
    for row in rows:
        row["label"] = LABELS.get(row["key"], row["key"])
        row["confidence_label"] = CONFIDENCE.get(row["confidence"], row["confidence"])
        row["json"] = json.dumps(row["value"], ensure_ascii=False)
    return rows


def _apply(request: AuthedRequest, form: SettingForm) -> list[Violation]:
    data = form.cleaned_data
    value: Any = None
    if not data["reset"]:
        try:
            value = json.loads(data["value"])
        except json.JSONDecodeError:
            return [Violation("setting_not_json", "Giá trị mới: không đúng dạng JSON.", "")]
    try:
        services.change_rule_setting(
            actor=request.user, regime=data["regime"], key=data["key"], value=value, reason=data["reason"]
        )
    except RuleViolation as exc:
        return exc.violations
    return []


@login_required
def rule_settings(request: AuthedRequest) -> HttpResponse:
    _viewer(request)
    may_change = access.can_manage_org(request.user)
    violations: list[Violation] = []
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied("Chỉ Quản trị hệ thống được thay đổi bộ quy tắc.")
        form = SettingForm(request.POST)
        if form.is_valid():
            violations = _apply(request, form)
            if not violations:
                messages.success(request, "Đã ghi thay đổi giá trị bộ quy tắc.")
                return redirect("registry:rule_settings")
        else:
            violations = [
                Violation("setting_form", f"{form.fields[f].label}: {' '.join(str(m) for m in e)}", "")
                for f, e in form.errors.items()
            ]
    regimes = [
        {
            "code": code,
            "rows": _rows(code, request.user.agency_id),
            "history": agency_rules.history(request.user.agency_id, code),
        }
        for code in available_codes()
    ]
    return render(
        request,
        "registry/rule_settings.html",
        {"regimes": regimes, "may_change": may_change, "violations": violations},
    )
