from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from bmnn.accounts import access, services
from bmnn.accounts.forms import (
    ActiveForm,
    ClearanceForm,
    LoginForm,
    OtpForm,
    PasswordForm,
    PolicyForm,
    UserCreateForm,
    UserEditForm,
)
from bmnn.accounts.models import AccountPolicy, User
from bmnn.lib.http import AuthedRequest
from bmnn.lib.webforms import apply_validation_error
from bmnn.org.models import Agency


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    """django-axes lockout page."""
    return render(request, "accounts/locked_out.html", status=429)


def _admin_required(request: AuthedRequest) -> Agency:
    """The admin's own agency; other roles, and accounts without an agency, are refused."""
    if not access.can_manage_org(request.user) or request.user.agency is None:
        raise PermissionDenied("Chỉ quản trị hệ thống được quản lý người dùng.")
    return request.user.agency


def get_user_for_admin(request: AuthedRequest, user_id: int) -> User:
    _admin_required(request)
    target = get_object_or_404(User, pk=user_id)
    if target.agency_id != request.user.agency_id:
        raise Http404
    return target


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_password(
                actor=request.user, user=request.user, password=form.cleaned_data["password"]
            )
        except ValidationError as exc:
            form.add_error("password", exc)
        else:
            from django.contrib.auth import update_session_auth_hash

            update_session_auth_hash(request, request.user)
            messages.success(request, "Đã đổi mật khẩu.")
            return redirect("accounts:profile")
    has_totp = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return render(request, "accounts/profile.html", {"form": form, "has_totp": has_totp})


@login_required
def otp_verify(request: AuthedRequest) -> HttpResponse:
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(request.GET.get("next") or "web:dashboard")
        form.add_error("token", "Mã xác thực không đúng hoặc đã hết hạn.")
    return render(request, "accounts/otp_verify.html", {"form": form})


@login_required
def otp_setup(request: AuthedRequest) -> HttpResponse:
    import segno

    device = services.begin_totp_enrolment(actor=request.user)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.confirm_totp_device(actor=request.user, device=device, token=form.cleaned_data["token"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            otp_login(request, device)
            messages.success(request, "Đã bật xác thực hai lớp.")
            return redirect("web:dashboard")
    secret = base64.b32encode(device.bin_key).decode()
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(request, "accounts/otp_setup.html", {"form": form, "secret": secret, "qr_svg": qr_svg})


@login_required
def user_list(request: AuthedRequest) -> HttpResponse:
    agency = _admin_required(request)
    users = User.objects.filter(agency=agency).select_related("unit", "position")
    policy = AccountPolicy.objects.filter(agency=agency).first()
    return render(
        request,
        "accounts/user_list.html",
        {
            "users": users,
            "policy_form": PolicyForm(
                initial={"totp_required": bool(policy and policy.totp_required_for_admins_and_heads)}
            ),
        },
    )


@login_required
def user_create(request: AuthedRequest) -> HttpResponse:
    agency = _admin_required(request)
    form = UserCreateForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_user(actor=request.user, agency=agency, **data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Đã tạo tài khoản {user.username}.")
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "title": "Thêm người dùng"})


@login_required
def user_edit(request: AuthedRequest, user_id: int) -> HttpResponse:
    target = get_user_for_admin(request, user_id)
    initial = {
        "full_name": target.full_name,
        "email": target.email,
        "role": target.role,
        "unit": target.unit,
        "position": target.position,
    }
    form = UserEditForm(request.POST or None, agency=target.agency, initial=initial)
    clearance_form = ClearanceForm(initial={"clearance": target.clearance})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_user(actor=request.user, user=target, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Đã cập nhật người dùng.")
            return redirect("accounts:user_list")
    return render(
        request,
        "accounts/user_edit.html",
        {
            "form": form,
            "target": target,
            "clearance_form": clearance_form,
            "active_form": ActiveForm(),
        },
    )


@login_required
@require_POST
def user_clearance(request: AuthedRequest, user_id: int) -> HttpResponse:
    target = get_user_for_admin(request, user_id)
    form = ClearanceForm(request.POST)
    if form.is_valid():
        services.set_clearance(actor=request.user, user=target, **form.cleaned_data)
        messages.success(request, f"Đã đổi mức tiếp cận của {target.username}.")
    else:
        messages.error(
            request,
            "Chưa đổi mức tiếp cận: "
            + "; ".join(
                f"{form.fields[f].label}: {' '.join(str(m) for m in e)}" for f, e in form.errors.items()
            ),
        )
    return redirect("accounts:user_edit", user_id=target.pk)


@login_required
@require_POST
def user_active(request: AuthedRequest, user_id: int) -> HttpResponse:
    target = get_user_for_admin(request, user_id)
    form = ActiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Lý do: bắt buộc phải ghi lý do khóa/mở khóa tài khoản.")
        return redirect("accounts:user_edit", user_id=target.pk)
    try:
        services.set_active(
            actor=request.user, user=target, active=not target.is_active, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Đã mở khóa tài khoản." if target.is_active else "Đã khóa tài khoản.")
    return redirect("accounts:user_edit", user_id=target.pk)


@login_required
@require_POST
def account_policy(request: AuthedRequest) -> HttpResponse:
    agency = _admin_required(request)
    form = PolicyForm(request.POST)
    if form.is_valid():
        services.set_account_policy(
            actor=request.user, agency=agency, totp_required=form.cleaned_data["totp_required"]
        )
        messages.success(request, "Đã lưu chính sách tài khoản.")
    return redirect("accounts:user_list")
