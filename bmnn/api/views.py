from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse, JsonResponse

from bmnn.api.framework import ApiError, endpoint, issue_token, openapi_document


@endpoint(
    "POST",
    "/auth/token",
    summary="Đổi tên đăng nhập + mật khẩu lấy mã truy cập (30 ngày)",
    public=True,
    request={
        "type": "object",
        "required": ["username", "password"],
        "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
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
    return 200, {"token": issue_token(user=user)}


def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
