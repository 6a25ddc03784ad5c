"""Who may manage staff records, and the shared form page (``bmnn.web.formpage``) the views use."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from bmnn.lib.http import AuthedRequest
from bmnn.people import queries
from bmnn.web.formpage import form_page

__all__ = ["form_page", "require_manager"]


def require_manager(request: AuthedRequest) -> None:
    if not queries.may_manage(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật hoặc quản trị được cập nhật hồ sơ cán bộ.")
