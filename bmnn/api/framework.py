"""A small JSON API layer: bearer tokens, JSON in/out, 422 violations, an OpenAPI registry.

Usage::

    @endpoint("POST", "/items/", summary="...", request={...}, responses={201: {...}})
    def create_item(request, body): ...  # returns (status, data)

Every endpoint runs with ``request.user`` set from the bearer token; clearance is then
applied by the app's own ``queries`` exactly as for pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.csrf import csrf_exempt

from bmnn.api.models import ApiToken
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation, Violation

TOKEN_DAYS = 30
Handler = Callable[..., tuple[int, Any]]


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    request: dict[str, Any] | None = None
    responses: dict[int, dict[str, Any]] = field(default_factory=dict)
    public: bool = False
    content_type: str = "application/json"  # of the request body; "multipart/form-data" for file uploads
    query: dict[str, dict[str, Any]] = field(default_factory=dict)  # query parameter → JSON schema


OPERATIONS: list[Operation] = []


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@transaction.atomic
def issue_token(*, user: Any) -> str:
    token = secrets.token_urlsafe(32)
    now = clock.now()
    ApiToken.objects.create(
        user=user,
        key_hash=hash_token(token),
        prefix=token[:8],
        created_at=now,
        expires_at=now + dt.timedelta(days=TOKEN_DAYS),
    )
    record(event="api.token_issued", actor=user, subject=user, payload={"prefix": token[:8]})
    return token


def user_from_token(request: HttpRequest) -> Any:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "Thiếu mã truy cập: gửi tiêu đề 'Authorization: Bearer <token>'.")
    row = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token.strip())).first()
    if row is None or row.revoked_at is not None or row.expires_at <= clock.now():
        raise ApiError(401, "Mã truy cập không hợp lệ hoặc đã hết hạn.")
    if not row.user.is_active:
        raise ApiError(401, "Tài khoản đã bị khóa.")
    return row.user


def parse_body(request: HttpRequest) -> dict[str, Any]:
    if not request.body:
        return {}
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "Nội dung yêu cầu không phải JSON UTF-8 hợp lệ.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "Nội dung yêu cầu phải là một đối tượng JSON.")
    return body


def violations_response(violations: list[Violation]) -> JsonResponse:
    return JsonResponse(
        {"violations": [v.as_dict() for v in violations]},
        status=422,
        json_dumps_params={"ensure_ascii": False},
    )


def validation_to_violations(exc: ValidationError) -> list[Violation]:
    if hasattr(exc, "error_dict"):
        return [
            Violation(f"invalid_{name}", f"{name}: {msg}", "Kiểm tra dữ liệu đầu vào")
            for name, errors in exc.error_dict.items()
            for e in errors
            for msg in e.messages
        ]
    return [Violation("invalid", m, "Kiểm tra dữ liệu đầu vào") for m in exc.messages]


def endpoint(
    method: str,
    path: str,
    *,
    summary: str,
    request: dict[str, Any] | None = None,
    responses: dict[int, dict[str, Any]] | None = None,
    public: bool = False,
    content_type: str = "application/json",
    query: dict[str, dict[str, Any]] | None = None,
) -> Callable[[Handler], Callable[..., HttpResponseBase]]:
    """Register an API operation. A handler returns ``(status, data)``; ``data`` may be a ready
    ``HttpResponse`` (a PDF or DOCX download), then given back as it is. A response schema may name
    its ``media_type`` (default ``application/json``)."""
    OPERATIONS.append(
        Operation(method, path, summary, request, responses or {}, public, content_type, query or {})
    )
    json_body = content_type == "application/json"

    def decorate(func: Handler) -> Callable[..., HttpResponseBase]:
        @csrf_exempt  # bearer-token API: no ambient cookie credentials are used
        @wraps(func)
        def view(req: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            return _run(func, method, public, req, *args, json_body=json_body, **kwargs)

        view.api_method = method  # type: ignore[attr-defined]
        return view

    return decorate


def _run(
    func: Handler,
    method: str,
    public: bool,
    req: HttpRequest,
    *args: Any,
    json_body: bool = True,
    **kwargs: Any,
) -> HttpResponseBase:
    try:
        if req.method != method:
            raise ApiError(405, f"Chỉ nhận phương thức {method}.")
        if not public:
            req.user = user_from_token(req)
        # A multipart endpoint reads request.FILES itself (streamed to disk, not into request.body).
        body = parse_body(req) if json_body and method in {"POST", "PUT", "PATCH"} else {}
        status, data = func(req, body, *args, **kwargs) if method != "GET" else func(req, *args, **kwargs)
    except ApiError as exc:
        return JsonResponse(
            {"error": exc.message}, status=exc.status, json_dumps_params={"ensure_ascii": False}
        )
    except Http404:
        return JsonResponse(
            {"error": "Không tìm thấy."}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    except RuleViolation as exc:
        return violations_response(exc.violations)
    except ValidationError as exc:
        return violations_response(validation_to_violations(exc))
    if isinstance(data, HttpResponseBase):
        return data
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def dispatch(**handlers: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """One URL, several methods (GET list + POST create)."""

    @csrf_exempt
    def view(req: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        handler = handlers.get(req.method or "")
        if handler is None:
            return JsonResponse({"error": "Phương thức không được hỗ trợ."}, status=405)
        return handler(req, *args, **kwargs)

    return view


def _path_parameters(path: str) -> list[dict[str, Any]]:
    """``{id}``-style placeholders in a documented path; ids and years are integers, other names strings."""
    import re

    names = re.findall(r"\{(\w+)\}", path)
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "integer"}
            if name in ("id", "year") or name.endswith("_id")
            else {"type": "string"},
        }
        for name in names
    ]


def openapi_document() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        entry: dict[str, Any] = {
            "summary": op.summary,
            "responses": {
                str(code): {
                    "description": schema.get("description", ""),
                    "content": {
                        schema.get("media_type", "application/json"): {
                            "schema": {
                                k: v for k, v in schema.items() if k not in ("description", "media_type")
                            }
                        }
                    },
                }
                for code, schema in (op.responses or {200: {"description": "OK"}}).items()
            },
        }
        if not op.public:
            entry["security"] = [{"bearer": []}]
        if op.request:
            entry["requestBody"] = {"required": True, "content": {op.content_type: {"schema": op.request}}}
        params = _path_parameters(op.path) + [
            {"name": name, "in": "query", "required": False, "schema": schema}
            for name, schema in op.query.items()
        ]
        if params:
            entry["parameters"] = params
        paths.setdefault("/api/v1" + op.path, {})[op.method.lower()] = entry
    return {
        "openapi": "3.1.0",
        "info": {"title": "bmnn API", "version": "1"},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": paths,
    }
