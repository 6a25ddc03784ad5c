"""Restricted areas, secret meetings (clearance-checked) and internal rules."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from bmnn.areas import forms as f
from bmnn.areas import queries, rules, services
from bmnn.areas.models import InternalRule
from bmnn.areas.pages import form_page
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest


def _manager(request: AuthedRequest) -> None:
    if not queries.may_manage(request.user):
        raise PermissionDenied("Chỉ lãnh đạo, cấp phó hoặc cán bộ bảo mật được cập nhật mục này.")


@login_required
def area_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "areas/area_list.html",
        {
            "areas": queries.areas_for(user),
            "meetings": queries.meetings_for(user),
            "alerts": queries.alerts(user.agency, clock.today())
            if queries.may_manage(user) and user.agency
            else [],
            "may_manage": queries.may_manage(user),
        },
    )


@login_required
def area_create(request: AuthedRequest) -> HttpResponse:
    _manager(request)
    user = request.user
    return form_page(
        request,
        f.AreaForm(request.POST or None, agency=user.agency),
        title="Khai báo khu vực, địa điểm cấm",
        back=reverse("areas:area_list"),
        run=lambda d: services.register_area(actor=user, agency=user.agency, **d),
        done="Đã ghi nhận khu vực.",
        then=lambda a: reverse("areas:area_detail", args=[a.pk]),
    )


@login_required
def area_detail(request: AuthedRequest, area_id: int) -> HttpResponse:
    area = queries.get_area_for_user(request.user, area_id)
    return render(
        request,
        "areas/area_detail.html",
        {"area": area, "meetings": queries.meetings_for(request.user).filter(area=area)},
    )


@login_required
def meeting_create(request: AuthedRequest) -> HttpResponse:
    _manager(request)
    user = request.user
    today = clock.today()
    form = f.MeetingForm(
        request.POST or None,
        agency=user.agency,
        initial={"starts_on": today, "ends_on": today, "approved_on": today},
    )
    return form_page(
        request,
        form,
        title="Cuộc họp có nội dung BMNN",
        back=reverse("areas:area_list"),
        run=lambda d: services.plan_meeting(actor=user, agency=user.agency, **d),
        done="Đã ghi nhận cuộc họp.",
        then=lambda m: reverse("areas:meeting_detail", args=[m.pk]),
    )


@login_required
def meeting_detail(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting = queries.get_meeting_for_user(request.user, meeting_id)
    documents, hidden = queries.visible_documents(request.user, meeting)
    return render(
        request,
        "areas/meeting_detail.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("user"),
            "documents": documents,
            "hidden": hidden,
            "device_rules": rules.device_rules(meeting.level, meeting.recording_allowed),
            "may_manage": queries.may_manage(request.user),
        },
    )


def _meeting_action(request: AuthedRequest, meeting_id: int) -> Any:
    _manager(request)
    return queries.get_meeting_for_user(request.user, meeting_id)


@login_required
def meeting_attendees(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_action(request, meeting_id)
    return form_page(
        request,
        f.AttendeesForm(request.POST or None, agency=request.user.agency),
        title=f"Người dự họp — cuộc họp #{meeting.pk}",
        back=reverse("areas:meeting_detail", args=[meeting.pk]),
        run=lambda d: services.add_attendees(
            actor=request.user, meeting=meeting, users=list(d["users"]), role=d["role"]
        ),
        done="Đã bổ sung người dự họp.",
        intro=f"Cuộc họp độ {meeting.get_level_display()}: chỉ người được tiếp cận độ mật này mới được dự.",
    )


@login_required
def meeting_handout(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_action(request, meeting_id)
    from bmnn.accounts.models import User
    from bmnn.registry.queries import visible_items

    attendees = User.objects.filter(pk__in=meeting.attendees.values("user_id"))
    form = f.HandoutForm(
        request.POST or None,
        items=visible_items(request.user),
        attendees=attendees,
        initial={"on": meeting.starts_on},
    )
    return form_page(
        request,
        form,
        title=f"Phát tài liệu BMNN — cuộc họp #{meeting.pk}",
        back=reverse("areas:meeting_detail", args=[meeting.pk]),
        run=lambda d: services.hand_out_document(
            actor=request.user,
            meeting=meeting,
            item=d["item"],
            handed_to=d["handed_to"],
            on=d["on"],
            copies=d["copies"],
        ),
        done="Đã ghi nhận việc phát tài liệu.",
    )


@login_required
def meeting_recover(request: AuthedRequest, meeting_id: int, document_id: int) -> HttpResponse:
    meeting = _meeting_action(request, meeting_id)
    documents, _ = queries.visible_documents(request.user, meeting)
    document = next((d for d in documents if d.pk == document_id), None)
    if document is None:
        raise Http404
    return form_page(
        request,
        f.RecoverForm(request.POST or None, initial={"on": clock.today()}),
        title=f"Thu hồi tài liệu {document.item}",
        back=reverse("areas:meeting_detail", args=[meeting.pk]),
        run=lambda d: services.recover_document(actor=request.user, document=document, on=d["on"]),
        done="Đã thu hồi.",
    )


@login_required
def rule_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    rules_qs = InternalRule.objects.filter(agency=user.agency).prefetch_related("versions")
    return render(
        request,
        "areas/rule_list.html",
        {"rules": rules_qs, "today": clock.today(), "may_manage": queries.may_manage_rules(user)},
    )


@login_required
def rule_create(request: AuthedRequest, rule_id: int | None = None) -> HttpResponse:
    if not queries.may_manage_rules(request.user):
        raise PermissionDenied("Không có quyền ban hành nội quy, quy chế.")
    user = request.user
    rule = None
    if rule_id is not None:
        rule = InternalRule.objects.filter(pk=rule_id, agency=user.agency).first()
        if rule is None:
            raise Http404
    form_class = f.NewVersionForm if rule else f.RuleVersionForm
    extra = {"kind": rule.kind, "title": rule.title} if rule else {}
    return form_page(
        request,
        form_class(request.POST or None),
        title=f"Phiên bản mới: {rule.title}" if rule else "Ban hành nội quy, quy chế",
        back=reverse("areas:rule_list"),
        run=lambda d: services.issue_rule_version(actor=user, agency=user.agency, rule=rule, **(d | extra)),
        done="Đã ghi nhận văn bản.",
    )
