"""Danh mục pages: browse and search (every user), import / close / starter (managers only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.catalog import importsession, queries, services
from bmnn.catalog.exporting import catalog_xlsx, export_filename
from bmnn.catalog.forms import CloseItemForm, ConfirmImportForm, ImportForm, SearchForm, SuggestForm
from bmnn.catalog.models import CatalogSource
from bmnn.catalog.permissions import may_manage_catalogs
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.lib.webforms import apply_validation_error
from bmnn.registry import queries as registry_queries

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _manager(request: AuthedRequest) -> None:
    if not may_manage_catalogs(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống hoặc cán bộ bảo mật được thay đổi danh mục BMNN.")


@login_required
def catalog_list(request: AuthedRequest) -> HttpResponse:
    catalogs = queries.visible_catalogs(request.user)
    context = {
        "catalogs": catalogs,
        "search_form": SearchForm(),
        "may_manage": may_manage_catalogs(request.user),
    }
    return render(request, "catalog/catalog_list.html", context)


@login_required
def catalog_detail(request: AuthedRequest, catalog_id: int) -> HttpResponse:
    catalog = queries.get_catalog_for_user(request.user, catalog_id)
    items = queries.citation_order(catalog.items.select_related("catalog"))
    usage = registry_queries.basis_usage_counts(request.user, catalog_id=catalog.pk)
    rows = [(item, usage.get(item.pk, 0)) for item in items]
    context = {"catalog": catalog, "rows": rows, "may_manage": may_manage_catalogs(request.user)}
    return render(request, "catalog/catalog_detail.html", context)


@login_required
def item_search(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    items = list(queries.search_items(q, user=request.user)[: queries.SEARCH_LIMIT]) if q.strip() else []
    context = {"form": form, "items": items, "q": q, "limit": queries.SEARCH_LIMIT}
    template = "catalog/_search_results.html" if request.htmx else "catalog/item_search.html"
    return render(request, template, context)


@login_required
def catalog_import(request: AuthedRequest) -> HttpResponse:
    """Step 1: upload → preview of every parsed item and every problem (nothing saved yet)."""
    _manager(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pending = importsession.PendingImport(
            filename=data["file"].name,
            data=data["file"].read(),
            decision=data["decision"].strip(),
            signed_on=data["signed_on"],
            sector=data["sector"].strip(),
            shared=data["shared"],
        )
        importsession.store(request.session, pending)
        return _preview(request, pending, ConfirmImportForm(initial={"token": pending.token}))
    return render(request, "catalog/catalog_import.html", {"form": form})


def _preview(
    request: HttpRequest,
    pending: importsession.PendingImport,
    form: ConfirmImportForm,
    violations: list | None = None,
) -> HttpResponse:
    parsed = pending.parse()
    context = {"pending": pending, "parsed": parsed, "form": form, "violations": violations or []}
    return render(request, "catalog/import_preview.html", context)


@login_required
@require_POST
def catalog_import_confirm(request: AuthedRequest) -> HttpResponse:
    """Step 2: the previewed file (kept server-side, parsed again) is saved, or refused whole."""
    _manager(request)
    form = ConfirmImportForm(request.POST)
    pending = importsession.load(request.session, request.POST.get("token", ""))
    if not form.is_valid() or pending is None:
        messages.error(request, "Phiên nhập đã hết hạn hoặc tệp đã thay đổi; hãy tải tệp lên lại.")
        return redirect("catalog:import")
    try:
        catalog = services.import_catalog(
            actor=request.user,
            parsed=pending.parse(),
            filename=pending.filename,
            confirmed=form.cleaned_data["accept_problems"],
            agency=None if pending.shared else request.user.agency,
            source=CatalogSource.PUBLIC if pending.shared else CatalogSource.AGENCY,
            decision=pending.decision,
            signed_on=pending.signed_on,
            sector=pending.sector,
        )
    except RuleViolation as exc:
        return _preview(request, pending, form, exc.violations)
    importsession.clear(request.session)
    messages.success(request, f"Đã nhập danh mục theo Quyết định {catalog.decision}.")
    return redirect("catalog:detail", catalog_id=catalog.pk)


@login_required
def catalog_export(request: AuthedRequest, catalog_id: int) -> HttpResponse:
    catalog = queries.get_catalog_for_user(request.user, catalog_id)
    response = HttpResponse(catalog_xlsx(catalog), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(catalog)}"'
    return response


@login_required
def item_close(request: AuthedRequest, item_id: int) -> HttpResponse:
    _manager(request)
    item = queries.get_item_for_user(request.user, item_id)
    form = CloseItemForm(request.POST or None)
    violations: list = []
    if request.method == "POST" and form.is_valid():
        try:
            services.close_item(actor=request.user, item=item, **form.cleaned_data)
        except RuleViolation as exc:
            violations = exc.violations
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Đã đóng {item.citation}.")
            return redirect("catalog:detail", catalog_id=item.catalog_id)
    return render(request, "catalog/item_close.html", {"item": item, "form": form, "violations": violations})


@login_required
@require_POST
def load_starter(request: AuthedRequest) -> HttpResponse:
    _manager(request)
    created = services.load_starter_catalog(actor=request.user)
    if created:
        messages.success(request, f"Đã nạp {len(created)} danh mục mẫu (theo tin công khai, cần đối chiếu).")
    else:
        messages.info(request, "Danh mục mẫu đã có sẵn; không nạp lại.")
    return redirect("catalog:list")


@login_required
@require_POST
def suggest(request: AuthedRequest) -> HttpResponse:
    """htmx partial: catalog items that fit a text (embedded by the classification proposal form).

    POST only: the text is a draft that may be secret, so it must never sit in a URL (browser
    history, server and proxy logs)."""
    form = SuggestForm(request.POST)
    result = None
    if form.is_valid():
        result = queries.suggest_for_text(form.cleaned_data["text"], user=request.user)
    return render(request, "catalog/_suggestions.html", {"result": result, "form": form})
