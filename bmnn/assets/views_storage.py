"""Pages for secure USBs (USB an toàn): register, allocate, return."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from bmnn.assets import forms as f
from bmnn.assets import queries, services
from bmnn.assets.views import _manager
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.web.formpage import form_page


@login_required
def storage_list(request: AuthedRequest) -> HttpResponse:
    storages = queries.storages_for(request.user).prefetch_related("allocations__holder")
    return render(
        request,
        "assets/storage_list.html",
        {"storages": storages, "may_manage": queries.may_manage(request.user), "today": clock.today()},
    )


@login_required
def storage_create(request: AuthedRequest) -> HttpResponse:
    _manager(request)
    user = request.user
    form = f.StorageForm(request.POST or None)
    return form_page(
        request,
        form,
        title="Đăng ký USB an toàn / thiết bị lưu trữ",
        back=reverse("assets:storage_list"),
        run=lambda d: services.register_storage(actor=user, agency=user.agency, **d),
        done="Đã đăng ký thiết bị lưu trữ.",
    )


@login_required
def storage_detail(request: AuthedRequest, storage_id: int) -> HttpResponse:
    storage = queries.get_storage_for_user(request.user, storage_id)
    return render(
        request,
        "assets/storage_detail.html",
        {
            "storage": storage,
            "allocations": storage.allocations.select_related("holder"),
            "is_out": storage.allocations.filter(returned_on__isnull=True).exists(),
            "may_manage": queries.may_manage(request.user),
        },
    )


@login_required
def storage_allocate(request: AuthedRequest, storage_id: int) -> HttpResponse:
    _manager(request)
    storage = queries.get_storage_for_user(request.user, storage_id)
    form = f.AllocateForm(request.POST or None, agency=request.user.agency, initial={"on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Giao USB {storage.serial}",
        back=reverse("assets:storage_detail", args=[storage.pk]),
        run=lambda d: services.allocate_storage(actor=request.user, storage=storage, **d),
        done="Đã ghi nhận việc giao.",
    )


@login_required
def storage_return(request: AuthedRequest, storage_id: int) -> HttpResponse:
    _manager(request)
    storage = queries.get_storage_for_user(request.user, storage_id)
    form = f.ReturnForm(request.POST or None, initial={"on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Nhận lại USB {storage.serial}",
        back=reverse("assets:storage_detail", args=[storage.pk]),
        run=lambda d: services.return_storage(actor=request.user, storage=storage, **d),
        done="Đã ghi nhận việc trả.",
    )
