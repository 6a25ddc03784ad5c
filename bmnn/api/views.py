from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse, JsonResponse

from bmnn.accounts.middleware import policy_requires_totp
from bmnn.api.framework import ApiError, endpoint, issue_token, openapi_document


@endpoint(
    "POST",
    "/auth/token",
    summary="Đổi tên đăng nhập + mật khẩu lấy mã truy cập (30 ngày)",
    public=True,
    request={
        "type": "object",
        "required": ["username", "password"],
        "properties": {
            "username": {"type": "string"},
            "password": {"type": "string"},
            "otp": {"type": "string", "description": "Mã TOTP, bắt buộc khi tài khoản đã bật"},
        },
    },
    responses={
        200: {"type": "object", "properties": {"token": {"type": "string"}}},
        401: {"description": "Sai thông tin hoặc tài khoản bị khóa"},
    },
)
def auth_token(request: HttpRequest, body: dict[str, Any]) -> tuple[int, Any]:
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        raise ApiError(400, "username và password là bắt buộc (chuỗi).")
    user = authenticate(request, username=username, password=password)
    if user is None:
        raise ApiError(401, "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị tạm khóa.")
    _second_factor(user, body.get("otp"))
    return 200, {"token": issue_token(user=user)}


def _second_factor(user: Any, code: Any) -> None:
    """The API is no way around two-factor login: who needs a code on the pages needs it here."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        if policy_requires_totp(user):
            raise ApiError(401, "Tài khoản phải bật xác thực hai lớp trên giao diện web trước khi dùng API.")
        return
    if not isinstance(code, str) or not any(d.verify_token(code) for d in devices):
        raise ApiError(401, "Cần mã xác thực hai lớp hợp lệ trong trường otp.")


def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
