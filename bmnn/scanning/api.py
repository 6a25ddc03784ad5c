"""POST /api/v1/scan/ — multipart files in, the same JSON as ``bmnn scan --json`` out."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFilesSent

from bmnn.api.framework import ApiError, endpoint
from bmnn.lib import datadir
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation, Violation
from bmnn.scanning import queries, services
from bmnn.scanning.uploads import (
    MAX_FILES,
    declared_too_large,
    install_handler,
    received_files,
    too_large_message,
    too_many_message,
)

_FINDING = {
    "type": "object",
    "properties": {
        k: {"type": "string"}
        for k in ("rule", "effect", "level", "location", "snippet", "message", "fingerprint")
    }
    | {
        "confidence": {"type": "number"},
        "allowed": {"type": "boolean"},
        "citation": {"type": ["object", "null"]},
    },
}
_FILE = {
    "type": "object",
    "properties": {
        "path": {"type": "string"},
        "verdict": {"enum": ["secret", "declassified", "suspect", "clean", "cannot_verify"]},
        "level": {"enum": ["top_secret", "secret", "confidential", None]},
        "findings": {"type": "array", "items": _FINDING},
        "problems": {"type": "array", "items": {"type": "object"}},
    },
}
RESPONSE = {
    "type": "object",
    "description": "Kết quả rà soát, cùng dạng với `bmnn scan --json`",
    "properties": {"files": {"type": "array", "items": _FILE}, "summary": {"type": "object"}},
}
REQUEST = {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "redact": {"type": "boolean", "description": "ẩn đoạn trích nội dung"},
    },
    "required": ["files"],
}


@endpoint(
    "POST",
    "/scan/",
    summary="Rà soát tệp trước khi phát hành (multipart: một hoặc nhiều trường 'files')",
    request=REQUEST,
    responses={
        200: RESPONSE,
        413: {"description": "Quá giới hạn dung lượng"},
        422: {"description": "Thiếu tệp"},
    },
    content_type="multipart/form-data",
)
def scan(request: AuthedRequest, _body: dict[str, Any]) -> tuple[int, Any]:
    if declared_too_large(request):
        raise ApiError(413, too_large_message())
    with tempfile.TemporaryDirectory(
        prefix="bmnn-scan-", dir=datadir.private_tmp()
    ) as folder:  # deleted whatever happens
        handler = install_handler(request, Path(folder))
        try:
            files = received_files(request)
        except (TooManyFilesSent, RequestDataTooBig):
            raise ApiError(400, too_many_message()) from None
        if handler.exceeded:
            raise ApiError(413, too_large_message())
        if not files or len(files) > MAX_FILES:
            message = (
                too_many_message() if files else "files: hãy gửi ít nhất một tệp (multipart, trường 'files')."
            )
            raise RuleViolation([Violation("files_required", message, "Rà soát tệp trước khi phát hành")])
        redact = request.POST.get("redact", "").lower() in {"1", "true", "on", "yes"}
        options = queries.options_for(request.user, redact=redact)
        outcome = services.scan_files(actor=request.user, files=files, options=options, via="api")
    return 200, outcome.report.to_dict()
