from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from bmnn.org.models import Agency
from bmnn.plans.permissions import may_manage_plans


def agency_for_manager(request: HttpRequest) -> Agency:
    if not may_manage_plans(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cán bộ bảo mật và quản trị được quản lý kế hoạch.")
    agency = request.user.agency  # type: ignore[union-attr]
    if agency is None:
        raise Http404
    return agency
