from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bmnn.accounts import access
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.lib.webforms import apply_validation_error
from bmnn.org import services
from bmnn.org.forms import AgencyForm, AuthorityForm, DelegationForm, PositionForm, RevokeForm, UnitForm
from bmnn.org.models import Agency, Delegation, Position, PositionAuthority, Unit


def _agency_for_admin(request: AuthedRequest) -> Agency:
    if not access.can_manage_org(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống được quản lý tổ chức.")
    if request.user.agency is None:
        raise Http404
    return request.user.agency


@login_required
def agency(request: AuthedRequest) -> HttpResponse:
    agency = _agency_for_admin(request)
    form = AgencyForm(
        request.POST or None,
        initial={f: getattr(agency, f) for f in ("name", "short_name", "governing_body", "level", "place")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_agency(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã lưu thông tin cơ quan.")
            return redirect("org:agency")
    return render(
        request,
        "org/agency.html",
        {
            "form": form,
            "agency": agency,
            "units": agency.units.select_related("parent"),
            "positions": agency.positions.select_related("unit").prefetch_related("authorities"),
            "delegations": Delegation.objects.filter(from_position__agency=agency).select_related(
                "from_position", "to_position"
            ),
            "unit_form": UnitForm(agency=agency),
            "position_form": PositionForm(agency=agency),
            "delegation_form": DelegationForm(agency=agency),
            "revoke_form": RevokeForm(),
        },
    )


@login_required
@require_POST
def unit_create(request: AuthedRequest) -> HttpResponse:
    agency = _agency_for_admin(request)
    form = UnitForm(request.POST, agency=agency)
    if form.is_valid():
        try:
            services.create_unit(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã thêm đơn vị.")
            return redirect("org:agency")
    return render(
        request, "org/form.html", {"form": form, "title": "Thêm đơn vị", "action": "org:unit_create"}
    )


@login_required
@require_POST
def position_create(request: AuthedRequest) -> HttpResponse:
    agency = _agency_for_admin(request)
    form = PositionForm(request.POST, agency=agency)
    if form.is_valid():
        try:
            services.create_position(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã thêm chức vụ.")
            return redirect("org:agency")
    return render(
        request, "org/form.html", {"form": form, "title": "Thêm chức vụ", "action": "org:position_create"}
    )


@login_required
def position_detail(request: AuthedRequest, position_id: int) -> HttpResponse:
    agency = _agency_for_admin(request)
    position = get_object_or_404(Position, pk=position_id, agency=agency)
    form = AuthorityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_position_authority(actor=request.user, position=position, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã cập nhật thẩm quyền.")
            return redirect("org:position_detail", position_id=position.pk)
    grants = PositionAuthority.objects.filter(position=position).order_by(
        "act", F("valid_from").asc(nulls_first=True)
    )
    return render(request, "org/position_detail.html", {"position": position, "grants": grants, "form": form})


@login_required
@require_POST
def delegation_create(request: AuthedRequest) -> HttpResponse:
    agency = _agency_for_admin(request)
    form = DelegationForm(request.POST, agency=agency)
    violations = []
    if form.is_valid():
        try:
            services.create_delegation(actor=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            violations = exc.violations
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã ghi nhận ủy quyền.")
            return redirect("org:agency")
    return render(
        request,
        "org/form.html",
        {
            "form": form,
            "violations": violations,
            "title": "Ủy quyền cho cấp phó",
            "action": "org:delegation_create",
        },
    )


@login_required
@require_POST
def delegation_revoke(request: AuthedRequest, delegation_id: int) -> HttpResponse:
    agency = _agency_for_admin(request)
    delegation = get_object_or_404(Delegation, pk=delegation_id, from_position__agency=agency)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Thu hồi từ ngày: nhập ngày dạng dd/mm/yyyy.")
    else:
        try:
            services.revoke_delegation(actor=request.user, delegation=delegation, on=form.cleaned_data["on"])
        except RuleViolation as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Đã thu hồi ủy quyền.")
    return redirect("org:agency")


@login_required
def unit_edit(request: AuthedRequest, unit_id: int) -> HttpResponse:
    agency = _agency_for_admin(request)
    unit = get_object_or_404(Unit, pk=unit_id, agency=agency)
    form = UnitForm(
        request.POST or None,
        agency=agency,
        initial={"code": unit.code, "name": unit.name, "parent": unit.parent},
    )
    form.fields["code"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.update_unit(
                actor=request.user,
                unit=unit,
                name=form.cleaned_data["name"],
                parent=form.cleaned_data["parent"],
                is_active=unit.is_active,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã lưu đơn vị.")
            return redirect("org:agency")
    return render(
        request, "org/form.html", {"form": form, "title": f"Đơn vị {unit.code}", "action_url": request.path}
    )
