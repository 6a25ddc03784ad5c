"""Search page across registers and items, with the xlsx export where the installation allows it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from bmnn.lib.choices import Level
from bmnn.lib.http import AuthedRequest
from bmnn.registers import export, search
from bmnn.registers.api import params_from

EXPORT_LIMIT = 5000


@login_required
def search_page(request: AuthedRequest) -> HttpResponse:
    params = params_from(request.GET)
    page_no = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
    asked = any(
        request.GET.get(k)
        for k in ("q", "number", "body", "unit", "level", "status", "type", "date_from", "date_to")
    )
    hits, more = search.search(request.user, params, page=page_no) if asked else ([], False)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registers/search.html",
        {
            "hits": hits,
            "more": more,
            "page_no": page_no,
            "g": request.GET,
            "query": query.urlencode(),
            "levels": Level.choices,
            "statuses": search.STATUSES.items(),
            "asked": asked,
            "may_export": export.may_export(request.user),
        },
    )


@login_required
def search_export(request: AuthedRequest) -> HttpResponse:
    if not export.may_export(request.user):
        raise PermissionDenied("Xuất danh sách bí mật nhà nước chưa được cho phép với vai trò này.")
    hits: list[search.Hit] = []
    page = 1
    while len(hits) < EXPORT_LIMIT:
        chunk, more = search.search(request.user, params_from(request.GET), page=page)
        hits += chunk
        if not more:
            break
        page += 1
    data = export.export_hits(
        actor=request.user, hits=hits[:EXPORT_LIMIT], query={k: str(v) for k, v in request.GET.items()}
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="tim-kiem-so-dang-ky.xlsx"'
    return response
