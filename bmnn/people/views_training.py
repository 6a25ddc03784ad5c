"""Training sessions, awareness activities, coverage; the Ban Chỉ đạo / Tổ bảo mật membership history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.people import forms as f
from bmnn.people import queries, services
from bmnn.people.models import AwarenessActivity, CommitteeMembership, TrainingSession
from bmnn.people.pages import form_page, require_manager


def _reader(request: AuthedRequest) -> None:
    if request.user.role not in queries.READERS or request.user.agency_id is None:
        raise PermissionDenied("Không có quyền xem mục này.")


@login_required
def training_list(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    agency = request.user.agency
    try:
        year = int(request.GET.get("year", clock.today().year))
    except ValueError:
        year = clock.today().year
    return render(
        request,
        "people/training_list.html",
        {
            "year": year,
            "coverage": queries.training_coverage(agency, year),
            "sessions": TrainingSession.objects.filter(agency=agency).prefetch_related("attendees"),
            "activities": AwarenessActivity.objects.filter(agency=agency),
            "may_manage": queries.may_manage(request.user),
        },
    )


@login_required
def training_create(request: AuthedRequest) -> HttpResponse:
    require_manager(request)
    user = request.user
    form = f.TrainingForm(request.POST or None, agency=user.agency, initial={"held_on": clock.today()})
    return form_page(
        request,
        form,
        title="Ghi nhận lớp tập huấn",
        back=reverse("people:training_list"),
        run=lambda d: services.record_training(actor=user, agency=user.agency, **d),
        done="Đã ghi nhận lớp tập huấn.",
    )


@login_required
def awareness_create(request: AuthedRequest) -> HttpResponse:
    require_manager(request)
    user = request.user
    form = f.AwarenessForm(request.POST or None, initial={"held_on": clock.today()})
    return form_page(
        request,
        form,
        title="Ghi nhận hoạt động tuyên truyền",
        back=reverse("people:training_list"),
        run=lambda d: services.record_awareness(actor=user, agency=user.agency, **d),
        done="Đã ghi nhận hoạt động tuyên truyền.",
    )


@login_required
def committee_list(request: AuthedRequest) -> HttpResponse:
    _reader(request)
    members = CommitteeMembership.objects.filter(agency=request.user.agency).select_related("staff")
    return render(
        request,
        "people/committee_list.html",
        {"members": members, "may_manage": queries.may_manage(request.user)},
    )


@login_required
def committee_add(request: AuthedRequest) -> HttpResponse:
    require_manager(request)
    user = request.user
    form = f.MemberForm(request.POST or None, agency=user.agency, initial={"started_on": clock.today()})
    return form_page(
        request,
        form,
        title="Bổ sung thành viên Ban Chỉ đạo / Tổ bảo mật",
        back=reverse("people:committee_list"),
        run=lambda d: services.add_member(actor=user, **d),
        done="Đã bổ sung thành viên.",
    )


@login_required
def committee_end(request: AuthedRequest, membership_id: int) -> HttpResponse:
    require_manager(request)
    membership = CommitteeMembership.objects.filter(pk=membership_id, agency=request.user.agency).first()
    if membership is None:
        raise Http404
    form = f.EndMemberForm(request.POST or None, initial={"ended_on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Thôi tham gia: {membership}",
        back=reverse("people:committee_list"),
        run=lambda d: services.end_membership(actor=request.user, membership=membership, **d),
        done="Đã ghi nhận.",
    )
